package org.tradeflow.invoicing;

/** What price corrections need from the process engine; implemented in {@code workflow}, joining the caller's transaction. */
public interface PriceCorrectionWorkflow {

    /** Asks a sales manager to decide the correction (processes/price-correction.bpmn). */
    void start(PriceCorrections.Briefing correction);
}
