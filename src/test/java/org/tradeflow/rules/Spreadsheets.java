package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Edits a spreadsheet the way an analyst would in Excel: one cell, found next to a cell they can read. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /** Sets the cell {@code offset} columns right of the first cell reading {@code anchor} (negative: left). */
    public static byte[] edit(byte[] spreadsheet, String anchor, int offset, String value) {
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(spreadsheet))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (formatter.formatCellValue(cell).equals(anchor)) {
                            int column = cell.getColumnIndex() + offset;
                            Cell target = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
                            target.setCellValue(value);
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            workbook.write(out);
                            return out.toByteArray();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("No cell reads '" + anchor + "'");
    }
}
