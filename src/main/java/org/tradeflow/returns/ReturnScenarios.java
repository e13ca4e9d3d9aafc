package org.tradeflow.returns;

import org.springframework.stereotype.Component;
import org.tradeflow.business.BusinessException;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.Scenario;
import org.tradeflow.rules.ScenarioRunner;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/**
 * Scenarios of returns.xlsx: a request (reason, days since delivery, customer group) and what it must get:
 * allowed or not, inspection, approval and the restocking fee.
 */
@Component
class ReturnScenarios implements ScenarioRunner {

    private final ReturnsTable returnsTable;

    ReturnScenarios(ReturnsTable returnsTable) {
        this.returnsTable = returnsTable;
    }

    @Override
    public Set<String> tables() {
        return Set.of("returns");
    }

    @Override
    public Optional<String> run(RuleSet rules, Scenario scenario) {
        String expected = outcome(scenario.get("Expected allowed"), scenario.get("Expected inspection"),
                scenario.get("Expected approval"), ReturnDecision.plain(new BigDecimal(scenario.get("Expected fee"))));
        try {
            int days = Integer.parseInt(scenario.get("Days since delivery"));
            ReturnDecision decision = returnsTable.decide(rules,
                    new ReturnQuestion(scenario.get("Reason"), days, scenario.get("Customer group")));
            String got = outcome(yesNo(decision.allows(days)), yesNo(decision.needsInspection()),
                    yesNo(decision.needsApproval()), decision.restockingFeePercent());
            return got.equals(expected) ? Optional.empty()
                    : Optional.of("expected " + expected + " but got " + got + " (" + decision.rule() + ")");
        } catch (BusinessException refused) {
            return Optional.of("expected " + expected + " but " + refused.getMessage());
        }
    }

    private static String outcome(String allowed, String inspection, String approval, BigDecimal fee) {
        return "allowed " + allowed.toUpperCase() + ", inspection " + inspection.toUpperCase() + ", approval "
                + approval.toUpperCase() + ", restocking fee " + fee.toPlainString() + " %";
    }

    private static String yesNo(boolean value) {
        return value ? "YES" : "NO";
    }
}
