package org.tradeflow.order;

import org.tradeflow.business.StateConflict;

/** The order's status (or what it already did) forbids the change asked for. */
public class OrderStateConflict extends StateConflict {

    public OrderStateConflict(String message) {
        super("order.state-conflict", message);
    }
}
