package org.tradeflow.dunning;

/** What dunning needs from the process engine; implemented in {@code workflow}, joining the caller's transaction. */
public interface DunningWorkflow {

    /** Asks finance to call the customer about an invoice at its last level (processes/dunning.bpmn). */
    void callCustomer(CallBriefing call);

    /** Ends the call an invoice waits for, if any: it was paid or disputed. */
    void stop(String invoiceNumber);

    /** What finance reads on the task. */
    record CallBriefing(long invoiceId, String invoiceNumber, int level, String summary) {
    }
}
