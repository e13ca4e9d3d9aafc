package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.drools.decisiontable.parser.ActionType;
import org.drools.decisiontable.parser.RuleSheetParserUtil;
import org.drools.template.parser.DecisionTableParseException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A rule sheet as Drools reads it: the same cells, in the same order, through the same states as Drools'
 * {@code DefaultRuleSheetListener} when it reads the canonical workbook made from the sheet. So every cell Drools
 * reads gets exactly one part here: a RuleSet setting, a RuleTable's start, one of its code rows, its analysts'
 * column titles, a data cell of one of its rows, or something Drools skips (which must then be empty).
 * <p>
 * What Drools does, and this reading with it (drools-decisiontables 10.2.0):
 * <ul>
 *   <li>A cell is empty when its text is empty after {@link String#trim()} ({@code isCellValueEmpty}); empty cells
 *       are skipped wherever they are. A cell of a merged range reads as the range's first cell.</li>
 *   <li>Outside a table, a cell starting with "RuleTable" starts one at its row and column; every other cell is a
 *       setting: a row's first cell names it, its second holds the value ({@code PropertiesSheetListener}).</li>
 *   <li>In a table, the rest of the RuleTable's own row is skipped, and so is every cell left of the RuleTable
 *       cell's column ({@code column < _ruleStartColumn}). The next four rows are the CONDITION/ACTION row, the
 *       pattern row, the code row and the column titles.</li>
 *   <li>A cell below them must lie in a column the CONDITION/ACTION row names (or Drools fails). When no cell of
 *       the table's columns was read in the row before ({@code row - _ruleRow > 1}), the table has ended and the
 *       cell is read as outside a table: as a setting, which is how Functions, Queries or Declare text would
 *       reach the rules. Otherwise the cell is a value of the rule {@code <RuleTable name>_<row>}; the first row
 *       below the titles is a rule even when empty.</li>
 * </ul>
 */
final class RuleSheetReading {

    private static final int ACTION_ROW = 1;
    private static final int PATTERN_ROW = 2;
    private static final int CODE_ROW = 3;
    private static final int TITLE_ROW = 4;
    private static final int FIRST_DATA_ROW = 5;
    private static final String RULE_TABLE = "ruletable";

    private final Sheet sheet;
    /** Cell texts as the canonical workbook holds them, by row and column; cells a merged range covers are blank. */
    private final TreeMap<Integer, TreeMap<Integer, String>> grid;
    private final List<CellRangeAddress> merges;

    private final Map<String, HeaderLine> header = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<DataCell> dataCells = new ArrayList<>();
    private final Set<Integer> codeRows = new TreeSet<>();
    private final List<TableRules> tables = new ArrayList<>();
    /** Settings as Drools collects them: per row, the first cell's text and the second's. */
    private final Map<Integer, String[]> settingRows = new LinkedHashMap<>();

    // Drools' state while reading: the table being read, where it starts, and the last row that made a rule
    private TableRules table;
    private int startRow;
    private int startColumn;
    private int ruleRow;
    private final Map<Integer, ActionType.Code> kinds = new HashMap<>();
    private final Map<Integer, String> templates = new HashMap<>();

    private RuleSheetReading(Sheet sheet, TreeMap<Integer, TreeMap<Integer, String>> grid) {
        this.sheet = sheet;
        this.grid = grid;
        this.merges = sheet.getMergedRegions();
    }

    /** Reads a rule sheet whose cells hold {@code grid}'s texts (the canonical workbook's). */
    static RuleSheetReading read(Sheet sheet, TreeMap<Integer, TreeMap<Integer, String>> grid) {
        RuleSheetReading reading = new RuleSheetReading(sheet, grid);
        reading.readAll();
        return reading;
    }

    private void readAll() {
        // Drools goes through the rows in order and through each row's cells from column A
        grid.forEach((r, cells) -> cells.forEach((c, text) -> read(r, c, droolsText(r, c, text))));
        finishTable();
    }

    private void read(int r, int c, String text) {
        if (text.trim().isEmpty()) {
            return;
        }
        if (table != null && r == startRow) {
            return; // the rest of a RuleTable's own row: Drools skips it (the analysts' title of the table)
        }
        if (table != null) {
            readInTable(r, c, text);
        } else {
            readOutsideTables(r, c, text);
        }
    }

    private void readOutsideTables(int r, int c, String text) {
        if (isRuleTable(text)) {
            startTable(r, c, text.trim());
            return;
        }
        headerCell("settings", r, c, "");
        String[] setting = settingRows.get(r);
        if (setting == null) {
            settingRows.put(r, new String[]{text.trim(), ""});
        } else if (setting[1].isEmpty()) {
            setting[1] = text;
        }
    }

    private void readInTable(int r, int c, String text) {
        String value = text.trim();
        if (isRuleTable(value)) {
            finishTable();
            startTable(r, c, value);
            return;
        }
        if (c < startColumn) {
            problems.add(where(r, c) + ": nothing may be written left of a table (Drools skips it: a row holding only "
                    + "that would end the table)");
            return;
        }
        switch (r - startRow) {
            case ACTION_ROW -> {
                kinds.put(c, kind(value));
                headerCell("code", r, c, "  ");
            }
            case PATTERN_ROW -> headerCell("code", r, c, "  ");
            case CODE_ROW -> {
                templates.put(c, value);
                headerCell("code", r, c, "  ");
            }
            case TITLE_ROW -> {
                if (!kinds.containsKey(c)) {
                    problems.add(where(r, c) + ": nothing may be written beside a table");
                }
            }
            default -> dataCell(r, c, text);
        }
    }

    private void dataCell(int r, int c, String text) {
        if (!kinds.containsKey(c)) {
            problems.add(where(r, c) + ": nothing may be written beside a table");
            return; // Drools stops here: a value in a column without CONDITION or ACTION
        }
        if (r - ruleRow > 1) {
            finishTable(); // the row before held nothing of the table: Drools reads on outside any table
            readOutsideTables(r, c, text);
            return;
        }
        if (r > ruleRow) {
            ruleRow++;
            table.rows.add(r);
        }
        table.filledRows.add(r);
        dataCells.add(new DataCell(cellAt(r, c), r, c, kinds.get(c), templates.getOrDefault(c, "")));
    }

    private void startTable(int r, int c, String text) {
        table = new TableRules(RuleSheetParserUtil.getRuleName(text), c, isSequential());
        tables.add(table);
        startRow = r;
        startColumn = c;
        ruleRow = r + FIRST_DATA_ROW;
        table.rows.add(ruleRow); // Drools makes the first row's rule when the table starts
        kinds.clear();
        templates.clear();
        header.put("table " + r, new HeaderLine(columnName(c) + "=" + text, sheet.getSheetName(), r));
        for (int row = r + ACTION_ROW; row <= r + CODE_ROW; row++) {
            codeRows.add(row);
        }
    }

    private void finishTable() {
        if (table != null && !table.filledRows.contains(table.rows.get(0))) {
            problems.add("sheet " + sheet.getSheetName() + ", row " + (table.rows.get(0) + 1) + " (table " + table.name
                    + "): the first row of a table must not be empty (Drools would still make a rule of it)");
        }
        table = null;
    }

    /** Settings read before this table started: Drools numbers a Sequential table's rules by salience. */
    private boolean isSequential() {
        return settings().getOrDefault("sequential", List.of()).stream().findFirst()
                .map(RuleSheetParserUtil::isStringMeaningTrue).orElse(false);
    }

    /**
     * The kind Drools gives a CONDITION/ACTION row cell (its own table of keywords and their first letters); null
     * for one Drools does not know, which fails the compilation anyway.
     */
    private static ActionType.Code kind(String value) {
        Map<Integer, ActionType> scratch = new HashMap<>();
        try {
            ActionType.addNewActionType(scratch, value, 0, 0);
            return scratch.get(0).getCode();
        } catch (DecisionTableParseException unknown) {
            return null;
        }
    }

    private static boolean isRuleTable(String text) {
        return text.trim().toLowerCase(Locale.ROOT).startsWith(RULE_TABLE);
    }

    /** A cell's text as Drools reads it: that of its merged range's first cell, if it is in one. */
    private String droolsText(int r, int c, String own) {
        for (CellRangeAddress merge : merges) {
            if (merge.isInRange(r, c)) {
                return grid.getOrDefault(merge.getFirstRow(), new TreeMap<>()).getOrDefault(merge.getFirstColumn(), "");
            }
        }
        return own;
    }

    /** Adds a cell to the header line of its row and part; a merged range is named by its columns (B:E). */
    private void headerCell(String part, int r, int c, String indent) {
        Optional<CellRangeAddress> merge = merges.stream().filter(m -> m.isInRange(r, c)).findFirst();
        if (merge.isPresent() && merge.get().getFirstColumn() != c) {
            return; // written once, with its range, at the range's first cell
        }
        String columns = merge.map(m -> columnName(m.getFirstColumn()) + ":" + columnName(m.getLastColumn()))
                .orElse(columnName(c));
        String text = columns + "=" + droolsText(r, c, grid.get(r).get(c)).trim();
        header.merge(part + " " + r, new HeaderLine(indent + text, sheet.getSheetName(), r),
                (line, added) -> new HeaderLine(line.text() + " | " + text, line.sheet(), line.row()));
    }

    private Cell cellAt(int r, int c) {
        Row row = sheet.getRow(r);
        return row == null ? null : row.getCell(c);
    }

    private String where(int r, int c) {
        return "sheet " + sheet.getSheetName() + ", cell " + new CellReference(r, c).formatAsString(false)
                + " ('" + grid.get(r).get(c) + "')";
    }

    static String columnName(int column) {
        return CellReference.convertNumToColString(column);
    }

    /** The lines that must equal the approved header, in sheet order: settings, RuleTable cells and code rows. */
    List<HeaderLine> header() {
        return List.copyOf(header.values());
    }

    List<String> problems() {
        return problems;
    }

    /** Every cell Drools pastes into a rule, with the kind and code of its column. */
    List<DataCell> dataCells() {
        return dataCells;
    }

    /** The CONDITION/ACTION, pattern and code rows: the only rows in which cells may be merged. */
    Set<Integer> codeRows() {
        return codeRows;
    }

    List<TableRules> tables() {
        return tables;
    }

    /** The RuleSet settings of this sheet by lower-case name, each with its values in sheet order. */
    Map<String, List<String>> settings() {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        settingRows.values().forEach(setting -> settings.computeIfAbsent(setting[0].toLowerCase(Locale.ROOT),
                key -> new ArrayList<>()).add(setting[1]));
        return settings;
    }

    /** One line of the approved header and where it was read, to name the row when it differs. */
    record HeaderLine(String text, String sheet, int row) {
    }

    /** A value Drools pastes into a rule: its cell, and the kind ({@code CONDITION}, ...) and code of its column. */
    record DataCell(Cell cell, int row, int column, ActionType.Code kind, String template) {
    }

    /** A RuleTable as Drools reads it: its name, start column, whether Sequential, and the rows that become rules. */
    static final class TableRules {
        final String name;
        final int startColumn;
        final boolean sequential;
        final List<Integer> rows = new ArrayList<>();
        final Set<Integer> filledRows = new TreeSet<>();

        TableRules(String name, int startColumn, boolean sequential) {
            this.name = name;
            this.startColumn = startColumn;
            this.sequential = sequential;
        }

        /** The rules Drools makes of this table: {@code <name>_<spreadsheet row>}. */
        List<String> ruleNames() {
            return rows.stream().map(row -> name + "_" + (row + 1)).toList();
        }
    }
}
