package org.tradeflow.invoicing;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * How an invoice's values read on paper, for the PDF template: amounts grouped and with the currency's decimals
 * (1,234.50; a unit price of 0.4125 keeps its four), rates as percent, countries and VAT categories by name.
 * Public for the templates' expressions, and for other modules' documents (statements of account).
 */
public final class InvoiceText {

    private static final Map<String, String> CATEGORIES = Map.of(
            "S", "Standard rate",
            "Z", "Zero rated",
            "E", "Exempt from VAT",
            "AE", "Reverse charge",
            "K", "Intra-community supply",
            "G", "Export outside the EU",
            "O", "Outside the scope of VAT");

    private final int minorUnits;

    public InvoiceText(String currency) {
        this.minorUnits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    }

    public String amount(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        int decimals = Math.max(minorUnits, amount.stripTrailingZeros().scale());
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(amount);
    }

    public String percent(BigDecimal rate) {
        return rate == null ? "" : rate.stripTrailingZeros().toPlainString() + " %";
    }

    public String country(String isoCode) {
        return isoCode == null ? "" : new Locale("", isoCode).getDisplayCountry(Locale.ENGLISH);
    }

    public String category(String code) {
        return CATEGORIES.getOrDefault(code, code);
    }
}
