package org.tradeflow.returns;

import org.tradeflow.integration.ExternalEvent;

import java.util.List;

/**
 * A return is done: credited on these credit notes ({@code CREDITED}), or closed without credit ({@code CLOSED}, with
 * the reason). Published through the outbox in the transaction that settled it.
 */
public record ReturnSettled(String rmaNumber, String orderNumber, String accountCode, ReturnStatus status,
                            List<String> creditNotes, String closedReason) implements ExternalEvent {

    @Override
    public String eventType() {
        return "ReturnSettled";
    }

    @Override
    public String aggregateId() {
        return rmaNumber;
    }
}
