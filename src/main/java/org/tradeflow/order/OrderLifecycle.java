package org.tradeflow.order;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.audit.AuditTrail;
import org.tradeflow.policy.PolicyViolation;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The order's status changes, each one recorded in the audit trail with its reason. */
@Service
@Transactional
public class OrderLifecycle {

    /** Leaving one of these for allocation means the order was accepted. */
    private static final Set<OrderStatus> ACCEPTING = EnumSet.of(OrderStatus.RECEIVED,
            OrderStatus.ON_HOLD, OrderStatus.AWAITING_APPROVAL, OrderStatus.CREDIT_HOLD);

    private final OrderRepository orders;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderLifecycle(OrderRepository orders, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Locks the order until the transaction ends: changes of its shipments then happen one after the other. */
    public SalesOrder lock(long orderId) {
        return orders.findForUpdate(orderId).orElseThrow(() -> new OrderNotFound(orderId));
    }

    @Transactional(readOnly = true)
    public SalesOrder get(long orderId) {
        return orders.findById(orderId).orElseThrow(() -> new OrderNotFound(orderId));
    }

    /**
     * Reports whether blocking policy violations stop the order. The order was priced and checked by one
     * rules evaluation when it was captured, so its response already showed prices and violations.
     */
    public boolean validate(long orderId) {
        SalesOrder order = get(orderId);
        if (order.hasBlockingViolations()) {
            String reasons = order.policyViolations().stream().filter(PolicyViolation::blocking)
                    .map(PolicyViolation::message).collect(Collectors.joining("; "));
            move(order, OrderStatus.ON_HOLD, "ORDER_ON_HOLD", "Blocking policy violations: " + reasons);
            return true;
        }
        audit.record(orderId, "ORDER_VALIDATED", order.policyViolations().isEmpty() ? "No policy violations"
                : order.policyViolations().size() + " warning(s): " + order.policyViolations().stream()
                .map(PolicyViolation::message).collect(Collectors.joining("; ")));
        return false;
    }

    public void awaitApproval(long orderId, String reason) {
        move(get(orderId), OrderStatus.AWAITING_APPROVAL, "APPROVAL_REQUIRED", reason);
    }

    public void holdForCredit(long orderId, String reason) {
        move(get(orderId), OrderStatus.CREDIT_HOLD, "CREDIT_HOLD", reason);
    }

    public void allocated(long orderId, String detail) {
        moveUnlessPartlyShipped(get(orderId), OrderStatus.ALLOCATED, "STOCK_ALLOCATED", detail);
    }

    public void backordered(long orderId, String reason) {
        moveUnlessPartlyShipped(get(orderId), OrderStatus.BACKORDERED, "STOCK_SHORT", reason);
    }

    /** Allocation rounds after a dispatch keep the order PARTIALLY_SHIPPED (and a backorder BACKORDERED): the reason changes. */
    private void moveUnlessPartlyShipped(SalesOrder order, OrderStatus next, String action, String reason) {
        if (order.getStatus() == OrderStatus.PARTIALLY_SHIPPED || order.getStatus() == next) {
            order.explain(reason, clock.instant());
            audit.record(order.getId(), action, reason);
            return;
        }
        move(order, next, action, reason);
    }

    public void shipped(long orderId, boolean completely, String detail) {
        move(get(orderId), completely ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED, "SHIPMENT_DISPATCHED", detail);
    }

    public void invoiced(long orderId) {
        move(get(orderId), OrderStatus.INVOICED, "ORDER_INVOICED", "Every shipment is invoiced");
    }

    /** Every invoice of an invoiced order is paid; an order not yet invoiced in full stays where it is. */
    public void paidIfInvoiced(long orderId, String detail) {
        SalesOrder order = get(orderId);
        if (order.getStatus() == OrderStatus.INVOICED) {
            move(order, OrderStatus.PAID, "ORDER_PAID", detail);
        }
    }

    /** Nothing more can happen to a paid order (the caller knows why): it is closed. Anything else stays as it is. */
    public boolean closeIfPaid(long orderId, String reason) {
        SalesOrder order = lock(orderId);
        if (order.getStatus() != OrderStatus.PAID) {
            return false;
        }
        move(order, OrderStatus.CLOSED, "ORDER_CLOSED", reason);
        return true;
    }

    public void reject(long orderId, String reason) {
        move(get(orderId), OrderStatus.REJECTED, "ORDER_REJECTED", reason);
    }

    public void cancel(long orderId, String reason) {
        move(get(orderId), OrderStatus.CANCELLED, "ORDER_CANCELLED", reason);
    }

    public void note(long orderId, String action, String detail) {
        audit.record(orderId, action, detail);
    }

    public void noteByNumber(String orderNumber, String action, String detail) {
        orders.findByOrderNumber(orderNumber).ifPresent(order -> audit.record(order.getId(), action, detail));
    }

    private void move(SalesOrder order, OrderStatus next, String action, String reason) {
        OrderStatus previous = order.getStatus();
        order.moveTo(next, reason, clock.instant());
        audit.record(order.getId(), action, previous + " -> " + next + ": " + reason);
        if (ACCEPTING.contains(previous) && (next == OrderStatus.ALLOCATED || next == OrderStatus.BACKORDERED)) {
            events.publishEvent(new OrderAccepted(order.getOrderNumber(), order.getAccount().getCode(),
                    order.getCustomerPoNumber(), order.getNetTotal(), order.getCurrency()));
        }
        if (next == OrderStatus.REJECTED) {
            events.publishEvent(new OrderRejected(order.getOrderNumber(), order.getAccount().getCode(),
                    order.getCustomerPoNumber(), reason));
        }
    }
}
