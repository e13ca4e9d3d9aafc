package org.tradeflow.rules;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tradeflow.rules.DecisionTableInspector.InspectedTable;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 8 (DRL through settings): Drools ends a RuleTable at a row in which it reads no cell of the table, and
 * reads the cells of the next row as RuleSet settings; a Functions, Queries or Declare setting is pasted into the
 * rules as it is. The inspector must see every table end exactly where Drools does: a row that only looks empty to
 * Drools (a cell left of the table, a control character Drools trims away) is refused, and whatever the
 * inspector accepts, Drools reads as the same rows.
 */
class TableExtentTest {

    static final String PWNED = "tradeflow.pwned";
    /** A Functions setting's value: pasted raw into the DRL, it ends the function and adds a rule that fires always. */
    static final String EVIL = "function void f() {} rule Evil when then System.setProperty(\"" + PWNED
            + "\", \"yes\"); end";
    /** The last row of ContractPrices (row 19); GroupPrices starts two rows below. */
    private static final String LAST_CONTRACT = "LONESTAR-US";
    private static final byte[] PRICING = read(Path.of("decision-tables", "pricing.xlsx"));

    /**
     * The reviewer's first variant: below the last ContractPrices row (B..H), a row holding only A20 '.' (left of
     * the table, which starts in column B: Drools skips it), then A21 '.', B21 'Functions' and H21 the DRL (H is
     * the DESCRIPTION column, where quotes are allowed).
     */
    static byte[] settingBelowACellLeftOfTheTable() {
        return Spreadsheets.insertRowsBelow(PRICING, LAST_CONTRACT, row("."), row(".", "Functions", "", "", "", "", "", EVIL));
    }

    /**
     * The reviewer's second variant: B20 holds only U+0001 (written as Excel escapes it, _x0001_), which Drools
     * trims away; B21 'Functions', H21 the DRL.
     */
    static byte[] settingBelowAControlCharacter() {
        return Spreadsheets.insertRowsBelow(PRICING, LAST_CONTRACT, row("", "_x0001_"), row("", "Functions", "", "", "", "", "", EVIL));
    }

    @Test
    void droolsEndsATableAtARowItReadsAsEmptyAndPastesAFunctionsSettingIntoTheRules() {
        // Why the inspector must read a table's extent as Drools does: Drools' own reading of the first variant.
        String drl = new SpreadsheetCompiler().compile(new ByteArrayInputStream(settingBelowACellLeftOfTheTable()), InputType.XLS);

        assertThat(drl).contains(EVIL).doesNotContain("rule \"ContractPrices_20\"", "rule \"ContractPrices_21\"");
    }

