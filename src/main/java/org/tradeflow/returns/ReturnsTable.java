package org.tradeflow.returns;

import org.springframework.stereotype.Component;
import org.tradeflow.rules.RuleSet;

import java.util.List;
import java.util.Map;

/** Asks decision-tables/returns.xlsx whether and how a return is authorised. */
@Component
class ReturnsTable {

    /** The first matching row; a table that decides nothing is refused. */
    ReturnDecision decide(RuleSet rules, ReturnQuestion question) {
        ReturnDecision decision = new ReturnDecision();
        rules.evaluate(Map.of("returns", decision), List.of(question));
        if (!decision.decided()) {
            throw new ReturnNotDecided(question);
        }
        return decision;
    }
}
