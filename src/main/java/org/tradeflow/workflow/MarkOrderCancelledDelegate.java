package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.orderdesk.OrderCancellation;

/** The order ends CANCELLED with who cancelled it and why. */
@Component
class MarkOrderCancelledDelegate implements JavaDelegate {

    private final OrderCancellation cancellation;

    MarkOrderCancelledDelegate(OrderCancellation cancellation) {
        this.cancellation = cancellation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reason = execution.getVariable(OrderToCashProcess.Variables.CANCEL_REASON);
        Object released = execution.getVariable(OrderToCashProcess.Variables.RELEASED_SHIPMENTS);
        cancellation.markCancelled(ProcessVariables.orderId(execution), reason == null ? "on request" : reason.toString(),
                released instanceof Number number ? number.intValue() : 0);
    }
}
