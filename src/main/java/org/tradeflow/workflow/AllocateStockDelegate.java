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
        execution.setVariable(OrderToCashProcess.Variables.ALLOCATION_OUTCOME, result.outcome().name());
        execution.setVariable(OrderToCashProcess.Variables.NEW_SHIPMENTS, String.join(",", result.newShipments()));
        if (result.outcome() == AllocationService.Outcome.NOTHING_TO_SHIP) {
            execution.setVariable(OrderToCashProcess.Variables.CANCEL_REASON, "nothing is left to ship (every unit was cancelled)");
        }
    }
}
