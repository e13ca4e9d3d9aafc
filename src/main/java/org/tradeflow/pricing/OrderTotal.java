package org.tradeflow.pricing;

import java.math.BigDecimal;
import java.util.List;

/** The whole order as the order-level policy rules see it (minimum order value), once every line has its price. */
public final class OrderTotal {

    private final String customerGroup;
    private final String region;
    private final String currency;
    private final BigDecimal netTotal;

    private OrderTotal(String customerGroup, String region, String currency, BigDecimal netTotal) {
        this.customerGroup = customerGroup;
        this.region = region;
        this.currency = currency;
        this.netTotal = netTotal;
    }

    /** All lines of an order share the account, so any line names the group, region and currency. */
    public static OrderTotal of(PricingLine anyLine, List<ChosenPrice> prices) {
        BigDecimal total = prices.stream().map(ChosenPrice::getLineNet).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new OrderTotal(anyLine.getCustomerGroup(), anyLine.getRegion(), anyLine.getCurrency(), total);
    }

    public String getCustomerGroup() { return customerGroup; }
    public String getRegion() { return region; }
    public String getCurrency() { return currency; }
    public BigDecimal getNetTotal() { return netTotal; }
}
