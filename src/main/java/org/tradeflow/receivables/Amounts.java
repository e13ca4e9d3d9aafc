package org.tradeflow.receivables;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts in messages as the payer reads them: with the currency's decimals (100.00, not 100.0000 or 100). */
final class Amounts {

    private Amounts() {
    }

    static String shown(BigDecimal amount, String currency) {
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.setScale(Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), plain.scale())).toPlainString();
    }
}
