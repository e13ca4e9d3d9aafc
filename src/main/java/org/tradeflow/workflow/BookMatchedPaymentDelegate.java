package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;
import org.tradeflow.banking.BankStatements;
import org.tradeflow.business.BusinessException;

/**
 * Carries out finance's decision on an unmatched credit in the command that completed the task: MATCH books the
 * payment for the account (and invoice) given, IGNORE sets it aside with the reason. A refusal (an unknown account,
 * another account's invoice) fails the completion with its message, and the task stays.
 */
@Component
class BookMatchedPaymentDelegate implements JavaDelegate {

    private final BankStatements statements;

    BookMatchedPaymentDelegate(BankStatements statements) {
        this.statements = statements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long entryId = ((Number) execution.getVariable(MatchPaymentProcess.ENTRY_ID)).longValue();
        String decidedBy = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
        Object comment = execution.getVariable(OrderToCashProcess.Variables.DECISION_COMMENT);
        String decision = String.valueOf(execution.getVariable(OrderToCashProcess.UserTask.UserTaskMatchPayment.decisionVariable().orElseThrow()));
        try {
            if (OrderToCashProcess.UserTask.UserTaskMatchPayment.goAhead().equals(decision)) {
                statements.matchByHand(entryId, text(execution, MatchPaymentProcess.ACCOUNT_CODE),
                        text(execution, MatchPaymentProcess.INVOICE_NUMBER), decidedBy, comment == null ? null : comment.toString());
            } else {
                statements.ignore(entryId, decidedBy, comment == null ? null : comment.toString());
            }
        } catch (BusinessException refused) {
            // the person can correct it: said as a refused form field, which both task APIs answer 400 with the message
            throw new FormFieldValidationException(refused.errors().isEmpty() ? "decision" : refused.errors().get(0).field(),
                    refused.getMessage());
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
