package org.tradeflow.fulfilment;

/** Told, in the dispatch transaction, that a shipment left its warehouse; implemented in {@code workflow}. */
public interface DispatchListener {

    void dispatched(String shipmentNumber);
}
