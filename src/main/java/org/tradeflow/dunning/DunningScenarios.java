package org.tradeflow.dunning;

import org.springframework.stereotype.Component;
import org.tradeflow.business.BusinessException;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.Scenario;
import org.tradeflow.rules.ScenarioRunner;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** Scenarios of dunning.xlsx: an overdue invoice at a level and the reminder it must get ("none" for no reminder). */
@Component
class DunningScenarios implements ScenarioRunner {

    private final DunningTable dunningTable;

    DunningScenarios(DunningTable dunningTable) {
        this.dunningTable = dunningTable;
    }

    @Override
    public Set<String> tables() {
        return Set.of("dunning");
    }

    @Override
    public Optional<String> run(RuleSet rules, Scenario scenario) {
        String expected = "none".equalsIgnoreCase(scenario.get("Expected fee")) ? "no reminder"
                : describe(new BigDecimal(scenario.get("Expected fee")), new BigDecimal(scenario.get("Expected interest")),
                        new BigDecimal(scenario.get("Expected waiting days")),
                        "YES".equalsIgnoreCase(scenario.get("Expected blocks orders")),
                        "YES".equalsIgnoreCase(scenario.get("Expected call customer")));
        try {
            Optional<DunningLevel> decided = dunningTable.decide(rules, Integer.parseInt(scenario.get("Level")),
                    Long.parseLong(scenario.get("Days overdue")), new BigDecimal(scenario.get("Open amount")));
            String got = decided.map(l -> describe(l.fee(), l.interestPercent(), l.waitDays(), l.blocksOrders(), l.callCustomer()))
                    .orElse("no reminder");
            return got.equals(expected) ? Optional.empty() : Optional.of("expected " + expected + " but got " + got
                    + decided.map(l -> " (" + l.rule() + ")").orElse(""));
        } catch (BusinessException refused) {
            return Optional.of("expected " + expected + " but " + refused.getMessage());
        }
    }

    private static String describe(BigDecimal fee, BigDecimal interest, BigDecimal waitDays, boolean blocks, boolean call) {
        return "fee " + fee.stripTrailingZeros().toPlainString() + ", interest " + interest.stripTrailingZeros().toPlainString()
                + " % p.a., next level after " + waitDays.stripTrailingZeros().toPlainString() + " days"
                + (blocks ? ", orders blocked" : "") + (call ? ", call customer" : "");
    }
}
