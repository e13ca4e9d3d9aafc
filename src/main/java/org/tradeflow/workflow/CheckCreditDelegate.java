package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.credit.CreditService;

@Component
class CheckCreditDelegate implements JavaDelegate {

    private final CreditService credit;

    CheckCreditDelegate(CreditService credit) {
        this.credit = credit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean available = credit.check(ProcessVariables.orderId(execution)).available();
        execution.setVariable(OrderToCashProcess.Variables.CREDIT_AVAILABLE, available);
    }
}
