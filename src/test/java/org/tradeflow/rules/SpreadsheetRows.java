package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the data rows of one RuleTable from an analyst's spreadsheet, so rule tests follow the real rows. */
final class SpreadsheetRows {

    /** Rows between the "RuleTable" cell and the first data row: keywords, pattern, code, description. */
    private static final int HEADER_ROWS = 4;

    private SpreadsheetRows() {
    }

    /** One data row: its spreadsheet row number (as in the rule name {@code Table_12}) and its cells. */
    record TableRow(int rowNumber, List<String> cells) {
        String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }

        @Override
        public String toString() {
            return "row " + rowNumber + " " + cells;
        }
    }

    static List<TableRow> read(String file, String table) {
        DataFormatter formatter = new DataFormatter();
        try (InputStream in = Files.newInputStream(Path.of("decision-tables", file));
             Workbook workbook = WorkbookFactory.create(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (formatter.formatCellValue(cell).trim().equals("RuleTable " + table)) {
                            return dataRows(sheet, row.getRowNum() + HEADER_ROWS + 1, cell.getColumnIndex(), formatter);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("No RuleTable " + table + " in " + file);
    }

    private static List<TableRow> dataRows(Sheet sheet, int firstRow, int firstColumn, DataFormatter formatter) {
        List<TableRow> rows = new ArrayList<>();
        for (int r = firstRow; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>();
            boolean blank = true;
            for (int c = firstColumn; row != null && c < row.getLastCellNum(); c++) {
                String value = formatter.formatCellValue(row.getCell(c)).trim();
                blank &= value.isEmpty();
                cells.add(value);
            }
            if (blank) {
                break;
            }
            rows.add(new TableRow(r + 1, cells));
        }
        return rows;
    }
}
