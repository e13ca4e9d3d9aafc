package org.tradeflow.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** Numbers and dates as people in Tasklist read them: 12,032.16 EUR, 1,150, Fri 4 Dec 2026, Fri 4 Dec 2026, 14:00 Europe/Berlin. */
final class PeopleFormat {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    private PeopleFormat() {
    }

    /** In the currency's own decimals, with thousands separators and the currency code. */
    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        int decimals = Currency.getInstance(currency).getDefaultFractionDigits();
        return decimal(amount.setScale(decimals, RoundingMode.HALF_EVEN), decimals) + " " + currency;
    }

    /** A unit price keeps the precision it was priced with (3.2430 stays 3.243), at least the currency's decimals. */
    static String unitPrice(BigDecimal price, String currency) {
        int decimals = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), price.stripTrailingZeros().scale());
        return decimal(price.setScale(decimals, RoundingMode.HALF_EVEN), decimals) + " " + currency;
    }

    static String quantity(long units) {
        return decimal(BigDecimal.valueOf(units), 0);
    }

    static String day(LocalDate day) {
        return day == null ? "not given" : DAY.format(day);
    }

    static String moment(Instant at, ZoneId zone) {
        return at == null ? "no deadline" : MOMENT.format(at.atZone(zone)) + " " + zone.getId();
    }

    private static String decimal(BigDecimal value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), SYMBOLS);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(value);
    }
}
