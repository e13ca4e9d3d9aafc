package org.tradeflow.rules;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tradeflow.rules.DecisionTableInspector.InspectedTable;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The backstop behind the inspector: whatever DRL Drools generates from a table, it compiles only if it holds the
 * rules of the table's checked rows and nothing else. Fed DRL text directly, so that it is tested whatever the
 * inspector lets through.
 */
class GeneratedRulesTest {

    private static final InspectedTable PRICING = inspected("pricing");
    private static final String PRICING_DRL = RuleSetCompiler.drl(PRICING);
    private static final InspectedTable ROUTING = inspected("routing");
    private static final String ROUTING_DRL = RuleSetCompiler.drl(ROUTING);
    private static final String ONLY_ROWS = "Drools would read part of the sheet as a setting instead of as the rows of a table";

    @Test
    void theRulesOfEveryCommittedTablePass() throws Exception {
        for (RuleSource table : RuleSetRegistry.read(Path.of("decision-tables"), ".xlsx")) {
            InspectedTable inspected = RuleSetRegistry.check(Path.of("rules"), table.fileName().replace(".xlsx", ""), table.content());

            GeneratedRules.Verdict verdict = GeneratedRules.check(table.fileName(), RuleSetCompiler.drl(inspected),
                    inspected.expectedRules());

            assertThat(verdict.refusals()).as(table.fileName()).isEmpty();
            assertThat(verdict.parseErrors()).as(table.fileName()).isEmpty();
        }
    }

    @Test
    void theReportedExploitIsRefusedEvenWhenTheInspectorIsBypassed() {
        // Drools' own reading of the analysts' file (never done by the server): a function and a rule Evil.
        String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(TableExtentTest.settingBelowACellLeftOfTheTable()),
                InputType.XLS);

