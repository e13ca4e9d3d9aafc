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

    private PriceOffer(int lineNo, PriceSource source, BigDecimal unitPrice, String rule) {
        this.lineNo = lineNo;
        this.source = source;
        this.unitPrice = unitPrice.setScale(UNIT_PRICE_SCALE, RoundingMode.HALF_EVEN);
        this.rule = rule;
    }

    public static PriceOffer list(PricingLine line, String rule) {
        return new PriceOffer(line.getLineNo(), PriceSource.LIST, line.getListPrice(), rule);
    }

    public static PriceOffer fixed(PricingLine line, String source, String unitPrice, String rule) {
        return new PriceOffer(line.getLineNo(), PriceSource.valueOf(source), new BigDecimal(unitPrice.trim()), rule);
    }

    public static PriceOffer discount(PricingLine line, String source, String percent, String rule) {
        BigDecimal factor = BigDecimal.ONE.subtract(new BigDecimal(percent.trim()).movePointLeft(2));
        return new PriceOffer(line.getLineNo(), PriceSource.valueOf(source), line.getListPrice().multiply(factor), rule);
    }

    public int getLineNo() { return lineNo; }
    public PriceSource getSource() { return source; }
    public int getRank() { return source.ordinal(); }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public String getRule() { return rule; }
}
