package org.tradeflow.pricing;

import java.math.BigDecimal;

/** The price the resolution rules chose for a line, as a fact for the rules that judge it (margin floor). */
public final class ChosenPrice {

    private final int lineNo;
    private final BigDecimal unitPrice;

    private ChosenPrice(int lineNo, BigDecimal unitPrice) {
        this.lineNo = lineNo;
        this.unitPrice = unitPrice;
    }

    public static ChosenPrice of(PriceOffer offer) {
        return new ChosenPrice(offer.getLineNo(), offer.getUnitPrice());
    }

    public int getLineNo() { return lineNo; }
    public BigDecimal getUnitPrice() { return unitPrice; }
}
