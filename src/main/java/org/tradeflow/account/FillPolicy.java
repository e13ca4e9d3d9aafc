package org.tradeflow.account;

/** What to do when not everything an order asks for can be reserved now. */
public enum FillPolicy {
    /** Nothing ships until every line can ship; the order waits as a backorder. */
    SHIP_COMPLETE,
    /** Ship what is there now; the rest waits as a backorder. */
    SHIP_PARTIAL,
    /** Ship what is there now; cancel the rest. */
    FILL_OR_KILL,
    /** Ship now if at least the minimum fill rate (share of the open units) can ship; otherwise wait. */
    MIN_FILL_RATE
}
