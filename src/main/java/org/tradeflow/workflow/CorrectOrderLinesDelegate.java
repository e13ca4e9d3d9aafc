package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.tradeflow.orderdesk.InvalidCorrection;
import org.tradeflow.orderdesk.OrderCorrections;

/**
 * Applies the order desk's line corrections as part of completing the exceptions task (no async boundary): a
 * correction that cannot be applied refuses the completion (400) and nothing changes.
 */
@Component
class CorrectOrderLinesDelegate implements JavaDelegate {

    private final OrderCorrections corrections;

    CorrectOrderLinesDelegate(OrderCorrections corrections) {
        this.corrections = corrections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication who = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Object text = execution.getVariable(OrderToCashProcess.Variables.LINE_CORRECTIONS);
        try {
            corrections.apply(ProcessVariables.orderId(execution), text == null ? null : text.toString(),
                    who == null ? "the order desk" : who.getUserId());
        } catch (InvalidCorrection refused) {
            throw new FormFieldValidationException(OrderToCashProcess.Variables.LINE_CORRECTIONS, refused.getMessage());
        }
    }
}
