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
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.ActionType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tradeflow.rules.RuleSheetReading.HeaderLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Separates what in a decision table is code (RuleSet settings, and the RuleTable cell, CONDITION/ACTION, pattern
 * and code rows of each table) from what analysts own (the rows of each table). Where a table starts, which
 * columns it has and where it ends are read exactly as Drools reads them ({@link RuleSheetReading}), so no cell
 * can be a value here and a setting there. The code part must equal the header developers approved, cell by
 * cell and column by column; a value must not be able to break out of the code template it is pasted into, and
 * must hold the kind of value its column's code expects (see {@link ColumnType}). Every cell is read once, as its
 * {@link CellText}; a table that passes becomes an {@link InspectedTable}, whose canonical workbook holds exactly
 * those texts and nothing else (read back to make sure), and is the only form of a table the compiler accepts.
 */
final class DecisionTableInspector {

    private static final Logger log = LoggerFactory.getLogger(DecisionTableInspector.class);

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
            List<String> problems = new ArrayList<>(headerDifferences(approvedHeader, inspection.headerLines()));
            problems.addAll(inspection.problems());
            byte[] canonical = problems.isEmpty() ? canonicalWorkbook(workbook, inspection.grids()) : null;
            if (canonical != null) {
                problems.addAll(differencesOnceWritten(canonical, inspection.grids()));
            }
            if (!problems.isEmpty()) {
                throw new RuleChangeRefusedException(table, problems);
            }
            Sheet scenarios = workbook.getSheet(ScenarioSheet.SHEET);
            return new InspectedTable(table, spreadsheet, canonical, inspection.ruleTableSheets(), inspection.expected(),
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
        List<HeaderLine> header = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> ruleTableSheets = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, TreeMap<Integer, String>>> grids = new LinkedHashMap<>();
        List<RuleSheetReading> readings = new ArrayList<>();
        for (Sheet sheet : workbook) {
            header.add(new HeaderLine("sheet " + sheet.getSheetName(), sheet.getSheetName(), -1));
            Set<CellReference> refused = refuseWhatIsNoValue(sheet, problems);
            Set<Integer> codeRows = new HashSet<>();
            if (sheet.getSheetName().equals(ScenarioSheet.SHEET)) {
                refuseDatesAndPercentages(sheet, problems); // Drools never reads this sheet, but the scenarios do
            } else {
                TreeMap<Integer, TreeMap<Integer, String>> grid = grid(sheet);
                grids.put(sheet.getSheetName(), grid);
                RuleSheetReading reading = RuleSheetReading.read(sheet, grid);
                readings.add(reading);
                header.addAll(reading.header());
                problems.addAll(reading.problems());
                refuseStrayRuleTables(sheet, problems);
                checkValues(reading, refused, problems);
                reading.tables().forEach(t -> ruleTableSheets.putIfAbsent(t.name, sheet.getSheetName()));
                codeRows.addAll(reading.codeRows());
            }
            refuseMergesOutside(sheet, codeRows, problems);
        }
        return new Inspection(header, problems, ruleTableSheets, grids, expected(readings));
    }

    /**
     * What the DRL Drools makes of the first rule sheet (the only one it reads) may hold: the package, imports and
     * globals of its settings, which the approved header locks, and one rule per row read.
     */
    private static GeneratedRules.Expected expected(List<RuleSheetReading> readings) {
        if (readings.isEmpty()) {
            return new GeneratedRules.Expected("", List.of(), List.of(), Map.of());
        }
        RuleSheetReading first = readings.get(0);
        Map<String, List<String>> settings = first.settings();
        String packageName = settings.getOrDefault("ruleset", List.of("rule_table")).get(0).trim();
        List<String> imports = settings.getOrDefault("import", List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
        List<String> globals = settings.getOrDefault("variables", List.of()).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).filter(s -> !s.isEmpty())
                .map(global -> String.join(" ", global.split("\\s+"))).toList();
        Map<String, Boolean> rules = new LinkedHashMap<>();
        first.tables().forEach(t -> t.ruleNames().forEach(name -> rules.put(name, t.sequential)));
        return new GeneratedRules.Expected(packageName, imports, globals, rules);
    }

