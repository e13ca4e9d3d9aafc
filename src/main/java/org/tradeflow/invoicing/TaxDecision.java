package org.tradeflow.invoicing;

import java.math.BigDecimal;

/** Result of the tax table (global {@code tax}): the first matching row decides. */
public final class TaxDecision {

    private TaxTreatment treatment;
    private BigDecimal rate;
    private String rule;

    public void decide(String treatment, double ratePercent, String rule) {
        if (this.treatment == null) {
            this.treatment = TaxTreatment.valueOf(treatment);
            this.rate = plain(BigDecimal.valueOf(ratePercent));
            this.rule = rule;
        }
    }

    /** A rate as the table shows it: 19, 8.875 (not 19.0, nor 1.9E+1). */
    static BigDecimal plain(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    boolean decided() {
        return treatment != null;
    }

    TaxTreatment treatment() { return treatment; }
    /** Percent. */
    BigDecimal rate() { return rate; }
    String rule() { return rule; }
}
