package org.tradeflow.rules;

import java.util.Map;

/** One analyst-written test case from a table's "Scenarios" sheet: inputs and expected outcome by column title. */
public record Scenario(String table, int row, String name, Map<String, String> values) {

    /** The cell under this column title, or "" when the column or the cell is empty. */
    public String get(String column) {
        return values.getOrDefault(column, "");
    }

    /** Where the scenario is, for a message an analyst can act on. */
    public String where() {
        return table + ".xlsx, sheet Scenarios, row " + row + " (" + name + ")";
    }
}
