package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.Cell;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a spreadsheet cell as the checks read it and as Drools is given it: made from the cell's typed
 * value alone. A number format, style, rich text run, comment or defined name never changes it. (Drools' own
 * reader copies a whole number into the rules as POI's DataFormatter shows it through its number format, so
 * a custom format could put any text, code included, into the generated rules.)
 */
final class CellText {

    /** How Excel writes a character an XML file cannot hold as it is; POI reads it back as that character. */
    private static final Pattern EXCEL_ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private CellText() {
    }

    /**
     * The cell's text, stripped: a string as typed (rich text runs flattened), a number as a plain decimal from
     * its value ({@code 12}, {@code 2.95}, never {@code 2.95E-5} or {@code 12.0}), TRUE or FALSE. Empty for a
     * missing cell, and for a cell that holds no plain value (see {@link #refusal}), which no table may hold.
     */
    static String of(Cell cell) {
        if (cell == null || refusal(cell).isPresent()) {
            return "";
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getRichStringCellValue().getString().strip();
            case NUMERIC -> number(cell.getNumericCellValue());
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            default -> "";
        };
    }

    /** Why a cell holds no plain value, if it does not: a formula, an error value, a number that is no number. */
    static Optional<String> refusal(Cell cell) {
        return switch (cell.getCellType()) {
            case FORMULA -> Optional.of("formulas are not allowed");
            case ERROR -> Optional.of("holds an error value instead of a value; type the value itself");
            case NUMERIC -> Double.isFinite(cell.getNumericCellValue()) ? Optional.empty()
                    : Optional.of("holds something that is not a number Excel can show");
            default -> Optional.empty();
        };
    }

    /**
     * Why a cell's text cannot be in a table, if it cannot: a control character (below U+0020, or U+007F), which
     * no one sees and which Drools trims away where the checks see a value; or Excel's escape of a character
     * ({@code _x0022_} for a quote), which the .xlsx format reads back as the character once the text is written.
     */
    static Optional<String> characterProblem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return Optional.of("holds a line break; a cell of a decision table stays on one line");
            }
            if (c == '\t') {
                return Optional.of("holds a tab; use a space instead");
            }
            if (c < 0x20 || c == 0x7F) {
                return Optional.of(String.format("holds the invisible control character U+%04X; retype the cell without it", (int) c));
            }
        }
        Matcher escape = EXCEL_ESCAPE.matcher(text);
        if (escape.find()) {
            int named = Integer.parseInt(escape.group(1), 16);
            String character = named < 0x20 || named == 0x7F ? String.format("U+%04X", named) : "'" + (char) named + "'";
            return Optional.of("holds " + escape.group() + ", which an .xlsx file reads as the character it stands for ("
                    + character + "); write the text differently");
        }
        return Optional.empty();
    }

    /** A number's shortest exact decimal, without exponent or trailing zeros; minus zero is 0. */
    static String number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.signum() == 0 ? "0" : decimal.toPlainString();
    }
}
