package org.tradeflow.order;

import java.util.EnumSet;
import java.util.Set;

/** The order's life, as the public API reports it. Each status lists the statuses it may move to. */
public enum OrderStatus {
    RECEIVED, ON_HOLD, AWAITING_APPROVAL, CREDIT_HOLD, ALLOCATED, BACKORDERED, PARTIALLY_SHIPPED, SHIPPED,
    INVOICED, PAID, CLOSED, REJECTED, CANCELLED;

    private static final Set<OrderStatus> FINAL = EnumSet.of(CLOSED, REJECTED, CANCELLED);

    public boolean canMoveTo(OrderStatus next) {
        if (FINAL.contains(this) || next == RECEIVED) {
            return false;
        }
        return switch (next) {
            case ON_HOLD, AWAITING_APPROVAL, CREDIT_HOLD -> EnumSet.of(RECEIVED, ON_HOLD, AWAITING_APPROVAL).contains(this);
            // a backorder is allocated again when goods arrive; once part has shipped it stays PARTIALLY_SHIPPED
            case ALLOCATED, BACKORDERED -> EnumSet.of(RECEIVED, ON_HOLD, AWAITING_APPROVAL, CREDIT_HOLD, BACKORDERED).contains(this);
            case PARTIALLY_SHIPPED, SHIPPED -> EnumSet.of(ALLOCATED, BACKORDERED, PARTIALLY_SHIPPED).contains(this);
            case INVOICED -> this == SHIPPED;
            case PAID -> this == INVOICED;
            case CLOSED -> this == PAID;
            case REJECTED -> EnumSet.of(RECEIVED, ON_HOLD, AWAITING_APPROVAL, CREDIT_HOLD).contains(this);
            case CANCELLED -> EnumSet.of(RECEIVED, ON_HOLD, AWAITING_APPROVAL, CREDIT_HOLD, ALLOCATED, BACKORDERED).contains(this);
            case RECEIVED -> false;
        };
    }

    /** Orders whose value still counts against the account's credit limit. */
    public static final Set<OrderStatus> OPEN = EnumSet.of(RECEIVED, ON_HOLD, AWAITING_APPROVAL, CREDIT_HOLD, ALLOCATED,
            BACKORDERED, PARTIALLY_SHIPPED, SHIPPED);
}
