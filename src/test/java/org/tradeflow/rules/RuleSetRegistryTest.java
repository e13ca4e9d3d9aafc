package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeflow.pricing.OrderEvaluation;
import org.tradeflow.pricing.PriceOffer;
import org.tradeflow.pricing.PricingLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hot swap of the rules from files an analyst edits in place. */
class RuleSetRegistryTest {

    @TempDir
    Path workspace;
    private Path tables;
    private RuleSetRegistry registry;

    @BeforeEach
    void copyTheRealRules() throws Exception {
        tables = Files.createDirectories(workspace.resolve("decision-tables"));
        Path drl = Files.createDirectories(workspace.resolve("rules"));
        copyAll(Path.of("decision-tables"), tables);
        copyAll(Path.of("rules"), drl);
        registry = new RuleSetRegistry(new RulesProperties(tables, drl, null), new RuleSetCompiler());
    }

    @Test
    void changedTableIsCompiledAndSwappedInWithANewChecksum() throws Exception {
        RuleSet before = registry.current();
        setCell("pricing.xlsx", "ACME-DE", 2, "2.49");

        RuleSet after = registry.reloadIfChanged();

        assertThat(after.checksum()).isNotEqualTo(before.checksum());
        assertThat(registry.current()).isSameAs(after);
        assertThat(contractPrice(after)).isEqualByComparingTo("2.49");
        assertThat(contractPrice(before)).isEqualByComparingTo("2.95"); // an evaluation in flight keeps its version
    }

    @Test
    void unchangedFilesKeepTheLiveRuleSet() throws Exception {
        RuleSet before = registry.current();

        assertThat(registry.reloadIfChanged()).isSameAs(before);
    }

    @Test
    void brokenTableIsRefusedWithSheetAndRowAndTheLiveRulesStay() throws Exception {
        RuleSet before = registry.current();
        // "Net order value is at least" = "ten thousand": not a number, so the constraint does not compile.
        setCell("approval.xlsx", "Order value of 10,000 EUR or more", -4, "ten thousand");

        assertThatThrownBy(registry::reloadIfChanged)
                .isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("approval.xlsx, sheet Approval, row 13");
        assertThat(registry.current()).isSameAs(before);
        assertThat(contractPrice(registry.current())).isEqualByComparingTo("2.95");
    }

    private static BigDecimal contractPrice(RuleSet ruleSet) {
        OrderEvaluation evaluation = new OrderEvaluation();
        ruleSet.evaluate(Map.of("evaluation", evaluation), List.of(new PricingLine(1, "85123A", "LIGHTING", 6, 6,
                new BigDecimal("3.45"), "EUR", "ACME-DE", "DEALER", "EU-CENTRAL")));
        PriceOffer offer = evaluation.chosenOffers().get(1);
        return offer.getUnitPrice();
    }

    /** Edits, like an analyst would, the cell {@code offset} columns right of the first cell reading {@code anchor}. */
    private void setCell(String file, String anchor, int offset, String value) throws IOException {
        Path path = tables.resolve(file);
        Workbook workbook;
        try (InputStream in = Files.newInputStream(path)) {
            workbook = WorkbookFactory.create(in);
        }
        edit(workbook, anchor, cell -> {
            Cell target = cell.getRow().getCell(cell.getColumnIndex() + offset);
            target.setCellValue(value);
        });
        try (OutputStream out = Files.newOutputStream(path)) {
            workbook.write(out);
        }
        workbook.close();
    }

    private static void edit(Workbook workbook, String anchor, Consumer<Cell> change) {
        DataFormatter formatter = new DataFormatter();
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (formatter.formatCellValue(cell).equals(anchor)) {
                        change.accept(cell);
                        return;
                    }
                }
            }
        }
        throw new IllegalArgumentException("No cell " + anchor);
    }

    private static void copyAll(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }
}
