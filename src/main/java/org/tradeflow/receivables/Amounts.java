package org.tradeflow.receivables;

import org.tradeflow.business.BusinessException.FieldError;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;

/** Amounts in a currency: how precise a booked one may be, and how a message shows one (100.00, not 100.0000 or 100). */
final class Amounts {

    private Amounts() {
    }

    /** Why an amount cannot be booked in its currency, if it has more decimals than the currency (10.001 EUR). */
    static Optional<FieldError> tooPrecise(String field, BigDecimal amount, String currency) {
        int minorUnits = Currency.getInstance(currency).getDefaultFractionDigits();
        return amount.stripTrailingZeros().scale() > minorUnits
                ? Optional.of(new FieldError(field, "has more decimals than " + currency + " has (" + minorUnits + ")"))
                : Optional.empty();
    }

    static String shown(BigDecimal amount, String currency) {
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.setScale(Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), plain.scale())).toPlainString();
    }
}
