package org.tradeflow.approval;

import org.tradeflow.integration.ExternalEvent;

/** An approval deadline passed without a decision; the task stays open. */
public record ApprovalOverdue(String orderNumber, String accountCode, String reason) implements ExternalEvent {

    @Override
    public String eventType() {
        return "ApprovalOverdue";
    }

    @Override
    public String aggregateId() {
        return orderNumber;
    }
}
