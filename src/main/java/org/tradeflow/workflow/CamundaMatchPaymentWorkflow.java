package org.tradeflow.workflow;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.tradeflow.banking.BankStatements;
import org.tradeflow.banking.MatchPaymentWorkflow;

/** Starts finance's Match payment task for a credit the statement import could not match, in the import's transaction. */
@Component
class CamundaMatchPaymentWorkflow implements MatchPaymentWorkflow {

    private final RuntimeService runtime;

    CamundaMatchPaymentWorkflow(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void start(BankStatements.UnmatchedCredit credit) {
        String summary = "Line " + credit.lineNo() + " of statement **" + credit.statementId() + "**: " + credit.why();
        ProcessOriginPlugin.forAnAcceptedRequest(() -> runtime.startProcessInstanceByKey(MatchPaymentProcess.PROCESS_KEY,
                MatchPaymentProcess.businessKey(credit.entryId()), Variables.putValue(MatchPaymentProcess.ENTRY_ID, credit.entryId())
                        .putValue(MatchPaymentProcess.AMOUNT, PeopleFormat.money(credit.amount(), credit.currency()))
                        .putValue(MatchPaymentProcess.VALUE_DATE, PeopleFormat.day(credit.valueDate()))
                        .putValue(MatchPaymentProcess.PAYER, credit.payerName() == null ? "not given" : credit.payerName())
                        .putValue(MatchPaymentProcess.REMITTANCE, credit.remittance() == null ? "none" : credit.remittance())
                        .putValue(MatchPaymentProcess.SUMMARY, summary)));
    }
}
