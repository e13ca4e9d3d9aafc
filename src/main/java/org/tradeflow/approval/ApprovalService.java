package org.tradeflow.approval;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.Account;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.policy.PolicyViolation;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.RuleSetRegistry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Asks the approval table whether a person must sign an order off, who, and by when. */
@Service
@Transactional
public class ApprovalService {

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final OrderLifecycle orders;
    private final RuleSetRegistry rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApprovalService(OrderLifecycle orders, RuleSetRegistry rules, ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    public Approval decide(long orderId) {
        SalesOrder order = orders.get(orderId);
        Account account = order.getAccount();
        int accountAgeDays = (int) ChronoUnit.DAYS.between(account.getOpenedOn(), LocalDate.now(clock));
        int linesBelowFloor = PolicyViolation.linesNeedingApproval(order.policyViolations());
        ApprovalDecision decision = evaluate(rules.current(), new ApprovalCase(account.getCode(),
                account.getCustomerGroup(), order.getCurrency(), order.getNetTotal(), accountAgeDays, linesBelowFloor));
        if (!decision.required()) {
            orders.note(orderId, "APPROVAL_NOT_REQUIRED", "No approval rule matched");
            return Approval.NOT_REQUIRED;
        }
        Instant due = clock.instant().plus(decision.dueInHours(), ChronoUnit.HOURS);
        orders.awaitApproval(orderId, decision.reason() + " (" + decision.rule() + "); " + decision.approverGroup()
                + " to decide by " + DEADLINE.format(due));
        return new Approval(true, decision.approverGroup(), due);
    }

    /** What the approval table of these rules says about a case. */
    public static ApprovalDecision evaluate(RuleSet ruleSet, ApprovalCase approvalCase) {
        ApprovalDecision decision = new ApprovalDecision();
        ruleSet.evaluate(Map.of("approval", decision), List.of(approvalCase));
        return decision;
    }

    /** The deadline passed: recorded, and announced through the outbox for notification; the task stays open. */
    public void escalate(long orderId) {
        SalesOrder order = orders.get(orderId);
        orders.note(orderId, "APPROVAL_OVERDUE", "The approval deadline passed without a decision");
        events.publishEvent(new ApprovalOverdue(order.getOrderNumber(), order.getAccount().getCode(),
                String.valueOf(order.getStatusReason())));
    }

    public record Approval(boolean required, String approverGroup, Instant dueAt) {
        static final Approval NOT_REQUIRED = new Approval(false, null, null);
    }
}
