package org.tradeflow.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tradeflow.fulfilment.DispatchListener;
import org.tradeflow.order.OrderWorkflow;

/** Starts and steers the order processes; both calls join the caller's transaction. */
@Component
class CamundaOrderWorkflow implements OrderWorkflow, DispatchListener {

    private final RuntimeService runtime;

    CamundaOrderWorkflow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(long orderId, String orderNumber) {
        runtime.startProcessInstanceByKey(OrderToCashProcess.PROCESS_KEY, orderNumber,
                Variables.putValue(OrderToCashProcess.Variables.ORDER_ID, orderId));
    }

    @Override
    public void dispatched(String shipmentNumber) {
        runtime.createMessageCorrelation(OrderToCashProcess.MESSAGE_SHIPMENT_DISPATCHED)
                .processInstanceBusinessKey(shipmentNumber)
                .correlate();
    }
}
