package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tradeflow.invoicing.PriceCorrections;

/**
 * Carries out the sales manager's decision in the command that completed the task: approved, the credit note is
 * issued; rejected, the correction is closed with the reason.
 */
@Component
class DecidePriceCorrectionDelegate implements JavaDelegate {

    private final PriceCorrections corrections;

    DecidePriceCorrectionDelegate(PriceCorrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long correctionId = ((Number) execution.getVariable(PriceCorrectionProcess.CORRECTION_ID)).longValue();
        String decidedBy = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        String comment = ProcessVariables.comment(execution);
        if ("APPROVE".equals(execution.getVariable(OrderToCashProcess.UserTask.UserTaskApprovePriceCorrection.decisionVariable().orElseThrow()))) {
            corrections.approve(correctionId, decidedBy, comment);
        } else {
            corrections.reject(correctionId, decidedBy, comment);
        }
    }
}
