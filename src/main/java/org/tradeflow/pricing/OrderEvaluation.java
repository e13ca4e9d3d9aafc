package org.tradeflow.pricing;

import org.tradeflow.policy.PolicyViolation;
import org.tradeflow.policy.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one result object of an order's pricing-and-policy evaluation (the rules' global {@code evaluation}).
 * Rules write to it; it decides nothing itself.
 */
public final class OrderEvaluation {

    private final Map<Integer, PriceOffer> chosenOffers = new TreeMap<>();
    private final Map<Integer, List<PriceOffer>> candidates = new HashMap<>();
    private final List<PolicyViolation> violations = new ArrayList<>();

    public void consider(PriceOffer offer) {
        candidates.computeIfAbsent(offer.getLineNo(), line -> new ArrayList<>()).add(offer);
    }

    public void choose(PriceOffer offer) {
        chosenOffers.putIfAbsent(offer.getLineNo(), offer);
    }

    public void violation(PricingLine line, String severity, String code, String message, String rule) {
        violations.add(new PolicyViolation(line.getLineNo(), Severity.valueOf(severity.trim()), code,
                "Line " + line.getLineNo() + " (" + line.getSku() + "): " + message, rule));
    }

    public Map<Integer, PriceOffer> chosenOffers() {
        return Collections.unmodifiableMap(chosenOffers);
    }

    /** Every offer the rules made for the line, cheapest first. */
    public List<PriceOffer> candidates(int lineNo) {
        List<PriceOffer> offers = new ArrayList<>(candidates.getOrDefault(lineNo, List.of()));
        offers.sort(Comparator.comparing(PriceOffer::getUnitPrice).thenComparing(PriceOffer::getRank));
        return offers;
    }

    public List<PolicyViolation> violations() {
        return Collections.unmodifiableList(violations);
    }
}
