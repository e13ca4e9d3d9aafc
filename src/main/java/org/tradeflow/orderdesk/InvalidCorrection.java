package org.tradeflow.orderdesk;

import org.tradeflow.business.InvalidInput;

/** A correction of an order's lines that cannot be applied as written; nothing of it was applied. */
public class InvalidCorrection extends InvalidInput {

    public InvalidCorrection(String message) {
        super("order.invalid-correction", "lineCorrections", message);
    }
}
