package org.tradeflow.fulfilment;

import org.tradeflow.business.NotFound;

public class ShipmentNotFound extends NotFound {

    public ShipmentNotFound(long shipmentId) {
        super("shipment.not-found", "No shipment with id " + shipmentId);
    }
}
