package org.tradeflow.returns;

/** One return request as returns.xlsx reads it: why, how long after delivery, and for which customer group. */
public final class ReturnQuestion {

    private final String reasonCode;
    private final int daysSinceDelivery;
    private final String customerGroup;

    public ReturnQuestion(String reasonCode, int daysSinceDelivery, String customerGroup) {
        this.reasonCode = reasonCode;
        this.daysSinceDelivery = daysSinceDelivery;
        this.customerGroup = customerGroup == null ? "" : customerGroup;
    }

    public String getReasonCode() { return reasonCode; }
    public int getDaysSinceDelivery() { return daysSinceDelivery; }
    public String getCustomerGroup() { return customerGroup; }
}
