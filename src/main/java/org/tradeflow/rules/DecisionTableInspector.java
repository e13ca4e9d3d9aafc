package org.tradeflow.rules;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Separates what in a decision table is code (RuleSet-level keywords, and the keyword, pattern and code rows
 * of each RuleTable) from what analysts own (data rows). The code part must equal the header developers
 * approved; a data cell must not be able to break out of the code template it is pasted into, and must hold
 * the kind of value its column's code expects (see {@link ColumnType}). Every cell is read once, as its
 * {@link CellText}; a table that passes becomes an {@link InspectedTable}, whose canonical workbook holds
 * exactly those texts and nothing else, and is the only form of a table the compiler accepts.
 */
final class DecisionTableInspector {

    private static final Logger log = LoggerFactory.getLogger(DecisionTableInspector.class);

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
    /** Excel's own limit; longer text would not survive into the canonical workbook. */
    private static final int MAX_CELL_TEXT = 32_767;

    static final String UNREADABLE = "not a readable .xlsx spreadsheet: ";
    /** A decision table is a few hundred kilobytes once inflated; these limits are far above any real one. */
    private static final long MAX_INFLATED_BYTES = 50L * 1024 * 1024;
    private static final int MAX_ZIP_ENTRIES = 1000;
    private static final double MIN_INFLATE_RATIO = 0.01;
    private static final long RATIO_GRACE_BYTES = 100L * 1024;
    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    static {
        // The same limits for POI itself, which opens the file after the zip has been looked through here.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_INFLATED_BYTES);
        ZipSecureFile.setMaxFileCount(MAX_ZIP_ENTRIES);
        ZipSecureFile.setMaxTextSize(10L * 1024 * 1024);
    }

    private DecisionTableInspector() {
    }

    /**
     * Checks a table against its approved header and its columns' kinds; the table as Drools may read it, or
     * every reason it may not (each naming sheet and cell), in an analyst's words.
     */
    static InspectedTable inspect(String table, byte[] spreadsheet, List<String> approvedHeader)
            throws RuleChangeRefusedException {
        try (Workbook workbook = open(spreadsheet)) {
            Inspection inspection = inspect(workbook);
            List<String> problems = new ArrayList<>(headerDifferences(approvedHeader, inspection.header()));
            problems.addAll(inspection.problems());
            if (!problems.isEmpty()) {
                throw new RuleChangeRefusedException(table, problems);
            }
            Sheet scenarios = workbook.getSheet(ScenarioSheet.SHEET);
            return new InspectedTable(table, spreadsheet, canonicalWorkbook(workbook), inspection.ruleTableSheets(),
                    scenarios == null ? List.of() : ScenarioSheet.read(table, scenarios));
        } catch (UnreadableTableException unreadable) {
            throw new RuleChangeRefusedException(table, List.of(unreadable.getMessage()));
        } catch (IOException | RuntimeException unreadable) {
            log.info("A spreadsheet for table {} could not be read", table, unreadable);
            throw new RuleChangeRefusedException(table, List.of(UNREADABLE
                    + "its contents could not be read; open it in Excel or LibreOffice and save it again as .xlsx"));
        }
    }

    /** The code rows and cell problems of a spreadsheet, without comparing them with an approved header. */
    static Inspection inspect(byte[] spreadsheet) throws UnreadableTableException, IOException {
        try (Workbook workbook = open(spreadsheet)) {
            return inspect(workbook);
        }
    }

    private static Inspection inspect(Workbook workbook) {
        List<String> header = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> ruleTableSheets = new LinkedHashMap<>();
        for (Sheet sheet : workbook) {
            header.add("sheet " + sheet.getSheetName());
            refuseWhatIsNoValue(sheet, problems);
            refuseStrayRuleTables(sheet, problems);
            Set<Integer> codeRows = new HashSet<>();
            if (sheet.getSheetName().equals(ScenarioSheet.SHEET)) {
                refuseKeywords(sheet, problems);
                refuseDatesAndPercentages(sheet, problems);
            } else {
                inspectRuleSheet(sheet, header, problems, codeRows, ruleTableSheets);
            }
            refuseMergesOutside(sheet, codeRows, problems);
        }
        return new Inspection(header, problems, ruleTableSheets);
    }

