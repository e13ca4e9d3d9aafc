package org.tradeflow.order;

import java.util.List;

/** What the order capability needs from the process engine; implemented in {@code workflow}. Calls join the caller's transaction. */
public interface OrderWorkflow {

    /** Starts the order-to-cash process for a newly captured order. */
    void start(long orderId, String orderNumber);

    /** Ends the process of an order that was just cancelled. */
    void cancelled(String orderNumber, String reason);

    /** Completes the waiting substitution question with the customer's answer; false when none waits. */
    boolean substitutionAnswered(String orderNumber, boolean accepted, String comment);

    /** Ends the fulfilment process of a shipment an order change left with nothing to carry. */
    void shipmentCancelled(String shipmentNumber);

    /**
     * Wakes the backorders among these orders (in this order) that wait for stock; returns the woken ones.
     * An order whose process is elsewhere (shipping a part, waiting for approval) is skipped.
     */
    List<String> stockArrived(List<String> orderNumbers);

    /** Lets an order held for credit go on without the finance task; false when it is not waiting there (any more). */
    boolean creditRestored(String orderNumber);
}
