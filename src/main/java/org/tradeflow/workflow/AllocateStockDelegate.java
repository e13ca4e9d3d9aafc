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
        execution.setVariable(OrderToCashProcess.Variables.NEW_SHIPMENTS, String.join(",", result.newShipments()));
        execution.setVariable(OrderToCashProcess.Variables.BACKORDERED_UNITS, result.backorderedUnits());
        execution.setVariable(OrderToCashProcess.Variables.NOTHING_TO_SHIP, result.nothingToShip());
        if (result.nothingToShip()) {
            execution.setVariable(OrderToCashProcess.Variables.CANCEL_REASON, "fill or kill: nothing could ship");
        }
    }
}
