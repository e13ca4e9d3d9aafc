package org.tradeflow.pricing;

import java.math.BigDecimal;

/** The whole order as the order-level policy rules see it (minimum order value), once every line has its price. */
public final class OrderTotal {

    private final String customerGroup;
    private final String region;
    private final String currency;
    private final BigDecimal netTotal;

    OrderTotal(String customerGroup, String region, String currency, BigDecimal netTotal) {
        this.customerGroup = customerGroup;
        this.region = region;
        this.currency = currency;
        this.netTotal = netTotal;
    }

    public String getCustomerGroup() { return customerGroup; }
    public String getRegion() { return region; }
    public String getCurrency() { return currency; }
    public BigDecimal getNetTotal() { return netTotal; }
}
