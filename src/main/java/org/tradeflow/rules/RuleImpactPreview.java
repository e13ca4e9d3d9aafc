package org.tradeflow.rules;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a candidate rule change would do to real business: the orders of a period re-priced under the live
 * and the candidate rules, and the difference. Nothing is stored and nothing is activated. Re-pricing needs the
 * facts the tables decide on, so the comparison itself is done by an {@link OrderImpact} next to them.
 */
@Service
public class RuleImpactPreview {

    /** Compares the live and the candidate rules on the orders placed from {@code from} to {@code to}. */
    public interface OrderImpact {
        Report compare(RuleSet live, RuleSet candidate, LocalDate from, LocalDate to);
    }

    private final RuleSetRegistry rules;
    private final OrderImpact orderImpact;

    RuleImpactPreview(RuleSetRegistry rules, OrderImpact orderImpact) {
        this.rules = rules;
        this.orderImpact = orderImpact;
    }

    @Transactional(readOnly = true)
    public Report preview(RuleSet candidate, LocalDate from, LocalDate to) {
        return orderImpact.compare(rules.current(), candidate, from, to);
    }

    /** Net revenue of the previewed orders under the live and the candidate rules. */
    public record Revenue(String key, BigDecimal live, BigDecimal candidate, BigDecimal delta) {
    }

    public record Report(LocalDate from, LocalDate to, int ordersConsidered, int ordersAffected, int linesAffected,
                         List<Revenue> revenueByCurrency, List<Revenue> revenueByAccount, List<String> affectedOrders,
                         List<String> newViolations, List<String> newApprovals, List<String> linesNotRepriced,
                         String candidateRules, String liveRules) {
    }
}
