package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.order.OrderLifecycle;

@Component
class ValidateOrderDelegate implements JavaDelegate {

    private final OrderLifecycle orders;

    ValidateOrderDelegate(OrderLifecycle orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean blocked = orders.validate(ProcessVariables.orderId(execution));
        execution.setVariable(OrderToCashProcess.Variables.BLOCKING_VIOLATIONS, blocked);
    }
}
