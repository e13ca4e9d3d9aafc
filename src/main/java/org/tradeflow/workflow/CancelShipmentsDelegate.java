package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.orderdesk.OrderCancellation;

/** A cancelled order's shipments not dispatched yet are cancelled and their stock released (warehouses are told). */
@Component
class CancelShipmentsDelegate implements JavaDelegate {

    private final OrderCancellation cancellation;

    CancelShipmentsDelegate(OrderCancellation cancellation) {
        this.cancellation = cancellation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int released = cancellation.cancelShipments(ProcessVariables.orderId(execution));
        execution.setVariable(OrderToCashProcess.Variables.RELEASED_SHIPMENTS, released);
    }
}
