package org.tradeflow.dunning;

import org.tradeflow.integration.ExternalEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An overdue invoice got its reminder of a level: what it asks for (the open amount, the fee and interest), until when,
 * and whether the account's new orders are held. Published through the outbox in the transaction that records it.
 */
public record InvoiceDunned(String invoiceNumber, String accountCode, int level, LocalDate issuedOn, long daysOverdue,
                            BigDecimal openAmount, BigDecimal fee, BigDecimal interestPercent, BigDecimal interest,
                            String currency, LocalDate payBy, boolean blocksOrders, boolean finalNotice) implements ExternalEvent {

    @Override
    public String eventType() {
        return "InvoiceDunned";
    }

    @Override
    public String aggregateId() {
        return invoiceNumber;
    }
}
