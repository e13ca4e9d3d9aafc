package org.tradeflow.rules;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles decision tables and DRL into a {@link RuleSet}, or explains in an analyst's terms why it cannot. */
@Component
class RuleSetCompiler {

    /** Decision-table rule names are {@code <RuleTable name>_<spreadsheet row>}. */
    private static final Pattern TABLE_RULE_NAME = Pattern.compile("([A-Za-z][A-Za-z0-9]*)_(\\d+)");
    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule \"([^\"]+)\"");

    static {
        // Spreadsheets come from people and, later, uploads: refuse zip bombs before POI inflates them.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(50L * 1024 * 1024);
        ZipSecureFile.setMaxFileCount(1000);
        ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
    }

    /**
     * One build at a time in this JVM: Drools caches converted decision tables by path while it builds, so
     * two overlapping builds of different versions of one table could mix them up.
     */
    synchronized RuleSet compile(List<RuleSource> sources, String checksum) throws RuleCompilationException {
        KieServices kieServices = KieServices.Factory.get();
        ReleaseId releaseId = kieServices.newReleaseId("org.tradeflow.rules", "ruleset", "1.0.0-" + checksum);
        KieFileSystem files = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
        for (RuleSource source : sources) {
            // Drools 10 only recognises "*.drl.xlsx" by name; an explicit type keeps the analysts' file names.
            files.write(kieServices.getResources().newByteArrayResource(source.content())
                    .setSourcePath("src/main/resources/tradeflow/" + source.fileName())
                    .setResourceType(source.isDecisionTable() ? ResourceType.DTABLE : ResourceType.DRL));
        }
        KieBuilder builder;
        try {
            builder = kieServices.newKieBuilder(files).buildAll();
        } catch (RuntimeException e) {
            throw new RuleCompilationException(List.of("The rules could not be read: " + rootMessage(e)));
        }
        List<String> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(describe(message, sources));
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        KieContainer container = kieServices.newKieContainer(releaseId);
        RuleSet ruleSet = new RuleSet(container.getKieBase(), checksum);
        kieServices.getRepository().removeKieModule(releaseId);
        return ruleSet;
    }

    private static String describe(Message message, List<RuleSource> sources) {
        String file = message.getPath() == null ? "" : message.getPath().replaceFirst(".*/", "");
        StringBuilder text = new StringBuilder(file.isEmpty() ? "rules" : file);
        Optional<RuleSource> table = sources.stream().filter(s -> s.fileName().equals(file) && s.isDecisionTable()).findFirst();
        // Errors in a condition name their rule; errors in an action give the rule's line in the generated DRL.
        Matcher ruleName = TABLE_RULE_NAME.matcher(message.getText());
        if (table.isPresent() && !ruleName.find() && message.getLine() > 0) {
            ruleName = TABLE_RULE_NAME.matcher(ruleAtLine(table.get(), message.getLine()));
        }
        if (table.isPresent() && ruleName.find(0)) {
            String sheet = sheetHolding(table.get(), "RuleTable " + ruleName.group(1)).orElse("?");
            text.append(", sheet ").append(sheet).append(", row ").append(ruleName.group(2))
                    .append(" (table ").append(ruleName.group(1)).append(")");
        } else if (message.getLine() > 0) {
            text.append(", line ").append(message.getLine());
        }
        return text.append(": ").append(message.getText().strip()).toString();
    }

    /** The name of the rule declared at or above a line of the DRL Drools generates from a decision table. */
    private static String ruleAtLine(RuleSource table, int line) {
        try {
            String[] drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.content()), InputType.XLS).split("\n");
            for (int i = Math.min(line, drl.length) - 1; i >= 0; i--) {
                Matcher declaration = RULE_DECLARATION.matcher(drl[i]);
                if (declaration.find()) {
                    return declaration.group(1);
                }
            }
        } catch (RuntimeException unreadable) {
            // the message then names the line only
        }
        return "";
    }

    private static Optional<String> sheetHolding(RuleSource table, String marker) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(table.content()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().trim().startsWith(marker)) {
                            return Optional.of(sheet.getSheetName());
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
