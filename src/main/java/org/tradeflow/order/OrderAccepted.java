package org.tradeflow.order;

import org.tradeflow.integration.ExternalEvent;

import java.math.BigDecimal;

/** The order passed validation, approval and credit and went to allocation; published in that transaction. */
public record OrderAccepted(String orderNumber, String accountCode, String customerPoNumber, BigDecimal netTotal,
                            String currency) implements ExternalEvent {

    @Override
    public String eventType() {
        return "OrderAccepted";
    }

    @Override
    public String aggregateId() {
        return orderNumber;
    }
}
