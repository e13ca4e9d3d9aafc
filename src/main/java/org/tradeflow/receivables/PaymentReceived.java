package org.tradeflow.receivables;

import java.math.BigDecimal;
import java.util.List;

/** A payment was booked: what it settled, and what it left as credit. Credit listens, to release held orders. */
public record PaymentReceived(long paymentId, String accountCode, BigDecimal amount, String currency, String reference,
                              List<String> invoicesSettled, BigDecimal unapplied) {
}
