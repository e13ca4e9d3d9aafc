package org.tradeflow.dunning;

import java.math.BigDecimal;
import java.util.Locale;

/** One overdue invoice about to get its next reminder, as dunning.xlsx reads it. */
public final class DunningQuestion {

    private final int level;
    private final long daysOverdue;
    private final BigDecimal openAmount;

    public DunningQuestion(int level, long daysOverdue, BigDecimal openAmount) {
        this.level = level;
        this.daysOverdue = daysOverdue;
        this.openAmount = openAmount;
    }

    public int getLevel() { return level; }
    public long getDaysOverdue() { return daysOverdue; }
    public BigDecimal getOpenAmount() { return openAmount; }

    /** The table's YES/NO columns. */
    public boolean yes(String yesOrNo) {
        return "YES".equals(yesOrNo.toUpperCase(Locale.ROOT));
    }
}
