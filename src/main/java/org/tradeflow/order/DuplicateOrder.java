package org.tradeflow.order;

import org.tradeflow.business.StateConflict;

/** The customer PO was already submitted with other content: a second order for it would ship twice. */
public class DuplicateOrder extends StateConflict {

    public DuplicateOrder(String accountCode, String customerPoNumber, String earlierOrderNumber) {
        super("order.duplicate-po", "Customer PO " + customerPoNumber + " of account " + accountCode
                + " was already submitted as order " + earlierOrderNumber + " with different content");
    }
}
