package org.tradeflow.inventory;

import org.tradeflow.business.StateConflict;

public class InsufficientStock extends StateConflict {

    public InsufficientStock(String message) {
        super("stock.insufficient", message);
    }
}
