package org.tradeflow.pricing;

import org.tradeflow.policy.PolicyViolation;
import org.tradeflow.policy.Severity;
import org.tradeflow.rules.RuleSet;

import java.math.BigDecimal;
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

    /** The handling a quantity row may choose instead of a severity: raise the quantity and tell the customer. */
    public static final String ROUND_UP = "ROUND_UP";
    /** Minimum and pack rounding settle within three passes (minimum, then whole packs, then a clean pass). */
    private static final int MAX_PASSES = 3;

    private final List<PricingLine> lines;
    private final Map<Integer, PriceOffer> chosenOffers = new TreeMap<>();
    private final Map<Integer, List<PriceOffer>> candidates = new HashMap<>();
    private final List<PolicyViolation> violations = new ArrayList<>();
    private final Map<Integer, Correction> corrections = new TreeMap<>();

    private record Correction(int quantity, String code, String reason, String rule) {
    }

    private OrderEvaluation(List<PricingLine> lines) {
        this.lines = List.copyOf(lines);
    }

    /**
     * Prices and checks all lines in one evaluation. When rows round quantities up, the corrected lines are
     * evaluated once more (tiers and minimum order value must see the new quantities); the corrections are kept.
     */
    public static OrderEvaluation evaluate(RuleSet rules, List<PricingLine> lines) {
        List<PolicyViolation> corrected = new ArrayList<>();
        for (int pass = 1; ; pass++) {
            OrderEvaluation evaluation = new OrderEvaluation(lines);
            rules.evaluate(Map.of("evaluation", evaluation), lines);
            if (evaluation.corrections.isEmpty()) {
                evaluation.violations.addAll(0, corrected);
                return evaluation;
            }
            if (pass == MAX_PASSES) {
                throw new IllegalStateException("Rules " + rules.checksum() + " keep rounding quantities up: " + evaluation.corrections);
            }
            corrected.addAll(evaluation.correctionNotices());
            lines = lines.stream().map(line -> evaluation.corrections.containsKey(line.getLineNo())
                    ? line.withQuantity(evaluation.corrections.get(line.getLineNo()).quantity()) : line).toList();
        }
    }

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

    /** A rule about the whole order (minimum order value). */
    public void orderViolation(String severity, String code, String message, String rule) {
        violations.add(new PolicyViolation(null, Severity.valueOf(severity.trim()), code, "Order: " + message, rule));
    }

    /** A line under a minimum quantity: reported with the row's severity, or rounded up to the minimum. */
    public void belowMinimum(PricingLine line, int minimum, String handling, String message, String rule) {
        if (ROUND_UP.equals(handling.trim())) {
            roundUp(line, minimum, "MOQ", message, rule);
        } else {
            violation(line, handling, "MOQ", message, rule);
        }
    }

    /** A quantity that is not a whole number of packs: reported, or rounded up to the next whole pack. */
    public void brokenPack(PricingLine line, String handling, String rule) {
        String message = "quantity is not a multiple of the pack size " + line.getPackSize();
        if (ROUND_UP.equals(handling.trim())) {
            int packs = (line.getQuantity() + line.getPackSize() - 1) / line.getPackSize();
            roundUp(line, packs * line.getPackSize(), "PACK", message, rule);
        } else {
            violation(line, handling, "PACK", message, rule);
        }
    }

    private void roundUp(PricingLine line, int quantity, String code, String reason, String rule) {
        corrections.merge(line.getLineNo(), new Correction(quantity, code, reason, rule),
                (kept, other) -> other.quantity() > kept.quantity() ? other : kept);
    }

    private List<PolicyViolation> correctionNotices() {
        return lines.stream().filter(line -> corrections.containsKey(line.getLineNo())).map(line -> {
            Correction c = corrections.get(line.getLineNo());
            return new PolicyViolation(line.getLineNo(), Severity.CORRECTED, c.code(), "Line " + line.getLineNo() + " ("
                    + line.getSku() + "): " + c.reason() + "; rounded up from " + line.getQuantity() + " to " + c.quantity(),
                    c.rule());
        }).toList();
    }

    /** The whole order as the order-level rows see it, from the prices chosen so far (all lines share the account). */
    public OrderTotal orderTotal() {
        BigDecimal total = lines.stream().filter(line -> chosenOffers.containsKey(line.getLineNo()))
                .map(line -> PricingService.lineNet(chosenOffers.get(line.getLineNo()).getUnitPrice(), line.getQuantity(),
                        line.getCurrency()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        PricingLine any = lines.get(0);
        return new OrderTotal(any.getCustomerGroup(), any.getRegion(), any.getCurrency(), total);
    }

    /** The lines as finally evaluated: quantities the rules rounded up carry their new value. */
    public List<PricingLine> lines() {
        return lines;
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
