package org.tradeflow.orderdesk;

/** A correction of an order's lines that cannot be applied as written; nothing of it was applied. */
public class InvalidCorrection extends RuntimeException {

    public InvalidCorrection(String message) {
        super(message);
    }
}
