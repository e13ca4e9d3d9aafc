package org.tradeflow.order;

/** What the order capability needs from the process engine; implemented in {@code workflow}. */
public interface OrderWorkflow {

    /** Starts the order-to-cash process for a newly captured order, in the caller's transaction. */
    void start(long orderId, String orderNumber);
}
