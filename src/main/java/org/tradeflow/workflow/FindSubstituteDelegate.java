package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.orderdesk.Substitutions;

/** Whether backordered units could ship as their substitute, and whether the account agreed to that in advance. */
@Component
class FindSubstituteDelegate implements JavaDelegate {

    private final Substitutions substitutions;

    FindSubstituteDelegate(Substitutions substitutions) {
        this.substitutions = substitutions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long orderId = ProcessVariables.orderId(execution);
        // a customer who was asked once is not asked again for this order
        boolean askedBefore = execution.hasVariable(OrderToCashProcess.UserTask.UserTaskConfirmSubstitution.decisionVariable().orElseThrow());
        String substitution = askedBefore || !substitutions.available(orderId) ? "NONE"
                : substitutions.preApproved(orderId) ? "PRE_APPROVED" : "ASK";
        execution.setVariable(OrderToCashProcess.Variables.SUBSTITUTION, substitution);
    }
}
