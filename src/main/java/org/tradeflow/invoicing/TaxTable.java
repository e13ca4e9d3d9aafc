package org.tradeflow.invoicing;

import org.springframework.stereotype.Component;
import org.tradeflow.rules.RuleSet;

import java.util.List;
import java.util.Map;

/** Asks decision-tables/tax.xlsx how a delivery of one tax category is taxed. */
@Component
class TaxTable {

    private final SellerProperties seller;

    TaxTable(SellerProperties seller) {
        this.seller = seller;
    }

    TaxDecision decide(RuleSet rules, String shipToCountry, String shipToRegion, String taxCategory, boolean buyerHasVatId) {
        return decide(rules, new TaxQuestion(seller.country(), shipToCountry, shipToRegion, taxCategory, buyerHasVatId));
    }

    /** The first matching row; a table that decides nothing, or a rate its treatment forbids, is refused. */
    private static TaxDecision decide(RuleSet rules, TaxQuestion question) {
        TaxDecision decision = new TaxDecision();
        rules.evaluate(Map.of("tax", decision), List.of(question));
        if (!decision.decided() || !decision.treatment().allows(decision.rate())) {
            throw new TaxNotDecided(question, decision);
        }
        return decision;
    }
}
