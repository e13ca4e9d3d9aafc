package org.tradeflow.allocation;

import org.springframework.stereotype.Component;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.Scenario;
import org.tradeflow.rules.ScenarioRunner;

import java.util.Optional;
import java.util.Set;

/** Scenarios of priority.xlsx: an account tier, SLA and urgency, and the priority they must get. */
@Component
class PriorityScenarios implements ScenarioRunner {

    @Override
    public Set<String> tables() {
        return Set.of("priority");
    }

    @Override
    public Optional<String> run(RuleSet rules, Scenario scenario) {
        PriorityDecision decision = AllocationPriorities.decide(rules,
                new PriorityRequest(scenario.get("Account tier"), scenario.get("SLA"), scenario.get("Urgency")));
        int expected = Integer.parseInt(scenario.get("Expected priority"));
        return decision.priority() == expected ? Optional.empty()
                : Optional.of("expected priority " + expected + " but got " + decision.priority() + " (" + decision.rule() + ")");
    }
}
