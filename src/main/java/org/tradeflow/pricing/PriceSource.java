package org.tradeflow.pricing;

/** Where a price came from, in tie-breaking order: the first wins when two offers are equal. */
public enum PriceSource {
    CONTRACT, PROMOTION, TIER, GROUP, LIST
}
