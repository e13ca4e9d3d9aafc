package org.tradeflow.dunning;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One reminder as recorded: the figures its letter is rendered from, and the finance call of a final notice. */
record DunningNotice(long invoiceId, String invoiceNumber, String accountCode, int level, LocalDate issuedOn, int daysOverdue,
                     BigDecimal openAmount, String currency, BigDecimal fee, BigDecimal interestPercent, BigDecimal interest,
                     int waitDays, boolean blocksOrders, boolean callCustomer, String rule, String callOutcome,
                     String callComment, String calledBy, Instant calledAt) {

    /** What the letter asks the customer to pay: the open amount, the fee and the interest. */
    BigDecimal totalDue() {
        return openAmount.add(fee).add(interest);
    }

    /** The day the next level may go out, and the day the letter asks the customer to pay by. */
    LocalDate payBy() {
        return issuedOn.plusDays(waitDays);
    }
}
