package org.tradeflow.allocation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.fulfilment.FulfilmentService;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.OrderWorkflow;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.order.OrderStateConflict;

/** Cancels an order before anything shipped: its reservations go back to stock and its process ends. */
@Service
public class OrderCancellation {

    private final OrderLifecycle orders;
    private final FulfilmentService fulfilment;
    private final OrderWorkflow workflow;
    private final StockLedger ledger;
    private final BackorderWakeUp wakeUp;

    OrderCancellation(OrderLifecycle orders, FulfilmentService fulfilment, OrderWorkflow workflow, StockLedger ledger,
                      BackorderWakeUp wakeUp) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.workflow = workflow;
        this.ledger = ledger;
        this.wakeUp = wakeUp;
    }

    @Transactional
    public void cancel(long orderId, String reason, String user) {
        SalesOrder order = orders.lock(orderId);
        if (!order.getStatus().canMoveTo(OrderStatus.CANCELLED)) {
            throw new OrderStateConflict("Order " + order.getOrderNumber() + " is " + order.getStatus()
                    + " and can no longer be cancelled" + (order.getStatus() == OrderStatus.PARTIALLY_SHIPPED
                    ? " (part of it has shipped)" : ""));
        }
        // rows in (product, warehouse) order, as allocation locks them
        ledger.lockAvailable(order.getLines().stream().map(line -> line.getProduct().getId()).distinct().toList());
        int released = fulfilment.cancelOpenShipments(orderId);
        String why = "by " + user + ": " + reason + (released == 0 ? "" : "; " + released + " shipment(s) released");
        orders.cancel(orderId, "Cancelled " + why);
        workflow.cancelled(order.getOrderNumber(), why);
        if (released > 0) {
            wakeUp.afterCommit(order.getLines().stream().map(line -> line.getProduct().getId()).distinct().toList(),
                    "Stock released by the cancellation of " + order.getOrderNumber());
        }
    }
}
