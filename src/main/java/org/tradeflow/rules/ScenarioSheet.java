package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the "Scenarios" sheet of a decision table: the first row whose first cell reads "Scenario" holds the
 * column titles; every following row with a name is a scenario. Drools never sees the sheet. Values are read
 * like the rule cells ({@link CellText}): a price written 5.349 but shown as 5.35 is checked as 5.349.
 */
final class ScenarioSheet {

    static final String SHEET = "Scenarios";

    private ScenarioSheet() {
    }

    /** The scenarios of an inspected table's Scenarios sheet ({@link DecisionTableInspector} reads it). */
    static List<Scenario> read(String table, Sheet sheet) {
        List<Scenario> scenarios = new ArrayList<>();
        List<String> titles = null;
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < row.getLastCellNum(); c++) {
                cells.add(CellText.of(row.getCell(c)));
            }
            if (cells.isEmpty() || cells.get(0).isEmpty()) {
                continue;
            }
            if (titles == null) {
                titles = cells.get(0).equalsIgnoreCase("Scenario") ? cells : null;
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 1; c < titles.size() && c < cells.size(); c++) {
                values.put(titles.get(c), cells.get(c));
            }
            scenarios.add(new Scenario(table, row.getRowNum() + 1, cells.get(0), values));
        }
        return scenarios;
    }
}
