package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.Cell;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The text of a spreadsheet cell as the checks read it and as Drools is given it: made from the cell's typed
 * value alone. A number format, style, rich text run, comment or defined name never changes it. (Drools' own
 * reader copies a whole number into the rules as POI's DataFormatter shows it through its number format, so
 * a custom format could put any text, code included, into the generated rules.)
 */
final class CellText {

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

    /** A number's shortest exact decimal, without exponent or trailing zeros; minus zero is 0. */
    static String number(double value) {
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.signum() == 0 ? "0" : decimal.toPlainString();
    }
}
