package org.tradeflow.rules;

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
import org.tradeflow.rules.DecisionTableInspector.InspectedTable;
import org.tradeflow.rules.RuleSet.Member;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles inspected decision tables and hand-written DRL into a {@link RuleSet}, or explains in an analyst's
 * terms why it cannot. A table reaches Drools only as the DRL generated from its canonical workbook (the
 * analysts' file itself is never given to Drools), and only once {@link GeneratedRules} found nothing in it but
 * the rules of the table's rows.
 */
@Component
class RuleSetCompiler {

    /** Decision-table rule names are {@code <RuleTable name>_<spreadsheet row>}. */
    private static final Pattern TABLE_RULE_NAME = Pattern.compile("([A-Za-z][A-Za-z0-9]*)_(\\d+)");
    private static final Pattern RULE_DECLARATION = Pattern.compile("^\\s*rule \"([^\"]+)\"");
    /** A table's generated DRL is compiled as {@code pricing.xlsx.drl}, apart from the hand-written {@code pricing.drl}. */
    private static final String GENERATED = ".drl";

    /**
     * One build at a time in this JVM: a build registers its module in the shared KieRepository under the rule
     * set's checksum and removes it again, so two builds of the same rule set at once could remove each other's.
     * {@code filesChecksum} sums the files the tables and DRL were read from.
     */
    synchronized RuleSet compile(List<InspectedTable> tables, List<RuleSource> drlFiles, String filesChecksum)
            throws RuleCompilationException {
        List<Member> members = new ArrayList<>();
        List<String> unparsable = new ArrayList<>();
        for (InspectedTable table : tables) {
            String drl;
            try {
                drl = drl(table);
            } catch (RuntimeException unreadable) {
                throw new RuleCompilationException(List.of(table.fileName() + ": the rules could not be read from the table: "
                        + rootMessage(unreadable)));
            }
            GeneratedRules.Verdict verdict = GeneratedRules.check(table.fileName(), drl, table.expectedRules());
            if (!verdict.refusals().isEmpty()) {
                throw new RuleCompilationException(verdict.refusals());
            }
            verdict.parseErrors().forEach(error -> unparsable.add(table.fileName() + ": " + error));
            members.add(new Member(table.fileName(), table.table(), RuleSetRegistry.sha256(table.source().content()), drl));
        }
        for (RuleSource source : drlFiles) {
            if (source.isDecisionTable()) {
                throw new IllegalArgumentException(source.fileName() + " is a decision table: only inspected tables compile");
            }
            members.add(new Member(source.fileName(), null, null, new String(source.content(), StandardCharsets.UTF_8)));
        }
        return build(members, tables, unparsable, filesChecksum);
    }

    /**
     * Compiles the members of a rule set that went live once more, exactly as they compiled then (the same DRL texts
     * in the same order give the same checksum); {@code filesChecksum} is null, as no files were read.
     */
    synchronized RuleSet recompile(List<Member> members) throws RuleCompilationException {
        return build(members, List.of(), List.of(), null);
    }

    /** Compiles the members' DRL texts, and nothing else: what is stored under the checksum is what compiled. */
    private static RuleSet build(List<Member> members, List<InspectedTable> tables, List<String> unparsable,
                                 String filesChecksum) throws RuleCompilationException {
        String checksum = checksum(members);
        Map<String, String> tableDrl = new LinkedHashMap<>();
        members.stream().filter(Member::isTable).forEach(member -> tableDrl.put(member.sourceName(), member.drl()));
        KieServices kieServices = KieServices.Factory.get();
        ReleaseId releaseId = kieServices.newReleaseId("org.tradeflow.rules", "ruleset", "1.0.0-" + checksum);
        KieFileSystem files = kieServices.newKieFileSystem().generateAndWritePomXML(releaseId);
        for (Member member : members) {
            files.write(kieServices.getResources().newByteArrayResource(member.drl().getBytes(StandardCharsets.UTF_8))
                    .setSourcePath("src/main/resources/tradeflow/" + member.sourceName() + (member.isTable() ? GENERATED : ""))
                    .setResourceType(ResourceType.DRL));
        }
        KieBuilder builder;
        try {
            builder = kieServices.newKieBuilder(files).buildAll();
        } catch (RuntimeException e) {
            throw new RuleCompilationException(List.of("The rules could not be read: " + rootMessage(e)));
        }
        List<String> problems = new ArrayList<>();
        for (Message message : builder.getResults().getMessages(Message.Level.ERROR)) {
            problems.add(describe(message, tables, tableDrl));
        }
        if (problems.isEmpty() && !unparsable.isEmpty()) {
            problems.addAll(unparsable); // never compiled unchecked, even should the build not notice what the parser did
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        KieContainer container = kieServices.newKieContainer(releaseId);
        RuleSet ruleSet = new RuleSet(container.getKieBase(), checksum, filesChecksum, members);
        kieServices.getRepository().removeKieModule(releaseId);
        return ruleSet;
    }

    /**
     * {@link RuleSet#checksum()}: each member's file name, its table version's checksum (empty for hand-written DRL)
     * and its DRL text, each preceded by its length so that no two different sets sum alike.
     */
    static String checksum(List<Member> members) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Member member : members) {
                field(digest, member.sourceName());
                field(digest, member.tableChecksum() == null ? "" : member.tableChecksum());
                field(digest, member.drl());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void field(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** The DRL Drools generates from a table's canonical workbook (its analysts' file is never read here). */
    static String drl(InspectedTable table) {
        return new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.canonicalWorkbook()), InputType.XLS);
    }

    private static String describe(Message message, List<InspectedTable> tables, Map<String, String> tableDrl) {
        String file = message.getPath() == null ? "" : message.getPath().replaceFirst(".*/", "");
        Optional<InspectedTable> table = tables.stream().filter(t -> file.equals(t.fileName() + GENERATED)).findFirst();
        StringBuilder text = new StringBuilder(file.isEmpty() ? "rules" : table.map(InspectedTable::fileName).orElse(file));
        // Errors in a condition name their rule; errors in an action give the rule's line in the generated DRL.
        Matcher ruleName = TABLE_RULE_NAME.matcher(message.getText());
        if (table.isPresent() && !ruleName.find() && message.getLine() > 0) {
            ruleName = TABLE_RULE_NAME.matcher(ruleAtLine(tableDrl.get(table.get().fileName()), message.getLine()));
        }
        if (table.isPresent() && ruleName.find(0)) {
            String sheet = table.get().sheetOf(ruleName.group(1)).orElse("?");
            text.append(", sheet ").append(sheet).append(", row ").append(ruleName.group(2))
                    .append(" (table ").append(ruleName.group(1)).append(")");
        } else if (message.getLine() > 0) {
            text.append(", line ").append(message.getLine());
        }
        return text.append(": ").append(message.getText().strip()).toString();
    }

    /** The name of the rule declared at or above a line of a table's generated DRL. */
    private static String ruleAtLine(String drl, int line) {
        String[] lines = drl.split("\n");
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher declaration = RULE_DECLARATION.matcher(lines[i]);
            if (declaration.find()) {
                return declaration.group(1);
            }
        }
        return "";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
