package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kind of value a decision-table column holds, read from its approved code template, and the check each
 * data cell gets before anything compiles: a value that would compile but fail (or mean something else) at
 * evaluation is refused with the reason, so an analyst's slip never reaches an order.
 */
enum ColumnType {
    /** No parameter: a note, or a marker column (X). */
    NOTE,
    /** Pasted inside quotes. */
    TEXT,
    /** Pasted bare: a non-negative number. */
    NUMBER,
    /** A discount: from 0 up to (not including) 100. */
    PERCENT,
    /** Compared with the order day as ISO text. */
    DATE,
    SEVERITY,
    /** What a quantity row does: report (BLOCK, WARN) or ROUND_UP. */
    HANDLING,
    YES_NO,
    /** How an order is sourced: ORDER or LINE. */
    SOURCING,
    /** How tax.xlsx treats a delivery (the invoicing module's TaxTreatment). */
    TAX_TREATMENT;

    private static final Pattern UNSAFE_IN_QUOTES = Pattern.compile("[\"\\\\\\n\\r]");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern PERCENT_CALL = Pattern.compile("(?i)percentoff\\(");
    private static final Set<String> SEVERITIES = Set.of("BLOCK", "WARN", "APPROVAL");
    private static final Set<String> HANDLINGS = Set.of("BLOCK", "WARN", "ROUND_UP");
    private static final Set<String> TAX_TREATMENTS = Set.of("STANDARD", "ZERO_RATED", "EXEMPT", "REVERSE_CHARGE",
            "INTRA_EU_SUPPLY", "EXPORT");

    static ColumnType of(String template) {
        if (!template.contains("$param")) {
            return NOTE;
        }
        if (!template.contains("\"$param\"")) {
            return PERCENT_CALL.matcher(template).find() ? PERCENT : NUMBER;
        }
        if (template.contains("orderDay")) {
            return DATE;
        }
        if (template.contains("severity = \"$param\"") || template.contains("violation($l, \"$param\"")) {
            return SEVERITY;
        }
        if (template.contains("handling = \"$param\"") || template.contains("brokenPack($l, \"$param\"")) {
            return HANDLING;
        }
        if (template.contains("route($r, warehouses, \"$param\")")) {
            return SOURCING;
        }
        if (template.contains("String treatment = \"$param\"")) {
            return TAX_TREATMENT;
        }
        return template.contains("stacksWithTier = \"$param\"") || template.contains("buyerVatId(\"$param\")")
                || template.contains("yes(\"$param\")")
                || template.contains("String inspectionNeeded = \"$param\"") || template.contains("String approvalNeeded = \"$param\"")
                ? YES_NO : TEXT;
    }

    /**
     * Why the cell does not fit this column, if it does not. {@code text} is the cell's {@link CellText}: exactly
     * what Drools will be given, so the value checked is the value that runs.
     */
    Optional<String> problem(Cell cell, String text) {
        if (text.isEmpty()) {
            return Optional.empty(); // an empty cell drops the constraint or action
        }
        Optional<String> decoration = decorationProblem(cell, text);
        if (decoration.isPresent()) {
            return decoration;
        }
        return switch (this) {
            case NOTE -> note(text);
            case TEXT -> text(cell, text);
            case NUMBER -> PLAIN_NUMBER.matcher(text).matches() ? Optional.empty()
                    : Optional.of("a number is expected (digits and a decimal point, like 12 or 2.95)");
            case PERCENT -> {
                if (!PLAIN_NUMBER.matcher(text).matches()) {
                    yield Optional.of("a percentage is expected as a plain number (12 for 12 %)");
                }
                yield new BigDecimal(text).compareTo(BigDecimal.valueOf(100)) < 0 ? Optional.empty()
                        : Optional.of("a discount is a percentage below 100 (12 for 12 %)");
            }
            case DATE -> date(text);
            case SEVERITY -> oneOf(text, SEVERITIES);
            case HANDLING -> oneOf(text, HANDLINGS);
            case YES_NO -> oneOf(text.toUpperCase(Locale.ROOT), Set.of("YES", "NO"));
            case SOURCING -> oneOf(text, Set.of("ORDER", "LINE"));
            case TAX_TREATMENT -> oneOf(text, TAX_TREATMENTS);
        };
    }

    /**
     * A number shown as a date or a percentage is read as its value (a day count, 0.12 for 12 %), which is not
     * what the analyst sees: refused in every column, with what to type instead.
     */
    static Optional<String> decorationProblem(Cell cell, String text) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return Optional.of("holds an Excel date, which Drools would read as the number " + text
                    + "; type the date as text, like 2026-11-01");
        }
        if (cell.getCellType() == CellType.NUMERIC && isPercentage(cell)) {
            return Optional.of("is formatted as a percentage, which Drools would read as " + text
                    + "; type 12 for 12 % in a number cell");
        }
        return Optional.empty();
    }

    /** A number cell with a percentage format shows 0.12 as 12 %; Drools reads its value, 0.12. */
    static boolean isPercentage(Cell cell) {
        String format = cell.getCellStyle().getDataFormatString();
        return format != null && format.contains("%");
    }

    /** Drools writes a note into the rules inside a block comment, which a star and slash in the note would end. */
    private static Optional<String> note(String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return Optional.of("a note must stay on one line");
        }
        return text.contains("*/") ? Optional.of("a note must not contain */ (Drools writes notes into the rules as comments)")
                : Optional.empty();
    }

    /**
     * Text is pasted inside quotes. A number in a text column is read as its value: one whose number format shows
     * it otherwise (a leading zero, a unit) would not match what the analyst sees, so it must be typed as text.
     */
    private static Optional<String> text(Cell cell, String text) {
        if (UNSAFE_IN_QUOTES.matcher(text).find()) {
            return Optional.of("quotes, backslashes and line breaks are not allowed in a value");
        }
        if (cell.getCellType() == CellType.NUMERIC && !isGeneralFormat(cell)) {
            return Optional.of("holds the number " + text + " with a number format, which Drools does not read; type the "
                    + "value as text, exactly as it should be matched");
        }
        return Optional.empty();
    }

    private static boolean isGeneralFormat(Cell cell) {
        String format = cell.getCellStyle().getDataFormatString();
        return format == null || format.equalsIgnoreCase("General") || format.equals("@");
    }

    private static Optional<String> date(String text) {
        try {
            LocalDate.parse(text);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("a date is expected as YYYY-MM-DD, like 2026-11-01");
        }
    }

    private static Optional<String> oneOf(String text, Set<String> allowed) {
        return allowed.contains(text) ? Optional.empty()
                : Optional.of("one of " + String.join(", ", allowed.stream().sorted().toList()) + " is expected");
    }
}
