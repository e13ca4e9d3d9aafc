package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.fulfilment.FulfilmentService;

@Component
class RequestShipmentDelegate implements JavaDelegate {

    private final FulfilmentService fulfilment;

    RequestShipmentDelegate(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String dispatchSla = fulfilment.request(execution.getProcessBusinessKey()).toString();
        execution.setVariable(OrderToCashProcess.Variables.DISPATCH_SLA, dispatchSla);
    }
}
