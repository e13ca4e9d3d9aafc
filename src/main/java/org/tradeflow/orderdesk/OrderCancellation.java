package org.tradeflow.orderdesk;

import org.springframework.context.ApplicationEventPublisher;
import org.tradeflow.inventory.StockReleased;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.fulfilment.FulfilmentService;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.OrderWorkflow;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.order.OrderStateConflict;

import java.util.List;

/** Cancels an order before anything shipped: its reservations go back to stock and its process ends. */
@Service
public class OrderCancellation {

    private final OrderLifecycle orders;
    private final FulfilmentService fulfilment;
    private final OrderWorkflow workflow;
    private final StockLedger ledger;
    private final ApplicationEventPublisher events;

    OrderCancellation(OrderLifecycle orders, FulfilmentService fulfilment, OrderWorkflow workflow, StockLedger ledger,
                      ApplicationEventPublisher events) {
        this.orders = orders;
        this.fulfilment = fulfilment;
        this.workflow = workflow;
        this.ledger = ledger;
        this.events = events;
    }

    /**
     * Cancels the order: its process does the steps (event subprocess "Cancelled on request": cancel shipments and
     * release stock, mark the order cancelled) in this transaction, so a refusal changes nothing.
     */
    @Transactional
    public void cancel(long orderId, String reason, String user) {
        SalesOrder order = orders.lock(orderId);
        if (!order.getStatus().canMoveTo(OrderStatus.CANCELLED)) {
            throw new OrderStateConflict("Order " + order.getOrderNumber() + " is " + order.getStatus()
                    + " and can no longer be cancelled" + (order.getStatus() == OrderStatus.PARTIALLY_SHIPPED
                    ? " (part of it has shipped)" : ""));
        }
        String why = "by " + user + ": " + reason;
        workflow.cancelled(order.getOrderNumber(), why);
        if (order.getStatus() != OrderStatus.CANCELLED) {
            // no process did the steps: an instance of the first model (its subprocess had none); remove once no v1 instance runs
            markCancelled(orderId, why, cancelShipments(orderId));
        }
    }

    /** Cancels the shipments not dispatched yet and releases their stock; returns how many were cancelled. */
    @Transactional
    public int cancelShipments(long orderId) {
        SalesOrder order = orders.lock(orderId);
        List<Long> products = order.getLines().stream().map(line -> line.getProduct().getId()).distinct().toList();
        ledger.lockAvailable(products); // rows in (product, warehouse) order, as allocation locks them
        int released = fulfilment.cancelOpenShipments(orderId);
        if (released > 0) {
            events.publishEvent(new StockReleased(products, "Stock released by the cancellation of " + order.getOrderNumber()));
        }
        return released;
    }

    @Transactional
    public void markCancelled(long orderId, String why, int releasedShipments) {
        orders.cancel(orderId, "Cancelled " + why + (releasedShipments == 0 ? "" : "; " + releasedShipments + " shipment(s) released"));
    }
}
