package org.tradeflow.rules;

import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Whatever decorates a cell (number formats, styles, rich text, comments, links, names, hidden rows) never
 * changes what Drools reads: the rules generated from a decorated pricing.xlsx equal those generated from an
 * undecorated copy holding the same values. Where the decoration makes a number read differently from what
 * the analyst sees (a date, a percentage), the table is refused with the reason instead.
 */
class CellDecorationTest {

    private static final String ACME = "ACME-DE"; // ContractPrices row 12
    /** ContractPrices columns from the account: SKU, valid from, valid until, contract reference, unit price, note. */
    private static final int SKU = 1;
    private static final int REFERENCE = 4;
    private static final int PRICE = 5;
    private static final String DEALER_LIGHTING = "Dealers: seasonal lighting range"; // GroupPrices row 26, discount one left

    private static final byte[] PRICING = read(Path.of("decision-tables", "pricing.xlsx"));

    /** ACME-DE's contract price as a plain whole number in the default style: the undecorated copy. */
    private static final byte[] PLAIN_PRICE = Spreadsheets.decorate(PRICING, ACME, PRICE, cell -> {
        cell.setCellValue(3);
        cell.setCellStyle(cell.getSheet().getWorkbook().getCellStyleAt(0));
    });

    /** Decorations of ACME-DE's contract price cell G12 (value 3) or of the workbook around it. */
    static Stream<Arguments> priceDecorations() {
        return Stream.of(
                arguments("custom number format with quoted literal text: 0\" EUR\"", format("0\" EUR\"")),
                arguments("custom number format whose literal text is Java", format(CellFormatInjectionTest.javaInNumberFormat())),
                arguments("escaped literal characters: 0\\ \\+\\ \\1", format("0\\ \\+\\ \\1")),
                arguments("text format @ on a number", format("@")),
                arguments("conditional sections: [>0]0' + 1';0", format("[>0]0' + 1';0")),
                arguments("positive, negative and zero sections: 0;-0;\"none\"", format("0;-0;\"none\"")),
                arguments("a format that hides the value: ;;;", format(";;;")),
                arguments("locale and currency code: [$€-407] #,##0.00", format("[$€-407] #,##0.00")),
                arguments("fraction: # ?/?", format("# ?/?")),
                arguments("scientific: 0.00E+00", format("0.00E+00")),
                arguments("thousands scaling: 0,", format("0,")),
                arguments("colour: [Red]0.00", format("[Red]0.00")),
                arguments("bold font, fill and border", onPrice(CellDecorationTest::boldFilledBordered)),
                arguments("cell comment", onPrice(CellDecorationTest::commentCarryingCode)),
                arguments("hyperlink", onPrice(CellDecorationTest::hyperlinkCarryingCode)),
                arguments("data validation list", (Consumer<Workbook>) CellDecorationTest::validationCarryingCode),
                arguments("conditional formatting", (Consumer<Workbook>) CellDecorationTest::conditionalFormatting),
                arguments("defined names, one named like a keyword", (Consumer<Workbook>) CellDecorationTest::definedNames),
                arguments("hidden row and column", (Consumer<Workbook>) CellDecorationTest::hiddenRowAndColumn),
                arguments("the number typed as text with a quote prefix: '3", QUOTED_PRICE));
    }

    /** Text, not a number: left out where the decorations are combined. */
    private static final Consumer<Workbook> QUOTED_PRICE = onPrice(cell -> {
        cell.setCellValue("3");
        cell.setCellStyle(quotePrefixed(cell));
    });

    @ParameterizedTest(name = "{0}")
    @MethodSource("priceDecorations")
    void decorationOfAPriceCellDoesNotChangeTheRules(String decoration, Consumer<Workbook> decorate) throws Exception {
        assertThat(drl(Spreadsheets.withWorkbook(PLAIN_PRICE, decorate))).isEqualTo(drl(PLAIN_PRICE));
    }

