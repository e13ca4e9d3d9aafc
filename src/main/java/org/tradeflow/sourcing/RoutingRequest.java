package org.tradeflow.sourcing;

/** One line's sourcing question for the routing table: where should this ship from? */
public final class RoutingRequest {

    private final int lineNo;
    private final String region;
    private final String category;
    private final String sku;

    public RoutingRequest(int lineNo, String region, String category, String sku) {
        this.lineNo = lineNo;
        this.region = region;
        this.category = category;
        this.sku = sku;
    }

    public int getLineNo() { return lineNo; }
    public String getRegion() { return region; }
    public String getCategory() { return category; }
    public String getSku() { return sku; }
}
