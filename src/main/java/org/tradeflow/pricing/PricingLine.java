package org.tradeflow.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One order or quote line as the pricing and policy rules see it: immutable input, no behaviour.
 * Getters (not record accessors) because decision-table constraints address facts as beans.
 */
public final class PricingLine {

    private final int lineNo;
    private final String sku;
    private final String category;
    private final int packSize;
    private final int quantity;
    private final BigDecimal listPrice;
    private final String currency;
    private final String accountCode;
    private final String customerGroup;
    private final String region;
    /** The pricing date as ISO text (2026-11-23): promotion windows compare it with the dates analysts type. */
    private final String orderDay;
    /** What the unit costs us, in the line's currency; null when unknown (no margin floor applies then). */
    private final BigDecimal unitCost;
    private final boolean discontinued;
    private final String substituteSku;

    public PricingLine(int lineNo, String sku, String category, int packSize, int quantity, BigDecimal listPrice,
                       String currency, String accountCode, String customerGroup, String region, LocalDate orderDay) {
        this(lineNo, sku, category, packSize, quantity, listPrice, currency, accountCode, customerGroup, region, orderDay, null);
    }

    public PricingLine(int lineNo, String sku, String category, int packSize, int quantity, BigDecimal listPrice,
                       String currency, String accountCode, String customerGroup, String region, LocalDate orderDay,
                       BigDecimal unitCost) {
        this(lineNo, sku, category, packSize, quantity, listPrice, currency, accountCode, customerGroup, region, orderDay,
                unitCost, false, null);
    }

    public PricingLine(int lineNo, String sku, String category, int packSize, int quantity, BigDecimal listPrice,
                       String currency, String accountCode, String customerGroup, String region, LocalDate orderDay,
                       BigDecimal unitCost, boolean discontinued, String substituteSku) {
        this.lineNo = lineNo;
        this.sku = sku;
        this.category = category;
        this.packSize = packSize;
        this.quantity = quantity;
        this.listPrice = listPrice;
        this.currency = currency;
        this.accountCode = accountCode;
        this.customerGroup = customerGroup;
        this.region = region;
        this.orderDay = orderDay.toString();
        this.unitCost = unitCost;
        this.discontinued = discontinued;
        this.substituteSku = substituteSku;
    }

    /** What the order desk reads about a discontinued product. */
    public String getDiscontinuedNotice() {
        return substituteSku == null ? "discontinued, with no substitute" : "discontinued; order " + substituteSku + " instead";
    }

    /** The lowest unit price that keeps the given margin over cost; zero (nothing is below it) when cost is unknown. */
    public BigDecimal floorPrice(String marginPercent) {
        if (unitCost == null) {
            return BigDecimal.ZERO;
        }
        return unitCost.multiply(BigDecimal.ONE.add(new BigDecimal(marginPercent.trim()).movePointLeft(2)));
    }

    public int getLineNo() { return lineNo; }
    public String getSku() { return sku; }
    public String getCategory() { return category; }
    public int getPackSize() { return packSize; }
    public int getQuantity() { return quantity; }
    public BigDecimal getListPrice() { return listPrice; }
    public String getCurrency() { return currency; }
    public String getAccountCode() { return accountCode; }
    public String getCustomerGroup() { return customerGroup; }
    public String getRegion() { return region; }
    public String getOrderDay() { return orderDay; }
    public BigDecimal getUnitCost() { return unitCost; }
    public boolean isDiscontinued() { return discontinued; }
    public String getSubstituteSku() { return substituteSku; }
}
