package org.tradeflow.invoicing;

import org.springframework.stereotype.Component;
import org.tradeflow.business.BusinessException;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.Scenario;
import org.tradeflow.rules.ScenarioRunner;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** Scenarios of tax.xlsx: a delivery (where to, which category, buyer's VAT id) and the treatment and rate it must get. */
@Component
class TaxScenarios implements ScenarioRunner {

    private final TaxTable taxTable;

    TaxScenarios(TaxTable taxTable) {
        this.taxTable = taxTable;
    }

    @Override
    public Set<String> tables() {
        return Set.of("tax");
    }

    @Override
    public Optional<String> run(RuleSet rules, Scenario scenario) {
        String expected = scenario.get("Expected treatment") + " " + TaxDecision.plain(new BigDecimal(scenario.get("Expected rate"))).toPlainString();
        try {
            TaxDecision decision = taxTable.decide(rules, scenario.get("Ship-to country"), scenario.get("Ship-to region"),
                    scenario.get("Tax category"), "YES".equalsIgnoreCase(scenario.get("Buyer VAT id")));
            String got = decision.treatment() + " " + decision.rate().toPlainString();
            return got.equals(expected) ? Optional.empty()
                    : Optional.of("expected " + expected + " % but got " + got + " % (" + decision.rule() + ")");
        } catch (BusinessException refused) {
            return Optional.of("expected " + expected + " % but " + refused.getMessage());
        }
    }
}
