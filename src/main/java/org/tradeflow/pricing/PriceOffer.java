package org.tradeflow.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A candidate unit price for one line, proposed by one rule row. Resolution rules (rules/pricing.drl)
 * decide which candidate wins; ties go to the source with the lower rank.
 */
public final class PriceOffer {

    /** Unit prices carry four decimals; line totals are rounded to the currency's minor unit by PricingService. */
    static final int UNIT_PRICE_SCALE = 4;

    private final int lineNo;
    private final PriceSource source;
    private final BigDecimal unitPrice;
    private final String rule;
    private final BigDecimal discountPercent;
    private final boolean stacksWithTier;
    /** What stands behind the price: the contract (C-2025-017) or the order it was last paid on; else null. */
    private final String reference;

    private PriceOffer(int lineNo, PriceSource source, BigDecimal unitPrice, String rule, BigDecimal discountPercent,
                       boolean stacksWithTier, String reference) {
        this.lineNo = lineNo;
        this.source = source;
        this.unitPrice = unitPrice.setScale(UNIT_PRICE_SCALE, RoundingMode.HALF_EVEN);
        this.rule = rule;
        this.discountPercent = discountPercent;
        this.stacksWithTier = stacksWithTier;
        this.reference = reference;
    }

    private PriceOffer(int lineNo, PriceSource source, BigDecimal unitPrice, String rule) {
        this(lineNo, source, unitPrice, rule, BigDecimal.ZERO, false, null);
    }

    public static PriceOffer list(PricingLine line, String rule) {
        return new PriceOffer(line.getLineNo(), PriceSource.LIST, line.getListPrice(), rule);
    }

    // Prices and percentages come from the tables as number literals (a text in such a cell does not compile);
    // BigDecimal.valueOf keeps the digits the analyst typed.

    /** A fixed unit price from a group price list or a volume tier. */
    public static PriceOffer fixed(PricingLine line, PriceSource source, double unitPrice, String rule) {
        return new PriceOffer(line.getLineNo(), source, BigDecimal.valueOf(unitPrice), rule);
    }

    /** A price agreed with the account in a contract, named by its reference. */
    public static PriceOffer contract(PricingLine line, double unitPrice, String reference, String rule) {
        return new PriceOffer(line.getLineNo(), PriceSource.CONTRACT, BigDecimal.valueOf(unitPrice), rule, BigDecimal.ZERO,
                false, reference == null || reference.isBlank() ? null : reference.trim());
    }

    /** A discount off the list price from a group price list or a volume tier. */
    public static PriceOffer percentOff(PricingLine line, PriceSource source, double percent, String rule) {
        return new PriceOffer(line.getLineNo(), source, off(line.getListPrice(), BigDecimal.valueOf(percent)), rule);
    }

    /** A promotion off the list price; one that stacks also applies on top of a volume tier (see pricing.drl). */
    public static PriceOffer promotionPercentOff(PricingLine line, double percent, boolean stacksWithTier, String rule) {
        return new PriceOffer(line.getLineNo(), PriceSource.PROMOTION, off(line.getListPrice(), BigDecimal.valueOf(percent)),
                rule, BigDecimal.valueOf(percent), stacksWithTier, null);
    }

    /** The promotion's discount taken off the tier's price: a candidate of its own, named after both rows. */
    public static PriceOffer stacked(PriceOffer promotion, PriceOffer tier) {
        return new PriceOffer(promotion.lineNo, PriceSource.PROMOTION, off(tier.unitPrice, promotion.discountPercent),
                promotion.rule + " + " + tier.rule);
    }

    /** The price the account paid last time (price memory), named by the order it was paid on. */
    public static PriceOffer memorized(PricingLine line, String rule) {
        PricingLine.LastPaid paid = line.getLastPaid();
        return new PriceOffer(line.getLineNo(), PriceSource.MEMORIZED, paid.unitPrice(), rule, BigDecimal.ZERO, false,
                "paid on " + paid.orderNumber() + ", " + paid.day());
    }

    private static BigDecimal off(BigDecimal price, BigDecimal percent) {
        return price.multiply(BigDecimal.ONE.subtract(percent.movePointLeft(2)));
    }

    public int getLineNo() { return lineNo; }
    public PriceSource getSource() { return source; }
    public int getRank() { return source.ordinal(); }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public String getRule() { return rule; }
    public boolean isStacksWithTier() { return stacksWithTier; }
    public String getReference() { return reference; }
}
