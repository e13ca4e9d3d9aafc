package org.tradeflow.returns;

/** What returns need from the process engine; implemented in {@code workflow}, joining the caller's transaction. */
public interface ReturnWorkflow {

    /** Starts processes/return-authorisation.bpmn: approval when the table asks for it, else the RMA at once. */
    void start(Returns.Briefing request);

    /** All authorised goods are back: the process goes on to inspection or credit without waiting out the receipt period. */
    void goodsBack(long returnId);

    /** The inspection was recorded line by line: the waiting inspection task is done. */
    void inspected(long returnId);
}