    static Stream<Arguments> decoratedTexts() {
        return Stream.of(
                arguments("rich text runs in two fonts", referenceWith(cell -> {
                    XSSFRichTextString rich = new XSSFRichTextString("C-2025-017");
                    Font bold = cell.getSheet().getWorkbook().createFont();
                    bold.setBold(true);
                    rich.applyFont(0, 2, bold);
                    cell.setCellValue(rich);
                })),
                arguments("quote-prefix style", referenceWith(cell -> cell.setCellStyle(quotePrefixed(cell)))),
                arguments("spaces around the text", referenceWith(cell -> cell.setCellValue("  C-2025-017 \t"))),
                arguments("text format @ on text", referenceWith(cell -> {
                    CellStyle style = cell.getSheet().getWorkbook().createCellStyle();
                    style.setDataFormat(cell.getSheet().getWorkbook().createDataFormat().getFormat("\"x\"@\"y\""));
                    cell.setCellStyle(style);
                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoratedTexts")
    void decorationOfATextCellDoesNotChangeTheRules(String decoration, byte[] decorated) throws Exception {
        assertThat(drl(decorated)).isEqualTo(drl(PRICING));
    }

    @Test
    void aBooleanCellIsReadAsTheTextTrueOrFalse() throws Exception {
        byte[] booleanReference = Spreadsheets.decorate(PRICING, ACME, REFERENCE, cell -> cell.setCellValue(true));
        byte[] textReference = Spreadsheets.edit(PRICING, ACME, REFERENCE, "TRUE");

        assertThat(drl(booleanReference)).isEqualTo(drl(textReference)).contains("String contract = \"TRUE\";");
    }

    static Stream<Arguments> numbersThatWouldNotReadAsShown() {
        return Stream.of(
                arguments("a date format on a price (dd.mm.yyyy)", priceFormatted("dd.mm.yyyy"),
                        "G12 ('03.01.1900')", "holds an Excel date, which Drools would read as the number 3"),
                arguments("Excel's built-in date format on a price", Spreadsheets.decorate(PRICING, ACME, PRICE, cell -> {
                    cell.setCellValue(3);
                    CellStyle style = cell.getSheet().getWorkbook().createCellStyle();
                    style.setDataFormat((short) 14);
                    cell.setCellStyle(style);
                }), "G12 ('1/3/00')", "holds an Excel date"),
                arguments("a time format on a price (hh:mm)", priceFormatted("hh:mm"), "G12 ('00:00')", "holds an Excel date"),
                arguments("a percentage format on a discount (0%)", Spreadsheets.editFormatted(PRICING, DEALER_LIGHTING, -1, 0.10, "0%"),
                        "G26 ('10%')", "is formatted as a percentage, which Drools would read as 0.1"),
                arguments("a percent sign as literal text in a format (0\"%\")",
                        Spreadsheets.editFormatted(PRICING, DEALER_LIGHTING, -1, 10, "0\"%\""),
                        "G26", "is formatted as a percentage, which Drools would read as 10"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("numbersThatWouldNotReadAsShown")
    void numberWhoseFormatWouldMisleadTheAnalystIsRefusedWithTheReason(String decoration, byte[] decorated, String cell,
                                                                       String reason) {
        assertThatThrownBy(() -> inspect(decorated))
                .isInstanceOfSatisfying(RuleChangeRefusedException.class, refused -> assertThat(refused.problems())
                        .anySatisfy(problem -> assertThat(problem).startsWith("sheet Pricing, cell " + cell).contains(reason)));
    }

    @Test
    void aNumberInATextColumnIsReadAsItsValue() throws Exception {
        byte[] numberSku = Spreadsheets.decorate(PRICING, ACME, SKU, cell -> cell.setCellValue(22111));
        byte[] textSku = Spreadsheets.edit(PRICING, ACME, SKU, "22111");

        assertThat(drl(numberSku)).isEqualTo(drl(textSku)).contains("sku == \"22111\"");
    }

    @Test
    void aNumberFormattedInATextColumnIsRefusedBecauseItWouldNotMatchWhatTheAnalystSees() {
        // Shown as 00022111, matched as 22111 (the value): typed as text it is matched as shown.
        byte[] leadingZeros = Spreadsheets.editFormatted(PRICING, ACME, SKU, 22111, "00000000");

        assertThatThrownBy(() -> inspect(leadingZeros)).isInstanceOfSatisfying(RuleChangeRefusedException.class, refused ->
                assertThat(refused.problems()).contains("sheet Pricing, cell C12 ('22111'): holds the number 22111 with a "
                        + "number format, which Drools does not read; type the value as text, exactly as it should be matched"));
    }

    @Test
    void anErrorValueIsRefusedLikeAFormula() {
        byte[] error = Spreadsheets.decorate(PRICING, ACME, PRICE, cell -> cell.setCellErrorValue(
                org.apache.poi.ss.usermodel.FormulaError.NA.getCode()));

        assertThatThrownBy(() -> inspect(error)).isInstanceOfSatisfying(RuleChangeRefusedException.class, refused ->
                assertThat(refused.problems()).contains("sheet Pricing, cell G12: holds an error value instead of a value; "
                        + "type the value itself"));
    }

    @Test
    void droolsOwnReaderCopiesAWholeNumberAsItsFormatShowsIt() {
        // Why the canonical workbook exists: ExcelParser renders a whole-number cell through POI's DataFormatter.
        byte[] malicious = priceFormatted(CellFormatInjectionTest.javaInNumberFormat());

        String drlFromTheAnalystsFile = new SpreadsheetCompiler().compile(new ByteArrayInputStream(malicious), InputType.XLS);

        assertThat(drlFromTheAnalystsFile).contains("PriceOffer.contract($l, 3 + (System.setProperty(");
    }

    @Test
    void canonicalWorkbookHoldsTheRuleSheetsAsPlainTextCellsOnly() throws Exception {
        byte[] everything = Spreadsheets.withWorkbook(PLAIN_PRICE, workbook -> {
            priceDecorations().map(decoration -> (Consumer<Workbook>) decoration.get()[1])
                    .filter(decoration -> decoration != QUOTED_PRICE).forEach(decoration -> decoration.accept(workbook));
            format(CellFormatInjectionTest.javaInNumberFormat()).accept(workbook);
        });

        try (Workbook canonical = WorkbookFactory.create(new ByteArrayInputStream(inspect(everything).canonicalWorkbook()))) {
            assertThat(canonical.getNumberOfSheets()).as("no Scenarios sheet").isEqualTo(1);
            Sheet sheet = canonical.getSheet("Pricing");
            List<Cell> cells = new ArrayList<>();
            sheet.forEach(row -> row.forEach(cells::add));
            assertThat(cells).isNotEmpty().allSatisfy(cell -> {
                assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.BLANK);
                assertThat(cell.getCellStyle().getIndex()).isZero();
                assertThat(cell.getHyperlink()).isNull();
            });
            assertThat(price(canonical).getStringCellValue()).isEqualTo("3");
            assertThat(canonical.getNumCellStyles()).isEqualTo(1);
            assertThat(canonical.getAllNames()).isEmpty();
            assertThat(sheet.getCellComments()).isEmpty();
            assertThat(sheet.getDataValidations()).isEmpty();
            assertThat(sheet.getSheetConditionalFormatting().getNumConditionalFormattings()).isZero();
            assertThat(sheet.isColumnHidden(6)).isFalse();
            assertThat(sheet.getRow(11).getZeroHeight()).isFalse();
            assertThat(sheet.getMergedRegions()).extracting(CellRangeAddress::formatAsString)
                    .containsExactly("B9:E9", "B23:E23", "B42:F42", "B53:G53", "B61:D61");
        }
    }

    @Test
    void scenarioValuesAreReadAsTheirValueNotAsShown() throws Exception {
        // Scenarios row 4 expects Alpine's contract price 5.35; typed 5.349 and shown as 5.35 it is 5.349.
        byte[] shownRounded = Spreadsheets.editFormatted(PRICING, "Alpine's contract on the Scottie dog bottle", 12, 5.349, "0.00");

        assertThat(inspect(shownRounded).scenarios().get(0).get("Expected unit price")).isEqualTo("5.349");
    }

    @Test
    void numbersReadAsPlainDecimalsOfTheirValue() {
        assertThat(CellText.number(3.0)).isEqualTo("3");
        assertThat(CellText.number(2.95)).isEqualTo("2.95");
        assertThat(CellText.number(13.90)).isEqualTo("13.9");
        assertThat(CellText.number(-0.0)).isEqualTo("0");
        assertThat(CellText.number(1e-7)).isEqualTo("0.0000001");
        assertThat(CellText.number(1e15)).isEqualTo("1000000000000000");
        assertThat(CellText.number(1e21)).isEqualTo("1000000000000000000000");
        assertThat(CellText.number(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(CellText.number(-12.5)).isEqualTo("-12.5");
    }

    private static String drl(byte[] spreadsheet) throws RuleChangeRefusedException {
        return RuleSetCompiler.drl(inspect(spreadsheet));
    }

    private static InspectedTable inspect(byte[] spreadsheet) throws RuleChangeRefusedException {
        return RuleSetRegistry.check(Path.of("rules"), "pricing", spreadsheet);
    }

    private static byte[] priceFormatted(String format) {
        return Spreadsheets.editFormatted(PRICING, ACME, PRICE, 3, format);
    }

    /** G12, ACME-DE's contract price. */
    private static Cell price(Workbook workbook) {
        return workbook.getSheet("Pricing").getRow(11).getCell(6);
    }

    private static Consumer<Workbook> onPrice(Consumer<Cell> decoration) {
        return workbook -> decoration.accept(price(workbook));
    }

    private static Consumer<Workbook> format(String format) {
        return onPrice(cell -> {
            CellStyle style = cell.getSheet().getWorkbook().createCellStyle();
            style.setDataFormat(cell.getSheet().getWorkbook().createDataFormat().getFormat(format));
            cell.setCellStyle(style);
        });
    }

    private static byte[] referenceWith(Consumer<Cell> decoration) {
        return Spreadsheets.decorate(PRICING, ACME, REFERENCE, decoration);
    }

    private static CellStyle quotePrefixed(Cell cell) {
        CellStyle style = cell.getSheet().getWorkbook().createCellStyle();
        style.cloneStyleFrom(cell.getCellStyle());
        style.setQuotePrefixed(true);
        return style;
    }

    private static void boldFilledBordered(Cell cell) {
        Workbook workbook = cell.getSheet().getWorkbook();
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.YELLOW.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(org.apache.poi.ss.usermodel.BorderStyle.THICK);
        cell.setCellStyle(style);
    }

    private static void commentCarryingCode(Cell cell) {
        CreationHelper helper = cell.getSheet().getWorkbook().getCreationHelper();
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setRow1(cell.getRowIndex());
        anchor.setCol1(cell.getColumnIndex());
        anchor.setRow2(cell.getRowIndex() + 3);
        anchor.setCol2(cell.getColumnIndex() + 3);
        Comment comment = cell.getSheet().createDrawingPatriarch().createCellComment(anchor);
        comment.setString(helper.createRichTextString("\"); System.exit(0); //"));
        cell.setCellComment(comment);
    }

    private static void hyperlinkCarryingCode(Cell cell) {
        Hyperlink link = cell.getSheet().getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.URL);
        link.setAddress("https://example.com/?q=%22);System.exit(0);//");
        cell.setHyperlink(link);
    }

    private static void validationCarryingCode(Workbook workbook) {
        Sheet sheet = workbook.getSheet("Pricing");
        DataValidationHelper helper = sheet.getDataValidationHelper();
        sheet.addValidationData(helper.createValidation(helper.createExplicitListConstraint(new String[]{"3", "4 + 1"}),
                new CellRangeAddressList(11, 11, 6, 6)));
    }

    private static void conditionalFormatting(Workbook workbook) {
        Sheet sheet = workbook.getSheet("Pricing");
        ConditionalFormattingRule rule = sheet.getSheetConditionalFormatting()
                .createConditionalFormattingRule(ComparisonOperator.GT, "0");
        rule.createFontFormatting().setFontStyle(true, true);
        sheet.getSheetConditionalFormatting().addConditionalFormatting(new CellRangeAddress[]{CellRangeAddress.valueOf("G12")}, rule);
    }

    private static void definedNames(Workbook workbook) {
        Name price = workbook.createName();
        price.setNameName("ContractPrice");
        price.setRefersToFormula("Pricing!$G$12");
        Name keyword = workbook.createName();
        keyword.setNameName("Functions");
        keyword.setRefersToFormula("Pricing!$H$12");
    }

    private static void hiddenRowAndColumn(Workbook workbook) {
        Sheet sheet = workbook.getSheet("Pricing");
        sheet.getRow(11).setZeroHeight(true);
        sheet.setColumnHidden(6, true);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
