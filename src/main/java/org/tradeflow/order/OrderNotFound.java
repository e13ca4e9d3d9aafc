package org.tradeflow.order;

import org.tradeflow.business.NotFound;

public class OrderNotFound extends NotFound {

    public OrderNotFound(long orderId) {
        super("order.not-found", "No order with id " + orderId);
    }
}
