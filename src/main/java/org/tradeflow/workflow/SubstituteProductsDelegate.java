package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.orderdesk.Substitutions;

@Component
class SubstituteProductsDelegate implements JavaDelegate {

    private final Substitutions substitutions;

    SubstituteProductsDelegate(Substitutions substitutions) {
        this.substitutions = substitutions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean asked = execution.hasVariable(OrderToCashProcess.UserTask.UserTaskConfirmSubstitution.decisionVariable().orElseThrow());
        substitutions.substitute(ProcessVariables.orderId(execution), asked
                ? "accepted by the customer (" + ProcessVariables.comment(execution) + ")"
                : "the account accepts substitutes in advance");
    }
}
