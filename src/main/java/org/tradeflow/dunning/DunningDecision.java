package org.tradeflow.dunning;

import java.math.BigDecimal;

/** Result of the dunning table (global {@code dunning}): the first matching row decides. */
public final class DunningDecision {

    private DunningLevel level;

    public void decide(double fee, double interestPercent, double waitDays, boolean blocksOrders, boolean callCustomer,
                       String rule) {
        if (level == null) {
            level = new DunningLevel(plain(fee), plain(interestPercent), plain(waitDays), blocksOrders, callCustomer, rule);
        }
    }

    /** A number as the table shows it: 5, 2.5 (not 5.0, nor 1E+1). */
    private static BigDecimal plain(double value) {
        BigDecimal stripped = BigDecimal.valueOf(value).stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    DunningLevel level() {
        return level;
    }
}
