package org.tradeflow.fulfilment;

public enum ShipmentStatus {
    PLANNED, REQUESTED, DISPATCHED, INVOICED,
    /** Given up before dispatch (the order was cancelled); its reservations were released. */
    CANCELLED;

    public boolean isOpen() {
        return this == PLANNED || this == REQUESTED;
    }
}
