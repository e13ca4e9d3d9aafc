package org.tradeflow.sourcing;

import org.springframework.stereotype.Component;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.Scenario;
import org.tradeflow.rules.ScenarioRunner;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Scenarios of routing.xlsx: an example line and the warehouses it must ship from, in order. */
@Component
class RoutingScenarios implements ScenarioRunner {

    @Override
    public Set<String> tables() {
        return Set.of("routing");
    }

    @Override
    public Optional<String> run(RuleSet rules, Scenario scenario) {
        RoutingDecision routing = RoutingDecision.decide(rules, List.of(new RoutingRequest(1, scenario.get("Region"),
                scenario.get("Product category"), "SCENARIO")));
        List<String> expected = Arrays.stream(scenario.get("Expected warehouses").split(","))
                .map(String::strip).filter(code -> !code.isEmpty()).toList();
        if (!expected.isEmpty() && !expected.equals(routing.warehousesFor(1))) {
            return Optional.of("expected warehouses " + expected + " but got " + routing.warehousesFor(1));
        }
        String sourcing = scenario.get("Expected sourcing");
        if (!sourcing.isEmpty() && !sourcing.equals(routing.sourcingFor(1).name())) {
            return Optional.of("expected sourcing " + sourcing + " but got " + routing.sourcingFor(1));
        }
        String days = scenario.get("Expected transit days");
        if (days.isEmpty()) {
            return Optional.empty();
        }
        RoutingDecision transit = RoutingDecision.decide(rules, List.of(new TransitQuestion(scenario.get("Warehouse"), scenario.get("Region"))));
        String actual = transit.transit(scenario.get("Warehouse"), scenario.get("Region"))
                .map(t -> t.days() + " " + t.carrier()).orElse("no transit row");
        String wanted = days + " " + scenario.get("Expected carrier");
        return wanted.equals(actual) ? Optional.empty() : Optional.of("expected transit " + wanted + " but got " + actual);
    }
}
