package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Separates what in a decision table is code (RuleSet-level keywords, and the keyword, pattern and code rows
 * of each RuleTable) from what analysts own (data rows). The code part must equal the header developers
 * approved; a data cell must not be able to break out of the code template it is pasted into, and must hold
 * the kind of value its column's code expects (see {@link ColumnType}).
 */
final class DecisionTableInspector {

    /** Cells Drools reads as code or settings when they lead a row (Drools decision table keywords). */
    private static final Set<String> SETTING_KEYWORDS = Set.of("ruleset", "import", "variables", "functions",
            "queries", "declare", "sequential", "sequentialmaxpriority", "sequentialminpriority", "escapequotes",
            "numericdisabled", "unit", "dialect");
    /** Rule attributes Drools also accepts as RuleSet-level settings. */
    private static final Set<String> RULE_ATTRIBUTES = Set.of("no-loop", "lock-on-active", "auto-focus", "activation-group",
            "agenda-group", "ruleflow-group", "date-effective", "date-expires", "enabled", "salience", "priority",
            "duration", "timer", "calendars");
    /** After a RuleTable cell: the CONDITION/ACTION row, the pattern row and the code row. */
    private static final int CODE_ROWS = 3;
    private DecisionTableInspector() {
    }

    static Inspection inspect(byte[] spreadsheet) throws UnreadableTableException {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<String> header = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(spreadsheet))) {
            for (Sheet sheet : workbook) {
                header.add("sheet " + sheet.getSheetName());
                refuseFormulas(sheet, problems);
                refuseStrayRuleTables(sheet, formatter, problems);
                Set<Integer> codeRows = new HashSet<>();
                if (sheet.getSheetName().equals(ScenarioSheet.SHEET)) {
                    refuseKeywords(sheet, formatter, problems);
                } else {
                    inspectRuleSheet(sheet, formatter, header, problems, codeRows);
                }
                refuseMergesOutside(sheet, codeRows, problems);
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableTableException("not a readable .xlsx spreadsheet (" + e.getMessage() + ")");
        }
        return new Inspection(header, problems);
    }

    /**
     * Everything outside the data rows of a RuleTable is locked (title, settings, keyword, pattern and code
     * rows); data rows are the analysts'. A RuleTable's own row locks only its name.
     */
    private static void inspectRuleSheet(Sheet sheet, DataFormatter formatter, List<String> header, List<String> problems,
                                         Set<Integer> codeRows) {
        int codeRowsLeft = 0;
        boolean descriptionNext = false;
        List<String> templates = null; // non-null while reading a table's data rows
        int width = 0;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            List<String> cells = cells(sheet.getRow(r), formatter);
            String lead = cells.stream().filter(c -> !c.isEmpty()).findFirst().orElse("");
            String keyword = lead.toLowerCase(Locale.ROOT).split("\\s+")[0];
            if (lead.isEmpty()) {
                templates = null; // a blank row ends a table's data
            } else if (keyword.equals("ruletable")) {
                header.add(lead);
                codeRowsLeft = CODE_ROWS;
                templates = null;
            } else if (codeRowsLeft > 0) {
                header.add("  " + String.join(" | ", cells));
                codeRows.add(r);
                if (codeRowsLeft == CODE_ROWS) {
                    width = cells.size(); // the CONDITION / ACTION / DESCRIPTION row spans the table
                }
                if (--codeRowsLeft == 0) {
                    templates = cells;
                    descriptionNext = true;
                }
            } else if (descriptionNext) {
                descriptionNext = false; // the analysts' words for each column
            } else if (templates == null || SETTING_KEYWORDS.contains(keyword)) {
                header.add(String.join(" | ", cells));
            } else {
                for (int c = 0; c < cells.size(); c++) {
                    String where = "sheet " + sheet.getSheetName() + ", cell " + new CellReference(r, c).formatAsString(false)
                            + " ('" + cells.get(c) + "')";
                    if (c >= width) {
                        if (!cells.get(c).isEmpty()) {
                            problems.add(where + ": nothing may be written beside a table");
                        }
                        continue;
                    }
                    String template = c < templates.size() ? templates.get(c) : "";
                    Cell cell = sheet.getRow(r).getCell(c);
                    if (cell != null) {
                        ColumnType.of(template).problem(cell, cells.get(c)).ifPresent(why -> problems.add(where + ": " + why));
                    }
                }
            }
        }
    }

    /**
     * Drools copies a merged range's top-left value into every cell of it, so a merge reaching a data cell
     * could carry unchecked text there. Merges are allowed only within one code row (the pattern row).
     */
    private static void refuseMergesOutside(Sheet sheet, Set<Integer> codeRows, List<String> problems) {
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getFirstRow() != region.getLastRow() || !codeRows.contains(region.getFirstRow())) {
                problems.add("sheet " + sheet.getSheetName() + ", cells " + region.formatAsString()
                        + ": merged cells are only allowed in the code rows");
            }
        }
    }

    /** Drools starts a table at any cell reading "RuleTable ...": only a row's first cell may. */
    private static void refuseStrayRuleTables(Sheet sheet, DataFormatter formatter, List<String> problems) {
        for (Row row : sheet) {
            boolean first = true;
            for (Cell cell : row) {
                String text = formatter.formatCellValue(cell).strip();
                if (text.isEmpty()) {
                    continue;
                }
                if (!first && text.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    problems.add("sheet " + sheet.getSheetName() + ", cell "
                            + new CellReference(cell).formatAsString(false) + ": a RuleTable may only start a row");
                }
                first = false;
            }
        }
    }

    /** Drools would read a keyword in any sheet; the analysts' Scenarios sheet must not hold one. */
    private static void refuseKeywords(Sheet sheet, DataFormatter formatter, List<String> problems) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                String text = formatter.formatCellValue(cell).strip().toLowerCase(Locale.ROOT);
                if (text.startsWith("ruletable") || SETTING_KEYWORDS.contains(text) || RULE_ATTRIBUTES.contains(text)) {
                    problems.add("sheet " + sheet.getSheetName() + ", cell "
                            + new CellReference(cell).formatAsString(false) + ": a Drools keyword is not allowed here");
                }
            }
        }
    }

    /** A formula could compute text the checks never saw; tables hold plain values only. */
    private static void refuseFormulas(Sheet sheet, List<String> problems) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.FORMULA) {
                    problems.add("sheet " + sheet.getSheetName() + ", cell "
                            + new CellReference(cell).formatAsString(false) + ": formulas are not allowed");
                }
            }
        }
    }

    /** The row's cells from column A, trailing blanks dropped, so the same table always reads the same. */
    private static List<String> cells(Row row, DataFormatter formatter) {
        List<String> cells = new ArrayList<>();
        if (row == null) {
            return cells;
        }
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    /** What a spreadsheet holds as code, and what is wrong with its other cells (each naming sheet and cell). */
    record Inspection(List<String> header, List<String> problems) {
    }

    static final class UnreadableTableException extends Exception {
        UnreadableTableException(String message) {
            super(message);
        }
    }
}
