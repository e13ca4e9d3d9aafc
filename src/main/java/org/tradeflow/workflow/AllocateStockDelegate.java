package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.allocation.AllocationService;

import java.util.List;

import static org.tradeflow.workflow.OrderToCashProcess.Variables;

@Component
class AllocateStockDelegate implements JavaDelegate {

    /** An element only the current model has: an instance without it runs on the first model. */
    private static final String FIRST_MODEL_LACKS = "ServiceTaskFindSubstitute";

    private final AllocationService allocation;

    AllocateStockDelegate(AllocationService allocation) {
        this.allocation = allocation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AllocationService.Allocation result = allocation.allocate(ProcessVariables.orderId(execution));
        List<String> planned = result.newShipments();
        execution.setVariable(Variables.ALLOCATION_OUTCOME, result.outcome().name());
        // one round's shipments are numbered one after the other: a count and the first number say which
        execution.setVariable(Variables.SHIPMENT_COUNT, planned.size());
        execution.setVariable(Variables.FIRST_SHIPMENT_NO, planned.isEmpty() ? 0 : sequenceNo(planned.get(0)));
        if (execution.getBpmnModelInstance().getModelElementById(FIRST_MODEL_LACKS) == null) {
            // an instance of the first model loops over a list; remove once no v1 instance runs
            execution.setVariable(Variables.NEW_SHIPMENTS, String.join(",", planned));
        }
        if (result.outcome() == AllocationService.Outcome.NOTHING_TO_SHIP) {
            execution.setVariable(Variables.CANCEL_REASON, "nothing is left to ship (every unit was cancelled)");
        }
    }

    /** 3 of SO-100001-S3. */
    private static int sequenceNo(String shipmentNumber) {
        return Integer.parseInt(shipmentNumber.substring(shipmentNumber.lastIndexOf("-S") + 2));
    }
}
