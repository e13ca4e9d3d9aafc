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
    SOURCING;

    private static final Pattern UNSAFE_IN_QUOTES = Pattern.compile("[\"\\\\\\n\\r]");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Pattern PERCENT_CALL = Pattern.compile("(?i)percentoff\\(");
    private static final Set<String> SEVERITIES = Set.of("BLOCK", "WARN", "APPROVAL");
    private static final Set<String> HANDLINGS = Set.of("BLOCK", "WARN", "ROUND_UP");

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
        return template.contains("stacksWithTier = \"$param\"") ? YES_NO : TEXT;
    }

    /** Why the cell does not fit this column, if it does not; {@code text} is the cell as the analyst sees it. */
    Optional<String> problem(Cell cell, String text) {
        if (text.isEmpty()) {
            return Optional.empty(); // an empty cell drops the constraint or action
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return Optional.of("holds an Excel date, which Drools would read as '" + text + "'; type the date as text, "
                    + "like 2026-11-01");
        }
        if (cell.getCellType() == CellType.NUMERIC && cell.getCellStyle().getDataFormatString().contains("%")) {
            return Optional.of("is formatted as a percentage, which Drools would read as "
                    + BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString() + "; type 12 for 12 % in a number cell");
        }
        return switch (this) {
            case NOTE -> text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 ? Optional.of("a note must stay on one line")
                    : Optional.empty();
            case TEXT -> UNSAFE_IN_QUOTES.matcher(text).find()
                    ? Optional.of("quotes, backslashes and line breaks are not allowed in a value") : Optional.empty();
            case NUMBER -> number(cell, text).isPresent() ? Optional.empty()
                    : Optional.of("a number is expected (digits and a decimal point, like 12 or 2.95)");
            case PERCENT -> {
                Optional<BigDecimal> percent = number(cell, text);
                if (percent.isEmpty()) {
                    yield Optional.of("a percentage is expected as a plain number (12 for 12 %)");
                }
                yield percent.get().compareTo(BigDecimal.valueOf(100)) < 0 ? Optional.empty()
                        : Optional.of("a discount is a percentage below 100 (12 for 12 %)");
            }
            case DATE -> date(text);
            case SEVERITY -> oneOf(text, SEVERITIES);
            case HANDLING -> oneOf(text, HANDLINGS);
            case YES_NO -> oneOf(text.toUpperCase(Locale.ROOT), Set.of("YES", "NO"));
            case SOURCING -> oneOf(text, Set.of("ORDER", "LINE"));
        };
    }

    /** What Drools pastes: a numeric cell's value, or a text cell that spells a plain number. */
    private static Optional<BigDecimal> number(Cell cell, String text) {
        if (cell.getCellType() == CellType.NUMERIC) {
            double value = cell.getNumericCellValue();
            return value >= 0 ? Optional.of(BigDecimal.valueOf(value)) : Optional.empty();
        }
        return PLAIN_NUMBER.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
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
