package org.tradeflow.dunning;

import java.math.BigDecimal;

/**
 * What one reminder costs and does, as a row of dunning.xlsx says: a fee, interest in percent a year on the open
 * amount, the days until the next level, whether the account's new orders are held, and whether it is the last level
 * (finance calls the customer).
 */
public record DunningLevel(BigDecimal fee, BigDecimal interestPercent, BigDecimal waitDays, boolean blocksOrders,
                           boolean callCustomer, String rule) {
}
