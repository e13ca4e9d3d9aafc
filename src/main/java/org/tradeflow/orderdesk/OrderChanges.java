package org.tradeflow.orderdesk;

import org.springframework.context.ApplicationEventPublisher;
import org.tradeflow.inventory.StockReleased;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.fulfilment.FulfilmentService;
import org.tradeflow.fulfilment.Shipment;
import org.tradeflow.fulfilment.ShipmentPlan;
import org.tradeflow.fulfilment.ShipmentRepository;
import org.tradeflow.fulfilment.ShipmentStatus;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.OrderWorkflow;
import org.tradeflow.order.RequestedDelivery;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.order.OrderStateConflict;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Changes a customer asks for after capture: fewer units on a line (0 cancels it) and another requested
 * delivery date. Units are taken off what still waits for stock first, then off shipments not yet
 * dispatched (their reservations are released); units already dispatched stay. A waiting backorder is
 * allocated again. Who and why go to the audit trail.
 */
@Service
public class OrderChanges {

    private static final Set<OrderStatus> CHANGEABLE = EnumSet.of(OrderStatus.RECEIVED, OrderStatus.ON_HOLD,
            OrderStatus.AWAITING_APPROVAL, OrderStatus.CREDIT_HOLD, OrderStatus.ALLOCATED, OrderStatus.BACKORDERED,
            OrderStatus.PARTIALLY_SHIPPED);

    private final OrderLifecycle orders;
    private final ShipmentRepository shipments;
    private final FulfilmentService fulfilment;
    private final OrderWorkflow workflow;
    private final StockLedger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderChanges(OrderLifecycle orders, ShipmentRepository shipments, FulfilmentService fulfilment, OrderWorkflow workflow,
                 StockLedger ledger, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.shipments = shipments;
        this.fulfilment = fulfilment;
        this.workflow = workflow;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /** A new quantity for one line, by its number. */
    public record LineChange(int lineNo, int quantity) {
    }

    @Transactional
    public void change(long orderId, String reason, LocalDate requestedDeliveryDate, List<LineChange> lines, String user) {
        SalesOrder order = orders.lock(orderId);
        if (!CHANGEABLE.contains(order.getStatus())) {
            throw new OrderStateConflict("Order " + order.getOrderNumber() + " is " + order.getStatus() + " and can no longer be changed");
        }
        List<String> changes = new ArrayList<>();
        if (requestedDeliveryDate != null) {
            RequestedDelivery.check("requestedDeliveryDate", requestedDeliveryDate, LocalDate.now(clock));
            changes.add("requested delivery date " + order.getRequestedDeliveryDate() + " -> " + requestedDeliveryDate);
            order.rescheduleDelivery(requestedDeliveryDate, clock.instant());
        }
        List<Shipment> ofOrder = shipments.findByOrderIdOrderById(orderId);
        if (!lines.isEmpty()) {
            // rows in (product, warehouse) order, as allocation locks them, before any release
            ledger.lockAvailable(order.getLines().stream().map(line -> line.getProduct().getId()).distinct().toList());
        }
        List<String> emptied = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineChange change = lines.get(i);
            String field = "lines[" + i + "]";
            OrderLine line = order.getLines().stream().filter(l -> l.getLineNo() == change.lineNo()).findFirst()
                    .orElseThrow(() -> new InvalidInput(field + ".lineNo", "order " + order.getOrderNumber()
                            + " has no line " + change.lineNo()));
            int current = line.getQuantity() - line.getCancelledQuantity();
            if (change.quantity() > current) {
                throw new InvalidInput(field + ".quantity", "line " + change.lineNo() + " can only go down from "
                        + current + "; more units are a new order");
            }
            int dispatched = dispatched(ofOrder, line);
            if (change.quantity() < dispatched) {
                throw new OrderStateConflict("Line " + change.lineNo() + " of order " + order.getOrderNumber() + " has "
                        + dispatched + " units dispatched already; it cannot go below that");
            }
            int fewer = current - change.quantity();
            if (fewer == 0) {
                continue;
            }
            int waiting = Math.min(fewer, ShipmentPlan.of(ofOrder).openUnits(line));
            line.cancelUnits(waiting);
            if (fewer > waiting) {
                emptied.addAll(fulfilment.withdraw(orderId, line, fewer - waiting));
                line.cancelUnits(fewer - waiting);
            }
            changes.add("line " + line.getLineNo() + " (" + line.getProduct().getSku() + ") " + current + " -> " + change.quantity());
        }
        if (changes.isEmpty()) {
            return;
        }
        orders.note(orderId, "ORDER_CHANGED", "By " + user + ": " + reason + ": " + String.join("; ", changes)
                + (emptied.isEmpty() ? "" : "; shipments cancelled: " + String.join(", ", emptied)));
        emptied.forEach(workflow::shipmentCancelled);
        if (!lines.isEmpty()) {
            // this order, if it waits, may ship now or have nothing left to wait for; others may use what it gave back
            events.publishEvent(new StockReleased(order.getLines().stream().map(line -> line.getProduct().getId()).distinct().toList(),
                    "Order " + order.getOrderNumber() + " changed by " + user));
        }
    }

    private static int dispatched(List<Shipment> shipments, OrderLine line) {
        return shipments.stream()
                .filter(s -> s.getStatus() == ShipmentStatus.DISPATCHED || s.getStatus() == ShipmentStatus.INVOICED)
                .flatMap(s -> s.getLines().stream()).filter(l -> l.getOrderLine().getId().equals(line.getId()))
                .mapToInt(l -> l.getQuantity()).sum();
    }
}
