package org.tradeflow.returns;

import org.tradeflow.integration.ExternalEvent;

import java.util.List;

/**
 * A return got its RMA number: the customer may send the goods (and the warehouse expects them). Published through
 * the outbox in the transaction that authorised it.
 */
public record ReturnAuthorised(String rmaNumber, String orderNumber, String customerPoNumber, String accountCode,
                               String reasonCode, boolean inspection, List<Line> lines) implements ExternalEvent {

    /** Units of one order line that may come back. */
    public record Line(int lineNo, String sku, int quantity) {
    }

    @Override
    public String eventType() {
        return "ReturnAuthorised";
    }

    @Override
    public String aggregateId() {
        return rmaNumber;
    }
}
