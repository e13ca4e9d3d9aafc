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
        return change(spreadsheet, anchor, offset, cell -> cell.setCellValue(value));
    }

    /** Sets a number shown in an Excel format: "0%" shows 0.12 as 12 %, "dd.mm.yyyy" shows a day number as a date. */
    public static byte[] editFormatted(byte[] spreadsheet, String anchor, int offset, double value, String format) {
        return change(spreadsheet, anchor, offset, cell -> {
            Workbook workbook = cell.getSheet().getWorkbook();
            org.apache.poi.ss.usermodel.CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            cell.setCellValue(value);
            cell.setCellStyle(style);
        });
    }

    /**
     * Changes the cell {@link #edit} would set in any way POI allows: a number format, rich text, a comment, a
     * hyperlink, a style, ...
     */
    public static byte[] decorate(byte[] spreadsheet, String anchor, int offset, java.util.function.Consumer<Cell> decoration) {
        return change(spreadsheet, anchor, offset, decoration);
    }

    /** Changes the workbook as a whole: defined names, hidden sheets, rows or columns, ... */
    public static byte[] withWorkbook(byte[] spreadsheet, java.util.function.Consumer<Workbook> change) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(spreadsheet))) {
            change.accept(workbook);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Puts a formula where {@link #edit} would put a value. */
    public static byte[] formula(byte[] spreadsheet, String anchor, int offset, String formula) {
        return change(spreadsheet, anchor, offset, cell -> cell.setCellFormula(formula));
    }

    /** Merges a range of cells, as "Merge cells" in Excel does. */
    public static byte[] merge(byte[] spreadsheet, String sheetName, String range) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(spreadsheet))) {
            workbook.getSheet(sheetName).addMergedRegion(org.apache.poi.ss.util.CellRangeAddress.valueOf(range));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a row of text cells below the last row of a sheet. */
    public static byte[] appendRow(byte[] spreadsheet, String sheetName, String... values) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(spreadsheet))) {
            Sheet sheet = workbook.getSheet(sheetName);
            Row row = sheet.createRow(sheet.getLastRowNum() + 1);
            for (int c = 0; c < values.length; c++) {
                row.createCell(c).setCellValue(values[c]);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Inserts rows of text cells (from column A; an empty string leaves the cell out) right below the row holding
     * the first cell reading {@code anchor}, moving everything below down, as "Insert rows" in Excel does.
     */
    public static byte[] insertRowsBelow(byte[] spreadsheet, String anchor, String[]... rows) {
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(spreadsheet))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (formatter.formatCellValue(cell).equals(anchor)) {
                            int below = row.getRowNum() + 1;
                            sheet.shiftRows(below, Math.max(below, sheet.getLastRowNum()), rows.length);
                            for (int r = 0; r < rows.length; r++) {
                                Row inserted = sheet.createRow(below + r);
                                for (int c = 0; c < rows[r].length; c++) {
                                    if (!rows[r][c].isEmpty()) {
                                        inserted.createCell(c).setCellValue(rows[r][c]);
                                    }
                                }
                            }
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

    private static byte[] change(byte[] spreadsheet, String anchor, int offset, java.util.function.Consumer<Cell> change) {
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(spreadsheet))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (formatter.formatCellValue(cell).equals(anchor)) {
                            int column = cell.getColumnIndex() + offset;
                            Cell target = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
                            change.accept(target);
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
