package org.tradeflow.pricing;

import org.springframework.stereotype.Component;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.Scenario;
import org.tradeflow.rules.ScenarioRunner;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Scenarios of pricing.xlsx and order-policy.xlsx: one example line, its expected price and problems. */
@Component
class PricingScenarios implements ScenarioRunner {

    private final Clock clock;

    PricingScenarios(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Set<String> tables() {
        return Set.of("pricing", "order-policy");
    }

    @Override
    public Optional<String> run(RuleSet rules, Scenario scenario) {
        PricingLine line;
        try {
            LocalDate orderDay = LocalDate.parse(orDefault(scenario.get("Order day"), LocalDate.now(clock).toString()));
            line = PricingLine.line(1, scenario.get("SKU"), Integer.parseInt(scenario.get("Quantity")))
                    .product(scenario.get("Product category"), Integer.parseInt(orDefault(scenario.get("Pack size"), "1")))
                    .listPrice(new BigDecimal(scenario.get("List price")), scenario.get("Currency"))
                    .account(scenario.get("Customer account"), scenario.get("Customer group"), scenario.get("Region"))
                    .orderDay(orderDay)
                    .unitCost(scenario.get("Unit cost").isEmpty() ? null : new BigDecimal(scenario.get("Unit cost")))
                    .discontinued(scenario.get("Discontinued (YES/NO)").equalsIgnoreCase("YES"),
                            scenario.get("Substitute SKU").isEmpty() ? null : scenario.get("Substitute SKU"))
                    .lastPaid(scenario.get("Last price paid").isEmpty() ? null : new PricingLine.LastPaid(
                            new BigDecimal(scenario.get("Last price paid")), "an earlier order",
                            orderDay.minusDays(Integer.parseInt(orDefault(scenario.get("Paid days ago"), "0")))))
                    .build();
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.of("the scenario cannot be read (quantity, pack size, list price, unit cost, last price paid, "
                    + "days ago or order day): " + e.getMessage());
        }
        OrderEvaluation evaluation = OrderEvaluation.evaluate(rules, List.of(line));
        PriceOffer chosen = evaluation.chosenOffers().get(1);
        List<String> differences = new ArrayList<>();
        String source = scenario.get("Expected price source");
        if (!source.isEmpty() && !source.equalsIgnoreCase(chosen.getSource().name())) {
            differences.add("expected price source " + source + " but got " + chosen.getSource() + " (" + chosen.getRule() + ")");
        }
        String price = scenario.get("Expected unit price");
        if (!price.isEmpty() && new BigDecimal(price).compareTo(chosen.getUnitPrice()) != 0) {
            differences.add("expected unit price " + price + " but got " + chosen.getUnitPrice().stripTrailingZeros().toPlainString()
                    + " (" + chosen.getRule() + ")");
        }
        String quantity = scenario.get("Expected quantity");
        int finalQuantity = evaluation.lines().get(0).getQuantity();
        if (!quantity.isEmpty() && Integer.parseInt(quantity) != finalQuantity) {
            differences.add("expected quantity " + quantity + " but the rules made it " + finalQuantity);
        }
        String violations = scenario.get("Expected violations");
        if (!violations.isEmpty()) {
            Set<String> expected = violations.equalsIgnoreCase("none") ? Set.of() : Arrays.stream(violations.split(";"))
                    .map(v -> v.strip().toUpperCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
            Set<String> actual = evaluation.violations().stream().map(v -> v.code() + " " + v.severity())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!expected.equals(actual)) {
                differences.add("expected violations " + (expected.isEmpty() ? "none" : expected) + " but got "
                        + (actual.isEmpty() ? "none" : actual));
            }
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences));
    }

    private static String orDefault(String value, String fallback) {
        return value.isEmpty() ? fallback : value;
    }
}
