package org.tradeflow.returns;

import java.math.BigDecimal;
import java.util.Locale;

/** Result of the returns table (global {@code returns}): the first matching row decides. */
public final class ReturnDecision {

    private Integer windowDays;
    private boolean inspection;
    private boolean approval;
    private BigDecimal restockingFeePercent;
    private String rule;

    public void decide(int windowDays, String inspection, String approval, double restockingFeePercent, String rule) {
        if (this.windowDays == null) {
            this.windowDays = windowDays;
            this.inspection = yes(inspection);
            this.approval = yes(approval);
            this.restockingFeePercent = plain(BigDecimal.valueOf(restockingFeePercent));
            this.rule = rule;
        }
    }

    private static boolean yes(String yesOrNo) {
        return "YES".equals(yesOrNo.toUpperCase(Locale.ROOT));
    }

    /** A percentage as the table shows it: 15, 2.5 (not 15.0, nor 1.5E+1). */
    static BigDecimal plain(BigDecimal percent) {
        BigDecimal stripped = percent.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    boolean decided() { return windowDays != null; }

    /** Days after delivery within which the return is accepted. */
    int windowDays() { return windowDays; }
    boolean needsInspection() { return inspection; }
    boolean needsApproval() { return approval; }
    BigDecimal restockingFeePercent() { return restockingFeePercent; }
    String rule() { return rule; }

    /** Whether a request made this many days after delivery is inside the row's window. */
    boolean allows(int daysSinceDelivery) {
        return daysSinceDelivery <= windowDays;
    }
}
