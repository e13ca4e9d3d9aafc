package org.tradeflow.allocation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.fulfilment.FulfilmentService;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.OrderWorkflow;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.web.ApiProblem;

/** Cancels an order before anything shipped: its reservations go back to stock and its process ends. */
@Service
public class OrderCancellation {

    private final OrderLifecycle orders;
    private final FulfilmentService fulfilment;
    private final OrderWorkflow workflow;

    OrderCancellation(OrderLifecycle orders, FulfilmentService fulfilment, OrderWorkflow workflow) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.workflow = workflow;
    }

    @Transactional
    public void cancel(long orderId, String reason, String user) {
        SalesOrder order = orders.lock(orderId);
        if (!order.getStatus().canMoveTo(OrderStatus.CANCELLED)) {
            throw ApiProblem.conflict("Order " + order.getOrderNumber() + " is " + order.getStatus()
                    + " and can no longer be cancelled" + (order.getStatus() == OrderStatus.PARTIALLY_SHIPPED
                    ? " (part of it has shipped)" : ""));
        }
        int released = fulfilment.cancelOpenShipments(orderId);
        String why = "by " + user + ": " + reason + (released == 0 ? "" : "; " + released + " shipment(s) released");
        orders.cancel(orderId, "Cancelled " + why);
        workflow.cancelled(order.getOrderNumber(), why);
    }
}
