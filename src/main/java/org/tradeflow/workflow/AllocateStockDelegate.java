package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.allocation.AllocationService;

@Component
class AllocateStockDelegate implements JavaDelegate {

    private final AllocationService allocation;

    AllocateStockDelegate(AllocationService allocation) {
        this.allocation = allocation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AllocationService.Allocation result = allocation.allocate(ProcessVariables.orderId(execution));
        execution.setVariable(OrderToCashProcess.Variables.ALLOCATED, result.allocated());
        execution.setVariable(OrderToCashProcess.Variables.SHIPMENT_COUNT, result.shipmentCount());
    }
}
