package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.dunning.DunningService;

/** Records what finance's call about an overdue invoice achieved, in the command that completed the task. */
@Component
class RecordCallOutcomeDelegate implements JavaDelegate {

    private final DunningService dunning;

    RecordCallOutcomeDelegate(DunningService dunning) {
        this.dunning = dunning;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long invoiceId = ((Number) execution.getVariable(DunningProcess.INVOICE_ID)).longValue();
        String calledBy = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        Object outcome = execution.getVariable(OrderToCashProcess.UserTask.UserTaskCallCustomer.decisionVariable().orElseThrow());
        dunning.recordCall(invoiceId, String.valueOf(outcome), ProcessVariables.comment(execution), calledBy);
    }
}
