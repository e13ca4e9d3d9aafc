package org.tradeflow.allocation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.RuleSetRegistry;

import java.util.List;
import java.util.Map;

/** Gives each order its claim on scarce stock from decision-tables/priority.xlsx. */
@Service
public class AllocationPriorities {

    private final OrderLifecycle orders;
    private final RuleSetRegistry rules;

    AllocationPriorities(OrderLifecycle orders, RuleSetRegistry rules) {
        this.orders = orders;
        this.rules = rules;
    }

    /** Decides, stores and records the order's allocation priority; higher wins. */
    @Transactional
    public int assign(long orderId) {
        SalesOrder order = orders.get(orderId);
        PriorityDecision decision = decide(rules.current(), new PriorityRequest(order.getAccount().getTier(),
                order.getAccount().getSla(), order.getUrgency().name()));
        order.assignAllocationPriority(decision.priority());
        orders.note(orderId, "ALLOCATION_PRIORITY", "Priority " + decision.priority()
                + (decision.rule() == null ? " (no row of the priority table matched)" : " (" + decision.rule() + ")"));
        return decision.priority();
    }

    static PriorityDecision decide(RuleSet rules, PriorityRequest request) {
        PriorityDecision decision = new PriorityDecision();
        rules.evaluate(Map.of("priority", decision), List.of(request));
        return decision;
    }
}
