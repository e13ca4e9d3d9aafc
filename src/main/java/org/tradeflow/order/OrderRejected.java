package org.tradeflow.order;

import org.tradeflow.integration.ExternalEvent;

/** The order was rejected before it went to allocation (order desk, approval); published in that transaction. */
public record OrderRejected(String orderNumber, String accountCode, String customerPoNumber, String reason)
        implements ExternalEvent {

    @Override
    public String eventType() {
        return "OrderRejected";
    }

    @Override
    public String aggregateId() {
        return orderNumber;
    }
}
