package org.tradeflow.fulfilment;

import org.tradeflow.integration.ExternalEvent;

/** A shipment left its warehouse; published in the dispatch transaction. */
public record ShipmentDispatched(String shipmentNumber, String orderNumber, String warehouse, String carrier,
                                 String trackingNumber, boolean orderCompletelyShipped) implements ExternalEvent {

    @Override
    public String eventType() {
        return "ShipmentDispatched";
    }

    @Override
    public String aggregateId() {
        return shipmentNumber;
    }
}
