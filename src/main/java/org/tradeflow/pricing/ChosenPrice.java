package org.tradeflow.pricing;

import java.math.BigDecimal;

/** The price the resolution rules chose for a line, as a fact for the rules that judge it (margin floor, order value). */
public final class ChosenPrice {

    private final int lineNo;
    private final BigDecimal unitPrice;
    private final BigDecimal lineNet;

    private ChosenPrice(int lineNo, BigDecimal unitPrice, BigDecimal lineNet) {
        this.lineNo = lineNo;
        this.unitPrice = unitPrice;
        this.lineNet = lineNet;
    }

    public static ChosenPrice of(PriceOffer offer, PricingLine line) {
        return new ChosenPrice(offer.getLineNo(), offer.getUnitPrice(),
                PricingService.lineNet(offer.getUnitPrice(), line.getQuantity(), line.getCurrency()));
    }

    public int getLineNo() { return lineNo; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public BigDecimal getLineNet() { return lineNet; }
}