    /** Each value Drools pastes into a rule must fit its column (see {@link ColumnType}). */
    private static void checkValues(RuleSheetReading reading, Set<CellReference> refused, List<String> problems) {
        for (RuleSheetReading.DataCell data : reading.dataCells()) {
            Cell cell = data.cell();
            if (cell == null || refused.contains(new CellReference(cell))) {
                continue; // a merged range (refused outside code rows) or a cell already refused for what it holds
            }
            String text = CellText.of(cell);
            String where = where(cell.getSheet(), cell, data.row(), data.column(), text);
            columnType(data).map(type -> type.problem(cell, text)).orElseGet(() -> Optional.of(noValues(data)))
                    .ifPresent(why -> problems.add(where + ": " + why));
        }
    }

    private static String noValues(RuleSheetReading.DataCell data) {
        if (data.kind() == null) {
            return "this column's heading is none Drools knows; ask a developer";
        }
        String column = "this " + data.kind().getColHeader() + " column";
        boolean pasted = data.kind() == ActionType.Code.CONDITION || data.kind() == ActionType.Code.ACTION;
        return (pasted ? column + " has no code, so it" : column)
                + " takes no values from the rows of a table; ask a developer";
    }

    /**
     * CONDITION and ACTION values are pasted into their column's code; a DESCRIPTION is written as a comment. Any
     * other column, and one without code, takes no values: what Drools would make of them no check here knows.
     */
    private static Optional<ColumnType> columnType(RuleSheetReading.DataCell data) {
        if (data.kind() == ActionType.Code.CONDITION || data.kind() == ActionType.Code.ACTION) {
            return data.template().isEmpty() ? Optional.empty() : Optional.of(ColumnType.of(data.template()));
        }
        return data.kind() == ActionType.Code.DESCRIPTION ? Optional.of(ColumnType.NOTE) : Optional.empty();
    }

    static List<String> headerDifferences(List<String> approved, List<HeaderLine> actual) {
        for (int i = 0; i < Math.max(approved.size(), actual.size()); i++) {
            String expected = i < approved.size() ? approved.get(i) : "(nothing)";
            HeaderLine found = i < actual.size() ? actual.get(i) : null;
            String foundText = found == null ? "(nothing)" : found.text();
            if (!expected.equals(foundText)) {
                String where = found == null ? "" : found.row() < 0 ? "sheet " + found.sheet() + ": "
                        : "sheet " + found.sheet() + ", row " + (found.row() + 1) + ": ";
                return List.of(where + "code rows differ from the approved header: expected '" + expected.strip()
                        + "' but found '" + foundText.strip() + "'; analysts may change data rows only");
            }
        }
        return List.of();
    }

