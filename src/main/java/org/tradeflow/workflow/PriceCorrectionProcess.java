package org.tradeflow.workflow;

/** The contract of processes/price-correction.bpmn: its key and variables. */
final class PriceCorrectionProcess {

    static final String PROCESS_KEY = "price-correction";
    static final String CORRECTION_ID = "priceCorrectionId";
    /** What the approver reads, as plain text (display only; the form cannot set it). */
    static final String SUMMARY = "correctionSummary";
    static final String LINES = "correctionLines";

    private PriceCorrectionProcess() {
    }
}