    static List<String> headerDifferences(List<String> approved, List<String> actual) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(approved.size(), actual.size()); i++) {
            String expected = i < approved.size() ? approved.get(i) : "(nothing)";
            String found = i < actual.size() ? actual.get(i) : "(nothing)";
            if (!expected.equals(found)) {
                differences.add("code rows differ from the approved header: expected '" + expected.strip()
                        + "' but found '" + found.strip() + "'; analysts may change data rows only");
                break;
            }
        }
        return differences;
    }

    /**
     * Everything outside the data rows of a RuleTable is locked (title, settings, keyword, pattern and code
     * rows); data rows are the analysts'. A RuleTable's own row locks only its name.
     */
    private static void inspectRuleSheet(Sheet sheet, List<String> header, List<String> problems, Set<Integer> codeRows,
                                         Map<String, String> ruleTableSheets) {
        int codeRowsLeft = 0;
        boolean descriptionNext = false;
        List<String> templates = null; // non-null while reading a table's data rows
        int width = 0;
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            List<String> cells = cells(sheet.getRow(r));
            String lead = cells.stream().filter(c -> !c.isEmpty()).findFirst().orElse("");
            String keyword = lead.toLowerCase(Locale.ROOT).split("\\s+")[0];
            if (lead.isEmpty()) {
                templates = null; // a blank row ends a table's data
            } else if (keyword.equals("ruletable")) {
                header.add(lead);
                ruleTableSheets.putIfAbsent(lead.substring(keyword.length()).strip(), sheet.getSheetName());
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
                    Cell cell = sheet.getRow(r).getCell(c);
                    String where = where(sheet, cell, r, c, cells.get(c));
                    if (c >= width) {
                        if (!cells.get(c).isEmpty()) {
                            problems.add(where + ": nothing may be written beside a table");
                        }
                        continue;
                    }
                    String template = c < templates.size() ? templates.get(c) : "";
                    if (cell != null) {
                        ColumnType.of(template).problem(cell, cells.get(c)).ifPresent(why -> problems.add(where + ": " + why));
                    }
                }
            }
        }
    }

    /** A formula could compute text the checks never saw, an error value is no value: tables hold plain values. */
    private static void refuseWhatIsNoValue(Sheet sheet, List<String> problems) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                Optional<String> refusal = CellText.refusal(cell);
                if (refusal.isPresent()) {
                    problems.add("sheet " + sheet.getSheetName() + ", cell " + new CellReference(cell).formatAsString(false)
                            + ": " + refusal.get());
                } else if (CellText.of(cell).length() > MAX_CELL_TEXT) {
                    problems.add("sheet " + sheet.getSheetName() + ", cell " + new CellReference(cell).formatAsString(false)
                            + ": holds more text than an Excel cell can (32,767 characters)");
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
    private static void refuseStrayRuleTables(Sheet sheet, List<String> problems) {
        for (Row row : sheet) {
            boolean first = true;
            for (Cell cell : row) {
                String text = CellText.of(cell);
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
    private static void refuseKeywords(Sheet sheet, List<String> problems) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                String text = CellText.of(cell).toLowerCase(Locale.ROOT);
                if (text.startsWith("ruletable") || SETTING_KEYWORDS.contains(text) || RULE_ATTRIBUTES.contains(text)) {
                    problems.add("sheet " + sheet.getSheetName() + ", cell "
                            + new CellReference(cell).formatAsString(false) + ": a Drools keyword is not allowed here");
                }
            }
        }
    }

    /** Scenario values are read like rule cells, as their value: a date or percentage would not read as shown. */
    private static void refuseDatesAndPercentages(Sheet sheet, List<String> problems) {
        for (Row row : sheet) {
            for (Cell cell : row) {
                String text = CellText.of(cell);
                ColumnType.decorationProblem(cell, text).ifPresent(why ->
                        problems.add(where(sheet, cell, cell.getRowIndex(), cell.getColumnIndex(), text) + ": " + why));
            }
        }
    }

    /**
     * Names a cell for the analyst, quoting it as Excel shows it when that differs from its value in a way the
     * checks refuse (a date, a percentage), so that it can be found; what Excel shows never reaches Drools.
     */
    private static String where(Sheet sheet, Cell cell, int row, int column, String text) {
        String shown = text;
        if (cell != null && cell.getCellType() == CellType.NUMERIC
                && (DateUtil.isCellDateFormatted(cell) || ColumnType.isPercentage(cell))) {
            shown = new DataFormatter(Locale.ROOT).formatCellValue(cell);
        }
        return "sheet " + sheet.getSheetName() + ", cell " + new CellReference(row, column).formatAsString(false)
                + " ('" + shown + "')";
    }

    /** The row's cells from column A, trailing blanks dropped, so the same table always reads the same. */
    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        if (row == null) {
            return cells;
        }
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(CellText.of(row.getCell(c)));
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells;
    }

    /**
     * A new workbook with the rule sheets only: every cell the analysts' sheet has, at the same place, holding
     * its {@link CellText} as a plain string in the default style, and the merged ranges (code rows only, as
     * checked) that tie a pattern to its columns. No number format, style, rich text, comment, hyperlink, name,
     * validation or conditional format is carried over, so Drools reads exactly the texts that were checked.
     */
    private static byte[] canonicalWorkbook(Workbook analysts) throws IOException {
        try (XSSFWorkbook canonical = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Sheet sheet : analysts) {
                if (sheet.getSheetName().equals(ScenarioSheet.SHEET)) {
                    continue;
                }
                Sheet copy = canonical.createSheet(sheet.getSheetName());
                for (Row row : sheet) {
                    Row rowCopy = copy.createRow(row.getRowNum());
                    for (Cell cell : row) {
                        Cell cellCopy = rowCopy.createCell(cell.getColumnIndex(), CellType.BLANK);
                        String text = CellText.of(cell);
                        if (!text.isEmpty()) {
                            cellCopy.setCellValue(text);
                        }
                    }
                }
                for (CellRangeAddress region : sheet.getMergedRegions()) {
                    if (region.getNumberOfCells() > 1) {
                        copy.addMergedRegionUnsafe(region.copy()); // in the same order: Drools uses the first that fits
                    }
                }
            }
            canonical.write(out);
            return out.toByteArray();
        }
    }

    /**
     * Opens an uploaded spreadsheet after looking through its zip archive for what POI would refuse with a
     * message no analyst could act on: every refusal names the problem in plain words.
     */
    private static Workbook open(byte[] spreadsheet) throws UnreadableTableException {
        if (spreadsheet == null || spreadsheet.length == 0) {
            throw new UnreadableTableException(UNREADABLE + "the file is empty");
        }
        if (startsWith(spreadsheet, OLE2_MAGIC)) {
            throw new UnreadableTableException(UNREADABLE + "it is an old-style .xls workbook or a password-protected "
                    + "file; save it as an .xlsx workbook without a password");
        }
        if (!startsWith(spreadsheet, ZIP_MAGIC)) {
            throw new UnreadableTableException(UNREADABLE + "the file is not a zip archive, as every .xlsx file is");
        }
        lookThroughZip(spreadsheet);
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(spreadsheet));
        } catch (IOException | RuntimeException unreadable) {
            log.info("A spreadsheet could not be opened", unreadable);
            throw new UnreadableTableException(UNREADABLE + "the zip archive holds no workbook Excel could open");
        }
    }

    private static void lookThroughZip(byte[] spreadsheet) throws UnreadableTableException {
        int entries = 0;
        long inflated = 0;
        boolean contentTypes = false;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(spreadsheet))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    throw new UnreadableTableException(UNREADABLE + "it holds more than " + MAX_ZIP_ENTRIES
                            + " parts, far more than any workbook (zip bomb refused)");
                }
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                DoctypeSearch doctype = new DoctypeSearch();
                long entryBytes = 0;
                for (int read = zip.read(buffer); read > 0; read = zip.read(buffer)) {
                    entryBytes += read;
                    inflated += read;
                    if (inflated > MAX_INFLATED_BYTES) {
                        throw new UnreadableTableException(UNREADABLE + "it inflates to more than "
                                + MAX_INFLATED_BYTES / 1024 / 1024 + " MB (zip bomb refused)");
                    }
                    doctype.feed(buffer, read);
                }
                if (entryBytes > RATIO_GRACE_BYTES && entry.getCompressedSize() >= 0
                        && entry.getCompressedSize() < entryBytes * MIN_INFLATE_RATIO) {
                    throw new UnreadableTableException(UNREADABLE + "it inflates more than allowed (zip bomb refused)");
                }
                if (doctype.found()) {
                    throw new UnreadableTableException(UNREADABLE + "its XML declares a document type, which Excel never "
                            + "writes and which could make the server read other files (refused)");
                }
            }
        } catch (IOException | IllegalArgumentException damaged) {
            throw new UnreadableTableException(UNREADABLE + "the zip archive is damaged");
        }
        if (entries == 0) {
            throw new UnreadableTableException(UNREADABLE + "the zip archive is empty or damaged");
        }
        if (!contentTypes) {
            throw new UnreadableTableException(UNREADABLE + "the file is a zip archive, but not an Excel workbook");
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Finds {@code <!DOCTYPE} in a part as it streams by, in any case; NUL bytes are skipped, so UTF-16 text is
     * searched as well. The pattern repeats no prefix of itself, so a mismatch only restarts at '<'.
     */
    private static final class DoctypeSearch {
        private int matched;
        private boolean found;

        void feed(byte[] bytes, int length) {
            for (int i = 0; i < length && !found; i++) {
                byte b = bytes[i];
                if (b == 0) {
                    continue;
                }
                byte upper = b >= 'a' && b <= 'z' ? (byte) (b - 32) : b;
                if (upper == DOCTYPE[matched]) {
                    found = ++matched == DOCTYPE.length;
                } else {
                    matched = upper == '<' ? 1 : 0;
                }
            }
        }

        boolean found() {
            return found;
        }
    }

    /** What a spreadsheet holds as code, and what is wrong with its other cells (each naming sheet and cell). */
    record Inspection(List<String> header, List<String> problems, Map<String, String> ruleTableSheets) {
    }

    /**
     * A decision table that passed every check, and the canonical workbook Drools reads instead of the analysts'
     * file. Only the inspector creates one, so nothing else can be compiled.
     */
    static final class InspectedTable {

        private final String table;
        private final byte[] content;
        private final byte[] canonicalWorkbook;
        private final Map<String, String> ruleTableSheets;
        private final List<Scenario> scenarios;

        private InspectedTable(String table, byte[] content, byte[] canonicalWorkbook, Map<String, String> ruleTableSheets,
                               List<Scenario> scenarios) {
            this.table = table;
            this.content = content.clone();
            this.canonicalWorkbook = canonicalWorkbook;
            this.ruleTableSheets = Map.copyOf(ruleTableSheets);
            this.scenarios = List.copyOf(scenarios);
        }

        String table() {
            return table;
        }

        String fileName() {
            return table + ".xlsx";
        }

        /** The analysts' file as uploaded: what is stored, downloaded and summed into the rule set's checksum. */
        RuleSource source() {
            return new RuleSource(fileName(), content.clone());
        }

        /** The rule sheets as Drools reads them: plain text cells only. */
        byte[] canonicalWorkbook() {
            return canonicalWorkbook.clone();
        }

        /** The sheet that holds a RuleTable, to locate a compilation error for the analyst. */
        Optional<String> sheetOf(String ruleTable) {
            return Optional.ofNullable(ruleTableSheets.get(ruleTable));
        }

        List<Scenario> scenarios() {
            return scenarios;
        }
    }

    static final class UnreadableTableException extends Exception {
        UnreadableTableException(String message) {
            super(message);
        }
    }
}
