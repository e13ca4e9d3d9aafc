package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.order.OrderLifecycle;

@Component
class CancelOrderDelegate implements JavaDelegate {

    private final OrderLifecycle orders;

    CancelOrderDelegate(OrderLifecycle orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(OrderToCashProcess.Variables.CANCEL_REASON);
        orders.cancel(ProcessVariables.orderId(execution), "Cancelled: " + (reason == null ? "no reason given" : reason));
    }
}
