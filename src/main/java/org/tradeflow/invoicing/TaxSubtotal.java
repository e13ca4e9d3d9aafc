package org.tradeflow.invoicing;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/** The tax of one category and rate on an invoice: computed once on the summed base of its lines (EN 16931 BR-CO-17). */
@Embeddable
public record TaxSubtotal(String category, @Column(precision = 7, scale = 4) BigDecimal rate,
                          @Column(precision = 19, scale = 4) BigDecimal taxableAmount,
                          @Column(precision = 19, scale = 4) BigDecimal taxAmount,
                          String exemptionReasonCode, String exemptionReason) {
}
