package org.tradeflow.workflow;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.tradeflow.dunning.DunningWorkflow;

/** Starts and ends finance's call about an invoice at its last dunning level, in the caller's transaction. */
@Component
class CamundaDunningWorkflow implements DunningWorkflow {

    private final RuntimeService runtime;

    CamundaDunningWorkflow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void callCustomer(CallBriefing call) {
        ProcessOriginPlugin.forAnAcceptedRequest(() -> runtime.startProcessInstanceByKey(DunningProcess.PROCESS_KEY,
                call.invoiceNumber(), Variables.putValue(DunningProcess.INVOICE_ID, call.invoiceId())
                        .putValue(DunningProcess.INVOICE_NUMBER, call.invoiceNumber())
                        .putValue(DunningProcess.SUMMARY, call.summary())));
    }

    @Override
    public void stop(String invoiceNumber) {
        try {
            runtime.createMessageCorrelation(DunningProcess.MESSAGE_DUNNING_STOPPED).processInstanceBusinessKey(invoiceNumber)
                    .correlateAllWithResult();
        } catch (OptimisticLockingException busy) {
            // finance is completing the call right now: the caller's transaction rolls back and answers 409
            throw new OptimisticLockingFailureException("The call about " + invoiceNumber + " changed meanwhile; try again", busy);
        }
    }
}
