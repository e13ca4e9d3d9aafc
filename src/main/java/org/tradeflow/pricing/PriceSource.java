package org.tradeflow.pricing;

/** Where a price came from, in tie-breaking order: the first wins when two offers are equal. */
public enum PriceSource {
    CONTRACT("contract price"),
    MEMORIZED("price memory"),
    PROMOTION("promotion"),
    TIER("volume tier"),
    GROUP("group price"),
    LIST("list price");

    private final String label;

    PriceSource(String label) {
        this.label = label;
    }

    /** How a salesperson calls it. */
    public String label() {
        return label;
    }
}