    /**
     * The texts the canonical workbook will hold, by row and column: every cell's {@link CellText}, and a blank
     * for every cell a merged range covers (Drools reads those as the range's first cell, so whether they exist
     * must not depend on the analysts' file).
     */
    private static TreeMap<Integer, TreeMap<Integer, String>> grid(Sheet sheet) {
        TreeMap<Integer, TreeMap<Integer, String>> grid = new TreeMap<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                grid.computeIfAbsent(row.getRowNum(), r -> new TreeMap<>()).put(cell.getColumnIndex(), CellText.of(cell));
            }
        }
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getFirstRow() != region.getLastRow()) {
                continue; // refused: a merge may only lie within one code row
            }
            for (CellAddress address : region) {
                if (address.getRow() != region.getFirstRow() || address.getColumn() != region.getFirstColumn()) {
                    grid.computeIfAbsent(address.getRow(), r -> new TreeMap<>()).put(address.getColumn(), "");
                }
            }
        }
        return grid;
    }

    /**
     * A formula could compute text the checks never saw, an error value is no value: tables hold plain values. A
     * control character is invisible, and Drools, which trims what is below a space, may read a cell holding one as
     * empty where the checks read a value (and so end a table where they do not); an Excel escape like _x0022_ is
     * read back as the character it names once the text is written into the canonical workbook. The cells refused.
     */
    private static Set<CellReference> refuseWhatIsNoValue(Sheet sheet, List<String> problems) {
        Set<CellReference> refused = new HashSet<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                String where = "sheet " + sheet.getSheetName() + ", cell " + new CellReference(cell).formatAsString(false);
                Optional<String> refusal = CellText.refusal(cell).or(() -> CellText.characterProblem(CellText.of(cell)));
                if (refusal.isEmpty() && CellText.of(cell).length() > MAX_CELL_TEXT) {
                    refusal = Optional.of("holds more text than an Excel cell can (32,767 characters)");
                }
                if (refusal.isPresent()) {
                    problems.add(where + ": " + refusal.get());
                    refused.add(new CellReference(cell));
                }
            }
        }
        return refused;
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

    /**
     * Drools starts a table at any cell reading "RuleTable ...", even inside a table's rows: only a row's first cell
     * may. (The reading would see the second table, and the header differ; this says why, naming the cell.)
     */
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

    /**
     * A new workbook with the rule sheets only: the checked texts of {@link #grid}, at the same places, as plain
     * strings in the default style, and the merged ranges (code rows only, as checked) that tie a pattern to its
     * columns. No number format, style, rich text, comment, hyperlink, name, validation or conditional format is
     * carried over, so Drools reads exactly the texts that were checked.
     */
    private static byte[] canonicalWorkbook(Workbook analysts, Map<String, TreeMap<Integer, TreeMap<Integer, String>>> grids)
            throws IOException {
        try (XSSFWorkbook canonical = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Sheet sheet : analysts) {
                TreeMap<Integer, TreeMap<Integer, String>> grid = grids.get(sheet.getSheetName());
                if (grid == null) {
                    continue; // the Scenarios sheet
                }
                Sheet copy = canonical.createSheet(sheet.getSheetName());
                grid.forEach((r, cells) -> {
                    Row rowCopy = copy.createRow(r);
                    cells.forEach((c, text) -> {
                        Cell cellCopy = rowCopy.createCell(c, CellType.BLANK);
                        if (!text.isEmpty()) {
                            cellCopy.setCellValue(text);
                        }
                    });
                });
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
     * Reads the canonical workbook back as Drools will (POI, each cell through a {@link DataFormatter}) and names
     * every cell that does not read as the text checked: the file format must not change a single character.
     */
    private static List<String> differencesOnceWritten(byte[] canonical,
                                                       Map<String, TreeMap<Integer, TreeMap<Integer, String>>> grids)
            throws IOException {
        List<String> differences = new ArrayList<>();
        DataFormatter drools = new DataFormatter(Locale.ENGLISH);
        try (Workbook written = WorkbookFactory.create(new ByteArrayInputStream(canonical))) {
            grids.forEach((sheetName, grid) -> {
                Sheet sheet = written.getSheet(sheetName);
                Map<CellReference, String> read = new LinkedHashMap<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        read.put(new CellReference(cell.getRowIndex(), cell.getColumnIndex()), drools.formatCellValue(cell));
                    }
                }
                Map<CellReference, String> checked = new LinkedHashMap<>();
                grid.forEach((r, cells) -> cells.forEach((c, text) -> checked.put(new CellReference(r, c), text)));
                checked.forEach((reference, text) -> {
                    if (!text.equals(read.get(reference))) {
                        differences.add("sheet " + sheetName + ", cell " + reference.formatAsString(false)
                                + ": holds characters an .xlsx file cannot keep as they are; retype the cell");
                    }
                });
                if (!read.keySet().equals(checked.keySet())) {
                    differences.add("sheet " + sheetName + ": the copy of the sheet Drools reads differs from it");
                }
            });
        }
        if (!differences.isEmpty()) {
            log.warn("The canonical workbook does not read back as checked: {}", differences);
        }
        return differences;
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

    /**
     * What a spreadsheet holds as code, what is wrong with its other cells (each naming sheet and cell), the texts
     * of its rule sheets and what the rules generated from them may hold.
     */
    record Inspection(List<HeaderLine> headerLines, List<String> problems, Map<String, String> ruleTableSheets,
                      Map<String, TreeMap<Integer, TreeMap<Integer, String>>> grids, GeneratedRules.Expected expected) {

        /** The lines {@code rules/approved/<table>.header} holds. */
        List<String> header() {
            return headerLines.stream().map(HeaderLine::text).toList();
        }
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
        private final GeneratedRules.Expected expectedRules;
        private final List<Scenario> scenarios;

        private InspectedTable(String table, byte[] content, byte[] canonicalWorkbook, Map<String, String> ruleTableSheets,
                               GeneratedRules.Expected expectedRules, List<Scenario> scenarios) {
            this.table = table;
            this.content = content.clone();
            this.canonicalWorkbook = canonicalWorkbook;
            this.ruleTableSheets = Map.copyOf(ruleTableSheets);
            this.expectedRules = expectedRules;
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

        /** What the DRL generated from this table may hold: checked by {@link GeneratedRules} before it compiles. */
        GeneratedRules.Expected expectedRules() {
            return expectedRules;
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
