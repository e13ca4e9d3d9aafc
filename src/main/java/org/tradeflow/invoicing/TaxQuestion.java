package org.tradeflow.invoicing;

import java.util.Locale;
import java.util.Set;

/** One delivery of one tax category, as tax.xlsx reads it. */
public final class TaxQuestion {

    /** Member states of the European Union (ISO 3166 codes), for telling intra-EU supplies from exports. */
    private static final Set<String> EU = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
            "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    private final String destination;
    private final String shipToCountry;
    private final String shipToRegion;
    private final String taxCategory;
    private final boolean buyerHasVatId;

    /** The destination is DOMESTIC (the seller's country), EU (another member state) or EXPORT (outside the EU). */
    public TaxQuestion(String sellerCountry, String shipToCountry, String shipToRegion, String taxCategory, boolean buyerHasVatId) {
        this.destination = shipToCountry.equals(sellerCountry) ? "DOMESTIC" : EU.contains(shipToCountry) ? "EU" : "EXPORT";
        this.shipToCountry = shipToCountry;
        this.shipToRegion = shipToRegion;
        this.taxCategory = taxCategory;
        this.buyerHasVatId = buyerHasVatId;
    }

    public String getDestination() { return destination; }
    public String getShipToCountry() { return shipToCountry; }
    public String getShipToRegion() { return shipToRegion; }
    public String getTaxCategory() { return taxCategory; }

    /** The table's YES/NO column: whether the buyer's VAT id is known. */
    public boolean buyerVatId(String yesOrNo) {
        return buyerHasVatId == "YES".equals(yesOrNo.toUpperCase(Locale.ROOT));
    }
}
