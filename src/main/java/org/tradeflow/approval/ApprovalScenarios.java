package org.tradeflow.approval;

import org.springframework.stereotype.Component;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.Scenario;
import org.tradeflow.rules.ScenarioRunner;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** Scenarios of approval.xlsx: an example order and who must approve it, within how many hours. */
@Component
class ApprovalScenarios implements ScenarioRunner {

    @Override
    public Set<String> tables() {
        return Set.of("approval");
    }

    @Override
    public Optional<String> run(RuleSet rules, Scenario scenario) {
        ApprovalDecision decision;
        try {
            decision = ApprovalService.evaluate(rules, new ApprovalCase("SCENARIO", "", scenario.get("Currency"),
                    new BigDecimal(scenario.get("Net total")), Integer.parseInt(scenario.get("Account age (days)")),
                    Integer.parseInt(scenario.get("Lines below the margin floor").isEmpty() ? "0" : scenario.get("Lines below the margin floor"))));
        } catch (NumberFormatException e) {
            return Optional.of("the scenario cannot be read (net total or account age): " + e.getMessage());
        }
        String expectedGroup = scenario.get("Expected approver group");
        String actualGroup = decision.required() ? decision.approverGroup() : "none";
        if (!expectedGroup.equalsIgnoreCase(actualGroup)) {
            return Optional.of("expected approver " + expectedGroup + " but got " + actualGroup
                    + (decision.required() ? " (" + decision.rule() + ")" : ""));
        }
        String expectedHours = scenario.get("Expected due (hours)");
        if (decision.required() && !expectedHours.isEmpty() && !expectedHours.equals(String.valueOf(decision.dueInHours()))) {
            return Optional.of("expected a decision within " + expectedHours + " hours but got " + decision.dueInHours());
        }
        return Optional.empty();
    }
}
