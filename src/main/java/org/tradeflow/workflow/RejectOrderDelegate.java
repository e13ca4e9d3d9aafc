package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.order.OrderLifecycle;

@Component
class RejectOrderDelegate implements JavaDelegate {

    private final OrderLifecycle orders;

    RejectOrderDelegate(OrderLifecycle orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        orders.reject(ProcessVariables.orderId(execution), "Rejected: " + ProcessVariables.comment(execution));
    }
}
