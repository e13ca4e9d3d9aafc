package org.tradeflow.sourcing;

/** How long does a parcel from this warehouse take to this region, and who carries it? (routing table) */
public final class TransitQuestion {

    private final String warehouse;
    private final String region;

    public TransitQuestion(String warehouse, String region) {
        this.warehouse = warehouse;
        this.region = region;
    }

    public String getWarehouse() { return warehouse; }
    public String getRegion() { return region; }
}
