package org.tradeflow.dunning;

import org.springframework.stereotype.Component;
import org.tradeflow.rules.RuleSet;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Asks decision-tables/dunning.xlsx which reminder an overdue invoice gets at a level. */
@Component
class DunningTable {

    /** The first matching row, or nothing when no reminder of that level is due (not overdue enough, or past the last level). */
    Optional<DunningLevel> decide(RuleSet rules, int level, long daysOverdue, BigDecimal openAmount) {
        DunningQuestion question = new DunningQuestion(level, daysOverdue, openAmount);
        DunningDecision decision = new DunningDecision();
        rules.evaluate(Map.of("dunning", decision), List.of(question));
        DunningLevel decided = decision.level();
        if (decided == null) {
            return Optional.empty();
        }
        if (decided.fee().signum() < 0 || decided.interestPercent().signum() < 0) {
            throw new DunningNotDecided(question, decided, "charges a negative fee or interest");
        }
        if (decided.waitDays().scale() > 0 || decided.waitDays().signum() < 0) {
            throw new DunningNotDecided(question, decided, "waits " + decided.waitDays().toPlainString() + " days, not a whole number");
        }
        return Optional.of(decided);
    }
}
