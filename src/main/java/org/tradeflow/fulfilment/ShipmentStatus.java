package org.tradeflow.fulfilment;

public enum ShipmentStatus {
    PLANNED, REQUESTED, DISPATCHED, INVOICED
}
