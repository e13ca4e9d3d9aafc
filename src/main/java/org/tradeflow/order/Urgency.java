package org.tradeflow.order;

/** How urgent the customer says an order is; the priority table reads it. */
public enum Urgency {
    NORMAL, RUSH
}
