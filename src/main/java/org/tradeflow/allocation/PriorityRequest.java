package org.tradeflow.allocation;

/** An order's claim on scarce stock, as the priority table reads it. */
public final class PriorityRequest {

    private final String tier;
    private final String sla;
    private final String urgency;

    public PriorityRequest(String tier, String sla, String urgency) {
        this.tier = tier;
        this.sla = sla;
        this.urgency = urgency;
    }

    public String getTier() { return tier; }
    public String getSla() { return sla; }
    public String getUrgency() { return urgency; }
}
