package org.tradeflow.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

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
    /** The last price the account paid for the SKU, when the account keeps its prices (price memory). */
    private final LastPaid lastPaid;

    /** A price the account paid on an earlier order. */
    public record LastPaid(BigDecimal unitPrice, String orderNumber, LocalDate day) {
    }

    private PricingLine(Builder b) {
        this.lineNo = b.lineNo;
        this.sku = Objects.requireNonNull(b.sku, "sku");
        this.category = b.category;
        this.packSize = b.packSize;
        this.quantity = b.quantity;
        this.listPrice = Objects.requireNonNull(b.listPrice, "listPrice");
        this.currency = Objects.requireNonNull(b.currency, "currency");
        this.accountCode = b.accountCode;
        this.customerGroup = b.customerGroup;
        this.region = b.region;
        this.orderDay = Objects.requireNonNull(b.orderDay, "orderDay").toString();
        this.unitCost = b.unitCost;
        this.discontinued = b.discontinued;
        this.substituteSku = b.substituteSku;
        this.lastPaid = b.lastPaid;
    }

    public static Builder line(int lineNo, String sku, int quantity) {
        return new Builder(lineNo, sku, quantity);
    }

    /** The same line with another quantity: what the rules see after rounding a quantity up. */
    public PricingLine withQuantity(int newQuantity) {
        return toBuilder().quantity(newQuantity).build();
    }

    public Builder toBuilder() {
        return line(lineNo, sku, quantity).product(category, packSize).listPrice(listPrice, currency)
                .account(accountCode, customerGroup, region).orderDay(LocalDate.parse(orderDay)).unitCost(unitCost)
                .discontinued(discontinued, substituteSku).lastPaid(lastPaid);
    }

    /** What the order desk reads about a discontinued product. */
    public String getDiscontinuedNotice() {
        return substituteSku == null ? "discontinued, with no substitute" : "discontinued; order " + substituteSku + " instead";
    }

    /** The lowest unit price that keeps the given margin (percent) over cost; zero when cost is unknown. */
    public BigDecimal floorPrice(double marginPercent) {
        if (unitCost == null) {
            return BigDecimal.ZERO;
        }
        return unitCost.multiply(BigDecimal.ONE.add(BigDecimal.valueOf(marginPercent).movePointLeft(2)));
    }

    /** Days since the account last paid for this SKU; {@link Integer#MAX_VALUE} when it never did (or keeps no prices). */
    public int getDaysSinceLastPaid() {
        return lastPaid == null ? Integer.MAX_VALUE
                : (int) ChronoUnit.DAYS.between(lastPaid.day(), LocalDate.parse(orderDay));
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
    public LastPaid getLastPaid() { return lastPaid; }

    public static final class Builder {
        private final int lineNo;
        private final String sku;
        private int quantity;
        private String category;
        private int packSize = 1;
        private BigDecimal listPrice;
        private String currency;
        private String accountCode;
        private String customerGroup;
        private String region;
        private LocalDate orderDay;
        private BigDecimal unitCost;
        private boolean discontinued;
        private String substituteSku;
        private LastPaid lastPaid;

        private Builder(int lineNo, String sku, int quantity) {
            this.lineNo = lineNo;
            this.sku = sku;
            this.quantity = quantity;
        }

        public Builder quantity(int quantity) { this.quantity = quantity; return this; }
        public Builder product(String category, int packSize) { this.category = category; this.packSize = packSize; return this; }
        public Builder listPrice(BigDecimal listPrice, String currency) { this.listPrice = listPrice; this.currency = currency; return this; }
        public Builder account(String accountCode, String customerGroup, String region) {
            this.accountCode = accountCode;
            this.customerGroup = customerGroup;
            this.region = region;
            return this;
        }
        public Builder orderDay(LocalDate orderDay) { this.orderDay = orderDay; return this; }
        public Builder unitCost(BigDecimal unitCost) { this.unitCost = unitCost; return this; }
        public Builder discontinued(boolean discontinued, String substituteSku) {
            this.discontinued = discontinued;
            this.substituteSku = substituteSku;
            return this;
        }
        public Builder lastPaid(LastPaid lastPaid) { this.lastPaid = lastPaid; return this; }

        public PricingLine build() {
            return new PricingLine(this);
        }
    }
}
