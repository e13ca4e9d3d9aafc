package org.tradeflow.allocation;

import org.springframework.stereotype.Component;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.Scenario;
import org.tradeflow.rules.ScenarioRunner;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        RoutingDecision routing = new RoutingDecision();
        rules.evaluate(Map.of("routing", routing), List.of(new RoutingRequest(1, scenario.get("Region"),
                scenario.get("Product category"), "SCENARIO")));
        List<String> expected = Arrays.stream(scenario.get("Expected warehouses").split(","))
                .map(String::strip).filter(code -> !code.isEmpty()).toList();
        return expected.equals(routing.warehousesFor(1)) ? Optional.empty()
                : Optional.of("expected warehouses " + expected + " but got " + routing.warehousesFor(1));
    }
}
