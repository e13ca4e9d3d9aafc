package org.tradeflow.rules;

import org.drools.drl.ast.descr.AbstractClassTypeDeclarationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.EntryPointDeclarationDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.WindowDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The last check of a decision table before its generated DRL is compiled, whatever the inspector may have missed:
 * the DRL is parsed as the compiler will parse it ({@link DrlParser}, into a {@link PackageDescr}) and may hold
 * only what a table's rows make. No function, query, type, enum, entry point or window declaration, no imported
 * function or accumulate, no unit and no package attribute; exactly the approved header's package, imports and
 * globals; and exactly the rules {@code <RuleTable name>_<row>} of the rows the inspector checked, each with no
 * attribute but the salience of a Sequential table. Drools pastes Functions, Queries and Declare settings into the
 * DRL as they are, so this is what keeps a cell read as a setting from ever becoming code.
 */
final class GeneratedRules {

    private static final Logger log = LoggerFactory.getLogger(GeneratedRules.class);
    private static final String ONLY_ROWS = "; Drools would read part of the sheet as a setting instead of as the rows "
            + "of a table (look below and beside each table); only the rows of a table may change";

    private GeneratedRules() {
    }

    /**
     * What the DRL of one table may hold, from its approved header and checked rows.
     *
     * @param globals each as {@code type identifier}
     * @param rules   every rule's name, and whether its table is Sequential (its rules then carry a salience)
     */
    record Expected(String packageName, List<String> imports, List<String> globals, Map<String, Boolean> rules) {
        Expected {
            imports = List.copyOf(imports);
            globals = List.copyOf(globals);
            rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules)); // in sheet order
        }
    }

    /** Reasons to refuse the DRL (each naming the file), and parse errors, which the compiler reports in detail. */
    record Verdict(List<String> refusals, List<String> parseErrors) {
    }

    static Verdict check(String file, String drl, Expected expected) {
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, drl);
        } catch (DroolsParserException unreadable) {
            return new Verdict(List.of(), List.of(String.valueOf(unreadable.getMessage())));
        }
        if (parser.hasErrors() || descr == null) {
            return new Verdict(List.of(), parser.getErrors().stream().map(DroolsError::getMessage).toList());
        }
        List<String> details = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        forbid(refusals, details, "functions", descr.getFunctions(), FunctionDescr::getName);
        forbid(refusals, details, "imported functions", descr.getFunctionImports(), ImportDescr::getTarget);
        forbid(refusals, details, "imported accumulate functions", descr.getAccumulateImports(), ImportDescr::getTarget);
        forbid(refusals, details, "queries", descr.getRules().stream().filter(RuleDescr::isQuery).toList(), RuleDescr::getName);
        forbid(refusals, details, "type declarations", descr.getTypeDeclarations(), AbstractClassTypeDeclarationDescr::getTypeName);
        forbid(refusals, details, "enum declarations", descr.getEnumDeclarations(), AbstractClassTypeDeclarationDescr::getTypeName);
        forbid(refusals, details, "entry point declarations", descr.getEntryPointDeclarations(), EntryPointDeclarationDescr::getEntryPointId);
        forbid(refusals, details, "window declarations", descr.getWindowDeclarations(), WindowDeclarationDescr::getName);
        forbid(refusals, details, "package attributes", descr.getAttributes(), AttributeDescr::getName);
        if (descr.getUnit() != null) {
            refusals.add("the table would declare a rule unit (" + descr.getUnit().getTarget() + ")" + ONLY_ROWS);
            details.add("unit " + descr.getUnit().getTarget());
        }
        if (!expected.packageName().equals(descr.getName())) {
            refusals.add("the table would put its rules into package " + descr.getName() + " instead of the approved "
                    + expected.packageName() + ONLY_ROWS);
            details.add("package " + descr.getName());
        }
        same(refusals, details, "imports", expected.imports(), descr.getImports().stream().map(ImportDescr::getTarget).toList());
        same(refusals, details, "globals", expected.globals(), descr.getGlobals().stream()
                .map(g -> g.getType() + " " + g.getIdentifier()).toList());
        checkRules(descr.getRules().stream().filter(rule -> !rule.isQuery()).toList(), expected, refusals, details);
        if (!refusals.isEmpty()) {
            log.warn("The rules generated from {} hold what no table row makes and are refused: {}", file, details);
            refusals.replaceAll(reason -> file + ": " + reason);
        }
        return new Verdict(refusals, List.of());
    }

    private static void checkRules(List<RuleDescr> rules, Expected expected, List<String> refusals, List<String> details) {
        Set<String> names = new LinkedHashSet<>();
        for (RuleDescr rule : rules) {
            String name = rule.getName();
            if (!names.add(name) || !expected.rules().containsKey(name)) {
                refusals.add("the table would make a rule '" + name + "' that is no row of a table" + ONLY_ROWS);
                details.add("rule " + name);
                continue;
            }
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                boolean salience = attribute.getName().equals("salience") && expected.rules().get(name)
                        && attribute.getValue().matches("-?\\d+");
                if (!salience) {
                    refusals.add("rule " + name + " would have the attribute " + attribute.getName() + " "
                            + attribute.getValue() + ", which no row of a table sets" + ONLY_ROWS);
                    details.add("rule " + name + " attribute " + attribute.getName() + " " + attribute.getValue());
                }
            }
            if (rule.hasParent() || !rule.getNamedConsequences().isEmpty() || !rule.getAnnotations().isEmpty()) {
                refusals.add("rule " + name + " would extend another rule, carry annotations or named consequences, "
                        + "which no row of a table makes" + ONLY_ROWS);
                details.add("rule " + name + " extends " + rule.getParentName() + ", annotations "
                        + rule.getAnnotationNames() + ", consequences " + rule.getNamedConsequences().keySet());
            }
        }
        expected.rules().keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(missing -> {
            refusals.add("row " + missing.substring(missing.lastIndexOf('_') + 1) + " of table "
                    + missing.substring(0, missing.lastIndexOf('_')) + " would not become a rule" + ONLY_ROWS);
            details.add("missing rule " + missing);
        });
    }

    private static <T> void forbid(List<String> refusals, List<String> details, String what, Collection<T> found,
                                   Function<T, String> name) {
        if (!found.isEmpty()) {
            List<String> names = found.stream().map(name).toList();
            refusals.add("the table would define " + what + " (" + String.join(", ", names) + "), which no decision "
                    + "table may" + ONLY_ROWS);
            details.add(what + " " + names);
        }
    }

    private static void same(List<String> refusals, List<String> details, String what, List<String> approved,
                             List<String> found) {
        if (!approved.equals(found)) {
            refusals.add("the table would have the " + what + " " + found + " instead of the approved " + approved + ONLY_ROWS);
            details.add(what + " " + found);
        }
    }
}
