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
    /** The agreement behind a contract price (C-2025-017); null for other sources. */
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

    /** A fixed price without a reference: table versions stored before contracts carried one still compile. */
    public static PriceOffer fixed(PricingLine line, String source, String unitPrice, String rule) {
        return new PriceOffer(line.getLineNo(), PriceSource.valueOf(source), new BigDecimal(unitPrice.trim()), rule);
    }

    /** A price agreed with the account in a contract, named by its reference. */
    public static PriceOffer contract(PricingLine line, String unitPrice, String reference, String rule) {
        return new PriceOffer(line.getLineNo(), PriceSource.CONTRACT, new BigDecimal(unitPrice.trim()), rule, BigDecimal.ZERO,
                false, reference == null || reference.isBlank() ? null : reference.trim());
    }

    public static PriceOffer discount(PricingLine line, String source, String percent, String rule) {
        return new PriceOffer(line.getLineNo(), PriceSource.valueOf(source), off(line.getListPrice(), percent), rule);
    }

    /** A promotion off the list price; one that stacks also applies on top of a volume tier (see pricing.drl). */
    public static PriceOffer promotion(PricingLine line, String percent, boolean stacksWithTier, String rule) {
        return new PriceOffer(line.getLineNo(), PriceSource.PROMOTION, off(line.getListPrice(), percent), rule,
                new BigDecimal(percent.trim()), stacksWithTier, null);
    }

    /** The promotion's discount taken off the tier's price: a candidate of its own, named after both rows. */
    public static PriceOffer stacked(PriceOffer promotion, PriceOffer tier) {
        return new PriceOffer(promotion.lineNo, PriceSource.PROMOTION,
                off(tier.unitPrice, promotion.discountPercent.toPlainString()), promotion.rule + " + " + tier.rule);
    }

    private static BigDecimal off(BigDecimal price, String percent) {
        return price.multiply(BigDecimal.ONE.subtract(new BigDecimal(percent.trim()).movePointLeft(2)));
    }

    public int getLineNo() { return lineNo; }
    public PriceSource getSource() { return source; }
    public int getRank() { return source.ordinal(); }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public String getRule() { return rule; }
    public boolean isStacksWithTier() { return stacksWithTier; }
    public String getReference() { return reference; }
}