        assertThat(GeneratedRules.check("pricing.xlsx", drl, PRICING.expectedRules()).refusals()).contains(
                "pricing.xlsx: the table would define functions (f), which no decision table may; " + ONLY_ROWS
                        + " (look below and beside each table); only the rows of a table may change",
                "pricing.xlsx: the table would make a rule 'Evil' that is no row of a table; " + ONLY_ROWS
                        + " (look below and beside each table); only the rows of a table may change");
    }

    static Stream<Arguments> constructsNoTableMakes() {
        return Stream.of(
                arguments("a function", append("function void f() { System.exit(0); }"), "would define functions (f)"),
                arguments("a query", append("query \"q\" PricingLine() end"), "would define queries (q)"),
                arguments("a type declaration", append("declare Evil name : String end"), "would define type declarations (Evil)"),
                arguments("an enum declaration", append("declare enum Colour RED, GREEN; end"), "would define enum declarations (Colour)"),
                arguments("an entry point", append("declare entry-point Stream end"), "would define entry point declarations (Stream)"),
                arguments("a window", append("declare window W PricingLine() over window:length(10) end"),
                        "would define window declarations (W)"),
                arguments("an imported accumulate function", append("import accumulate org.example.Evil evil;"),
                        "would define imported accumulate functions (org.example.Evil)"),
                arguments("an imported function", append("import function java.lang.System.exit;"),
                        "would define imported functions (java.lang.System.exit)"),
                arguments("a rule unit", afterPackage("unit Evil;"), "would declare a rule unit (Evil)"),
                arguments("package attributes", afterPackage("no-loop true\ndialect \"mvel\""),
                        "would define package attributes (no-loop, dialect)"),
                arguments("another package", (UnaryOperator<String>) drl -> drl.replace("package org.tradeflow.rules.pricing;", "package org.evil;"),
                        "would put its rules into package org.evil instead of the approved org.tradeflow.rules.pricing"),
                arguments("another import", afterPackage("import java.lang.Runtime;"), "would have the imports [java.lang.Runtime, "
                        + "org.tradeflow.pricing.PricingLine, org.tradeflow.pricing.PriceOffer, org.tradeflow.pricing.PriceSource]"),
                arguments("one import fewer", (UnaryOperator<String>) drl -> drl.replace("import org.tradeflow.pricing.PriceSource;", ""),
                        "would have the imports [org.tradeflow.pricing.PricingLine, org.tradeflow.pricing.PriceOffer] instead of"),
                arguments("another global", append("global java.lang.Runtime runtime;"),
                        "would have the globals [org.tradeflow.pricing.OrderEvaluation evaluation, java.lang.Runtime runtime]"),
                arguments("a global of another type", (UnaryOperator<String>) drl -> drl.replace("global org.tradeflow.pricing.OrderEvaluation evaluation;",
                        "global java.lang.Object evaluation;"), "would have the globals [java.lang.Object evaluation]"),
                arguments("a rule no row makes", append("rule \"Evil\" when then System.exit(0); end"),
                        "would make a rule 'Evil' that is no row of a table"),
                arguments("a rule named like a row that is none", append("rule \"ContractPrices_99\" when then end"),
                        "would make a rule 'ContractPrices_99' that is no row of a table"),
                arguments("a rule twice", append("rule \"ContractPrices_12\" when then end"),
                        "would make a rule 'ContractPrices_12' that is no row of a table"),
                arguments("a row that is no rule", (UnaryOperator<String>) drl -> drl.replace("rule \"ContractPrices_12\"", "rule \"Other\""),
                        "row 12 of table ContractPrices would not become a rule"),
                arguments("a rule attribute", attributes("ContractPrices_12", "no-loop true"),
                        "rule ContractPrices_12 would have the attribute no-loop true, which no row of a table sets"),
                arguments("a timer", attributes("ContractPrices_12", "timer (int: 1s)"),
                        "rule ContractPrices_12 would have the attribute timer int: 1s"),
                arguments("a rule switched off", attributes("ContractPrices_12", "enabled false"),
                        "rule ContractPrices_12 would have the attribute enabled false"),
                arguments("a date from which it applies", attributes("ContractPrices_12", "date-effective \"1-Jan-2030\""),
                        "rule ContractPrices_12 would have the attribute date-effective 1-Jan-2030"),
                arguments("an agenda group", attributes("ContractPrices_12", "agenda-group \"evil\""),
                        "rule ContractPrices_12 would have the attribute agenda-group evil"),
                arguments("a salience in a table that is not Sequential", attributes("ContractPrices_12", "salience 100"),
                        "rule ContractPrices_12 would have the attribute salience 100"),
                arguments("a rule extending another", (UnaryOperator<String>) drl -> drl.replace("rule \"ContractPrices_12\"",
                        "rule \"ContractPrices_12\" extends \"ContractPrices_13\""), "rule ContractPrices_12 would extend another rule"),
                arguments("an annotation", (UnaryOperator<String>) drl -> drl.replace("rule \"ContractPrices_12\"", "rule \"ContractPrices_12\" @Evil(1)"),
                        "rule ContractPrices_12 would extend another rule, carry annotations or named consequences"),
                arguments("a named consequence", (UnaryOperator<String>) drl -> drl.replaceFirst("(?s)(rule \"ContractPrices_12\".*?)\nend",
                        "$1\nthen[evil]\n\t\tSystem.exit(0);\nend"),
                        "rule ContractPrices_12 would extend another rule, carry annotations or named consequences"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructsNoTableMakes")
    void droolsConstructNoTableRowMakesIsRefused(String construct, UnaryOperator<String> change, String reason) {
        GeneratedRules.Verdict verdict = GeneratedRules.check("pricing.xlsx", change.apply(PRICING_DRL), PRICING.expectedRules());

        assertThat(verdict.parseErrors()).isEmpty();
        assertThat(verdict.refusals()).anySatisfy(refusal -> assertThat(refusal).startsWith("pricing.xlsx: ").contains(reason)
                .endsWith("only the rows of a table may change"));
    }

    @Test
    void aSequentialTablesRulesCarryTheirSalienceAndNothingElse() {
        String computedSalience = ROUTING_DRL.replaceFirst("salience 65535", "salience (java.lang.System.currentTimeMillis())");
        String noLoop = ROUTING_DRL.replaceFirst("salience 65535", "salience 65535\n\tno-loop true");

        assertThat(GeneratedRules.check("routing.xlsx", ROUTING_DRL, ROUTING.expectedRules()).refusals()).isEmpty();
        assertThat(GeneratedRules.check("routing.xlsx", computedSalience, ROUTING.expectedRules()).refusals()).singleElement()
                .asString().startsWith("routing.xlsx: rule WarehouseRouting_13 would have the attribute salience "
                        + "(java.lang.System.currentTimeMillis())");
        assertThat(GeneratedRules.check("routing.xlsx", noLoop, ROUTING.expectedRules()).refusals()).singleElement()
                .asString().startsWith("routing.xlsx: rule WarehouseRouting_13 would have the attribute no-loop true");
    }

    @Test
    void drlThatDoesNotParseIsLeftToTheCompilerToExplainButNeverPasses() {
        GeneratedRules.Verdict verdict = GeneratedRules.check("pricing.xlsx", PRICING_DRL + "\nrule \"Broken\" when (", PRICING.expectedRules());

        assertThat(verdict.refusals()).isEmpty();
        assertThat(verdict.parseErrors()).isNotEmpty();
    }

    private static UnaryOperator<String> append(String text) {
        return drl -> drl + "\n" + text + "\n";
    }

    private static UnaryOperator<String> afterPackage(String text) {
        return drl -> drl.replaceFirst("(package [^;]+;)", "$1\n" + java.util.regex.Matcher.quoteReplacement(text));
    }

    private static UnaryOperator<String> attributes(String rule, String attributes) {
        return drl -> drl.replace("rule \"" + rule + "\"\n", "rule \"" + rule + "\"\n\t"
                + attributes + "\n");
    }

    private static InspectedTable inspected(String table) {
        try {
            return RuleSetRegistry.check(Path.of("rules"), table, Files.readAllBytes(Path.of("decision-tables", table + ".xlsx")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
