package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.order.OrderLifecycle;

@Component
class MarkOrderInvoicedDelegate implements JavaDelegate {

    private final OrderLifecycle orders;

    MarkOrderInvoicedDelegate(OrderLifecycle orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        orders.invoiced(ProcessVariables.orderId(execution));
    }
}
