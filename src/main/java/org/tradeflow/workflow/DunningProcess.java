package org.tradeflow.workflow;

/** The contract of processes/dunning.bpmn: its key, message and variables. */
final class DunningProcess {

    static final String PROCESS_KEY = "dunning";
    /** The invoice was paid in full or disputed: the call is no longer needed. */
    static final String MESSAGE_DUNNING_STOPPED = "DunningStopped";
    static final String INVOICE_ID = "invoiceId";
    static final String INVOICE_NUMBER = "invoiceNumber";
    /** What finance reads before calling, as plain text (display only; the form cannot set it). */
    static final String SUMMARY = "callSummary";

    private DunningProcess() {
    }
}
