package org.tradeflow.banking;

/** What bank statements need from the process engine; implemented in {@code workflow}, joining the caller's transaction. */
public interface MatchPaymentWorkflow {

    /** Asks finance to match a credit the import could not (processes/match-payment.bpmn). */
    void start(BankStatements.UnmatchedCredit credit);
}
