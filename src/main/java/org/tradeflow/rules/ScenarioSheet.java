package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the "Scenarios" sheet of a decision table: the first row whose first cell reads "Scenario" holds the
 * column titles; every following row with a name is a scenario. Drools ignores the sheet (no keywords).
 */
final class ScenarioSheet {

    static final String SHEET = "Scenarios";

    private ScenarioSheet() {
    }

    static List<Scenario> read(String table, byte[] spreadsheet) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<Scenario> scenarios = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(spreadsheet))) {
            Sheet sheet = workbook.getSheet(SHEET);
            if (sheet == null) {
                return scenarios;
            }
            List<String> titles = null;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(formatter.formatCellValue(row.getCell(c)).strip());
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
        } catch (IOException | RuntimeException unreadable) {
            return scenarios; // the header check has already refused an unreadable file
        }
        return scenarios;
    }
}
