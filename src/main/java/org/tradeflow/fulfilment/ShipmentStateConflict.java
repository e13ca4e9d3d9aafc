package org.tradeflow.fulfilment;

import org.tradeflow.business.StateConflict;

/** The shipment's status, or what it carried, forbids the dispatch or return asked for. */
public class ShipmentStateConflict extends StateConflict {

    public ShipmentStateConflict(String message) {
        super("shipment.state-conflict", message);
    }
}
