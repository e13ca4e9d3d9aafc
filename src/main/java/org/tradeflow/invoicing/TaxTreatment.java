package org.tradeflow.invoicing;

import java.math.BigDecimal;

/**
 * How tax.xlsx treats a delivery, with what the invoice must then say: its VAT category (UNCL 5305, as EN 16931
 * and UBL use it) and, for every untaxed treatment, the exemption reason (a VATEX code and its text).
 */
public enum TaxTreatment {
    /** Taxed at the row's rate: VAT, or a US state's sales tax. */
    STANDARD("S", null, null),
    ZERO_RATED("Z", null, null),
    EXEMPT("E", "VATEX-EU-132", "Exempt from VAT"),
    /** Domestic reverse charge: the buyer accounts for the VAT. */
    REVERSE_CHARGE("AE", "VATEX-EU-AE", "Reverse charge: VAT to be accounted for by the buyer"),
    /** Goods to a business with a VAT id in another member state: the buyer accounts for the VAT there. */
    INTRA_EU_SUPPLY("K", "VATEX-EU-IC", "Intra-community supply: VAT reverse charged to the buyer"),
    EXPORT("G", "VATEX-EU-G", "Export outside the EU");

    private final String category;
    private final String exemptionReasonCode;
    private final String exemptionReason;

    TaxTreatment(String category, String exemptionReasonCode, String exemptionReason) {
        this.category = category;
        this.exemptionReasonCode = exemptionReasonCode;
        this.exemptionReason = exemptionReason;
    }

    /** The UNCL 5305 VAT category code. */
    public String category() { return category; }
    public String exemptionReasonCode() { return exemptionReasonCode; }
    public String exemptionReason() { return exemptionReason; }

    /** Only a standard (or reduced) rate taxes; every other treatment charges nothing. */
    boolean allows(BigDecimal rate) {
        return this == STANDARD ? rate.signum() > 0 : rate.signum() == 0;
    }

    /** The treatment behind a category code on an invoice: each code is one treatment's. */
    static TaxTreatment ofCategory(String category) {
        for (TaxTreatment treatment : values()) {
            if (treatment.category.equals(category)) {
                return treatment;
            }
        }
        throw new IllegalArgumentException("No tax treatment has category " + category);
    }
}
