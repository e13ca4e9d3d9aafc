package org.tradeflow.returns;

/** Where a return stands: asked for, authorised (an RMA number), goods back, credited, or closed without credit. */
public enum ReturnStatus {
    /** Waits for a sales manager's approval. */
    REQUESTED,
    /** Has an RMA number: the warehouse may book the goods against it. */
    AUTHORISED,
    REJECTED,
    /** All that will come back is back and waits for inspection or credit. */
    RECEIVED,
    CREDITED,
    /** Nothing to credit: no goods came back in time, or the inspection refused all of them. */
    CLOSED
}