    static Stream<Arguments> rowsThatLookEmptyToDroolsOnly() {
        return Stream.of(
                arguments("a cell left of the table (A20)", settingBelowACellLeftOfTheTable(),
                        "sheet Pricing, cell A20 ('.'): nothing may be written left of a table"),
                arguments("a control character only (B20 U+0001)", settingBelowAControlCharacter(),
                        "sheet Pricing, cell B20: holds the invisible control character U+0001"),
                arguments("a cell right of the table (I20)", gapRow(8, "."),
                        "sheet Pricing, cell I20 ('.'): nothing may be written beside a table"),
                arguments("a cell left of the table in the setting row too (A21 only)", Spreadsheets.insertRowsBelow(PRICING,
                        LAST_CONTRACT, row("."), row(".", "", "", "", "", "", "", EVIL)),
                        "sheet Pricing, cell A21 ('.'): nothing may be written left of a table"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsThatLookEmptyToDroolsOnly")
    void rowThatOnlyDroolsReadsAsEmptyIsRefusedNamingTheCell(String row, byte[] spreadsheet, String reason) {
        assertThatThrownBy(() -> inspect(spreadsheet)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                refused -> assertThat(refused.problems()).anySatisfy(problem -> assertThat(problem).startsWith(reason)));
    }

    /** Every character below U+0020, and U+007F: those Drools' trim() drops and String.strip() keeps, and the others. */
    static Stream<Arguments> controlCharacters() {
        return IntStream.concat(IntStream.range(0, 0x20), IntStream.of(0x7F)).mapToObj(c -> arguments(
                String.format("U+%04X", c), String.format("_x%04X_", c), Character.isWhitespace(c)));
    }

    @ParameterizedTest(name = "{0} alone in B20")
    @MethodSource("controlCharacters")
    void controlCharacterCannotMakeARowLookEmptyToDroolsOnly(String character, String escaped, boolean stripped) {
        byte[] spreadsheet = Spreadsheets.insertRowsBelow(PRICING, LAST_CONTRACT, row("", escaped),
                row("", "Functions", "", "", "", "", "", EVIL));

        assertThatThrownBy(() -> inspect(spreadsheet)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                refused -> assertThat(refused.problems()).anySatisfy(problem -> assertThat(problem).contains(stripped
                        // whitespace (tab, line breaks, ...) around a value is no value: the row is empty to both, so
                        // row 21 is outside every table and must be the approved header
                        ? "sheet Pricing, row 21: code rows differ from the approved header"
                        : "sheet Pricing, cell B20: holds the invisible control character " + character)));
    }

    @ParameterizedTest(name = "{0} within a value")
    @MethodSource("controlCharacters")
    void controlCharacterWithinAValueIsRefusedInEveryColumnAndSheet(String character, String escaped, boolean stripped) {
        byte[] inANote = Spreadsheets.edit(PRICING, LAST_CONTRACT, 6, "Jumbo" + escaped + "Bag");
        byte[] inAScenario = Spreadsheets.edit(PRICING, "Alpine's contract on the Scottie dog bottle", 0, "Alpine" + escaped + "s");

        assertThatThrownBy(() -> inspect(inANote)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                refused -> assertThat(refused.problems()).anySatisfy(problem -> assertThat(problem).startsWith("sheet Pricing, cell H19: holds ")));
        assertThatThrownBy(() -> inspect(inAScenario)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                refused -> assertThat(refused.problems()).anySatisfy(problem -> assertThat(problem).startsWith("sheet Scenarios, cell A4: holds ")));
    }

    /** Characters that look like a space, or like nothing: Drools and the inspector must agree on each. */
    static Stream<Arguments> spaces() {
        return Stream.of(
                arguments("a space", " ", false),
                arguments("NBSP U+00A0", "\u00A0", true),
                arguments("NEL U+0085", "\u0085", true),
                arguments("figure space U+2007", "\u2007", true),
                arguments("narrow NBSP U+202F", "\u202F", true),
                arguments("zero-width space U+200B", "\u200B", true),
                arguments("byte order mark U+FEFF", "\uFEFF", true),
                arguments("em space U+2003", "\u2003", false),
                arguments("ideographic space U+3000", "\u3000", false),
                arguments("line separator U+2028", "\u2028", false),
                arguments("Excel's escaped space _x0020_", "_x0020_", false));
    }

    /**
     * Drools' trim() drops only what is at most U+0020; the inspector strips whitespace in Java's sense and hands
     * Drools exactly that. A space-like character Java does not count as whitespace (NBSP, ...) is a value to both:
     * the row is a rule, and so is the next one (its "Functions" is a value, its DRL a comment). One Java strips is
     * nothing to both: the table ends, and the next row is outside every table, so it must be the approved header.
     */
    @ParameterizedTest(name = "{0} alone in B20")
    @MethodSource("spaces")
    void spaceLikeCharacterReadsTheSameToDroolsAndTheInspector(String character, String text, boolean aValue) throws Exception {
        byte[] spreadsheet = Spreadsheets.insertRowsBelow(PRICING, LAST_CONTRACT, row("", text),
                row("", "Functions", "", "", "", "", "", EVIL));

        if (aValue) {
            InspectedTable inspected = inspect(spreadsheet);
            PackageDescr rules = new DrlParser().parse(false, RuleSetCompiler.drl(inspected));
            assertThat(rules.getFunctions()).isEmpty();
            assertThat(rules.getRules()).extracting(RuleDescr::getName)
                    .containsExactlyInAnyOrderElementsOf(inspected.expectedRules().rules().keySet())
                    .contains("ContractPrices_20", "ContractPrices_21").doesNotContain("Evil");
        } else {
            assertThatThrownBy(() -> inspect(spreadsheet)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                    refused -> assertThat(refused.problems()).containsExactly("sheet Pricing, row 21: code rows differ from "
                            + "the approved header: expected 'B=RuleTable GroupPrices' but found 'B=Functions | H=" + EVIL
                            + "'; analysts may change data rows only"));
        }
    }

    @Test
    void whateverTheInspectorAcceptsDroolsReadsAsTheSameRules() throws Exception {
        for (RuleSource table : RuleSetRegistry.read(Path.of("decision-tables"), ".xlsx")) {
            InspectedTable inspected = RuleSetRegistry.check(Path.of("rules"), table.fileName().replace(".xlsx", ""), table.content());
            PackageDescr rules = new DrlParser().parse(false, RuleSetCompiler.drl(inspected));

            assertThat(rules.getRules()).as(table.fileName()).extracting(RuleDescr::getName)
                    .containsExactlyElementsOf(inspected.expectedRules().rules().keySet());
            assertThat(GeneratedRules.check(table.fileName(), RuleSetCompiler.drl(inspected), inspected.expectedRules())
                    .refusals()).as(table.fileName()).isEmpty();
        }
    }

    @Test
    void movingATableOneColumnRightIsRefusedBecauseDroolsWouldSkipItsFirstColumn() {
        // RuleTable ContractPrices from B7 to C7: Drools would skip column B, the customer account, in every row.
        byte[] moved = Spreadsheets.withWorkbook(PRICING, workbook -> {
            org.apache.poi.ss.usermodel.Row row = workbook.getSheet("Pricing").getRow(6);
            row.createCell(2).setCellValue(row.getCell(1).getStringCellValue());
            row.removeCell(row.getCell(1));
        });

        assertThatThrownBy(() -> inspect(moved)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                refused -> assertThat(refused.problems()).contains("sheet Pricing, row 7: code rows differ from the approved "
                        + "header: expected 'B=RuleTable ContractPrices' but found 'C=RuleTable ContractPrices'; analysts may "
                        + "change data rows only"));
    }

    @Test
    void codeRowsAreComparedCellByCellSoThatAMovedCellIsRefused() {
        // The same texts joined the same way, one cell further right: the pattern would belong to another column.
        byte[] shifted = Spreadsheets.withWorkbook(PRICING, workbook -> {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheet("Pricing");
            sheet.removeMergedRegion(0); // B9:E9
            sheet.getRow(8).createCell(2).setCellValue("$l : PricingLine");
            sheet.getRow(8).getCell(1).setBlank();
        });

        assertThatThrownBy(() -> inspect(shifted)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                refused -> assertThat(refused.problems()).contains("sheet Pricing, row 9: code rows differ from the approved "
                        + "header: expected 'B:E=$l : PricingLine' but found 'C=$l : PricingLine'; analysts may change data rows only"));
    }

    @Test
    void aKeywordInARowOfATableIsAValueAndASettingBelowAnEmptyRowIsHeader() throws Exception {
        byte[] asValue = Spreadsheets.insertRowsBelow(PRICING, LAST_CONTRACT, row("", "Functions", "void boom() {}"));
        byte[] asSetting = Spreadsheets.insertRowsBelow(PRICING, LAST_CONTRACT, row(), row("", "Functions", "void boom() {}"));

        String drl = RuleSetCompiler.drl(inspect(asValue));

        assertThat(drl).contains("accountCode == \"Functions\", sku == \"void boom() {}\"");
        assertThat(new DrlParser().parse(false, drl).getFunctions()).isEmpty();
        assertThatThrownBy(() -> inspect(asSetting)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                refused -> assertThat(refused.problems()).containsExactly("sheet Pricing, row 21: code rows differ from the "
                        + "approved header: expected 'B=RuleTable GroupPrices' but found 'B=Functions | C=void boom() {}'; "
                        + "analysts may change data rows only"));
    }

    @Test
    void anEmptyFirstRowIsRefusedBecauseDroolsStillMakesARuleOfIt() {
        // Below ContractPrices' column titles (row 11) an empty row, then the contracts: Drools reads on, with a rule
        // ContractPrices_12 without conditions.
        byte[] emptyFirst = Spreadsheets.insertRowsBelow(PRICING, "Customer account", row());

        assertThatThrownBy(() -> inspect(emptyFirst)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                refused -> assertThat(refused.problems()).contains("sheet Pricing, row 12 (table ContractPrices): the first "
                        + "row of a table must not be empty (Drools would still make a rule of it)"));
    }

    @Test
    void excelsEscapeOfACharacterIsRefusedBecauseTheCanonicalWorkbookWouldReadItAsTheCharacter() {
        // Typed in Excel as _x0022_, stored as _x005F_x0022_: POI reads the text _x0022_, which the canonical workbook
        // would hold as it is and Drools read back as a quote, ending the contract reference's string.
        byte[] escaped = Spreadsheets.edit(PRICING, "ACME-DE", 4, "_x005F_x0022_; System.exit(0); String x = _x005F_x0022_");

        assertThatThrownBy(() -> inspect(escaped)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                refused -> assertThat(refused.problems()).containsExactly("sheet Pricing, cell F12: holds _x0022_, which an "
                        + ".xlsx file reads as the character it stands for ('\"'); write the text differently"));
    }

    static Stream<Arguments> charactersAnXlsxFileCannotHold() {
        return Stream.of(arguments("a lone surrogate", "_xD800_"), arguments("the noncharacter U+FFFE", "_xFFFE_"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("charactersAnXlsxFileCannotHold")
    void textTheCanonicalWorkbookWouldNotKeepAsCheckedIsRefused(String character, String escaped) {
        // POI reads the escape as the character; written again it would become '?': not the text that was checked.
        byte[] unkeepable = Spreadsheets.edit(PRICING, "ACME-DE", 4, "C-2025-017" + escaped);

        assertThatThrownBy(() -> inspect(unkeepable)).isInstanceOfSatisfying(RuleChangeRefusedException.class,
                refused -> assertThat(refused.problems()).containsExactly("sheet Pricing, cell F12: holds characters an "
                        + ".xlsx file cannot keep as they are; retype the cell"));
    }

    static Stream<Arguments> columnsNoCheckKnows() {
        return Stream.of(
                // H8 DESCRIPTION becomes PRIORITY: Drools would paste "(expression)" values as salience expressions
                arguments("a PRIORITY column", (java.util.function.Consumer<org.apache.poi.ss.usermodel.Sheet>) sheet ->
                        sheet.getRow(7).getCell(7).setCellValue("PRIORITY"), "sheet Pricing, cell H12 ('White Hanging Heart "
                        + "T-Light Holder (LIGHTING), list 3.45 EUR'): this PRIORITY column takes no values from the rows of a table"),
                arguments("an ACTION column without code", (java.util.function.Consumer<org.apache.poi.ss.usermodel.Sheet>) sheet ->
                        sheet.getRow(9).getCell(5).setBlank(), "sheet Pricing, cell F12 ('C-2025-017'): this ACTION column "
                        + "has no code, so it takes no values from the rows of a table"));
    }

    /** Even once developers approve such code rows, values that no check knows how Drools reads are refused. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("columnsNoCheckKnows")
    void valueInAColumnNoCheckKnowsIsRefusedEvenUnderAnApprovedHeader(String column,
                                                                      java.util.function.Consumer<org.apache.poi.ss.usermodel.Sheet> change,
                                                                      String reason) throws Exception {
        byte[] changed = Spreadsheets.withWorkbook(PRICING, workbook -> change.accept(workbook.getSheet("Pricing")));
        java.util.List<String> approvedAsItIs = DecisionTableInspector.inspect(changed).header();

        assertThatThrownBy(() -> DecisionTableInspector.inspect("pricing", changed, approvedAsItIs))
                .isInstanceOfSatisfying(RuleChangeRefusedException.class, refused -> assertThat(refused.problems())
                        .anySatisfy(problem -> assertThat(problem).startsWith(reason)));
    }

    private static byte[] gapRow(int column, String text) {
        String[] gap = new String[column + 1];
        Arrays.fill(gap, "");
        gap[column] = text;
        return Spreadsheets.insertRowsBelow(PRICING, LAST_CONTRACT, gap, row("", "Functions", "", "", "", "", "", EVIL));
    }

    private static String[] row(String... cells) {
        return cells;
    }

    private static InspectedTable inspect(byte[] spreadsheet) throws RuleChangeRefusedException {
        return RuleSetRegistry.check(Path.of("rules"), "pricing", spreadsheet);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
