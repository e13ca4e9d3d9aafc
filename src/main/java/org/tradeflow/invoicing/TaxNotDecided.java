package org.tradeflow.invoicing;

import org.tradeflow.business.StateConflict;

/** tax.xlsx has no row for a delivery, or its row pairs a treatment with a rate it cannot have: nothing is invoiced. */
public class TaxNotDecided extends StateConflict {

    TaxNotDecided(TaxQuestion question, TaxDecision decision) {
        super("invoice.tax-not-decided", (decision.decided()
                ? "Row " + decision.rule() + " of tax.xlsx charges " + decision.rate().toPlainString() + " % as "
                        + decision.treatment() + ", which only STANDARD may"
                : "No row of tax.xlsx decides the tax")
                + " for a " + question.getTaxCategory() + " delivery to " + question.getShipToCountry()
                + " (" + question.getShipToRegion() + ", " + question.getDestination() + ")");
    }
}
