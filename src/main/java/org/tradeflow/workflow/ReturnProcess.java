package org.tradeflow.workflow;

/** The contract of processes/return-authorisation.bpmn: its key, message and variables. */
final class ReturnProcess {

    static final String PROCESS_KEY = "return-authorisation";
    static final String MESSAGE_GOODS_BACK = "ReturnGoodsBack";
    static final String RETURN_ID = "returnId";
    static final String APPROVAL_NEEDED = "approvalNeeded";
    static final String INSPECTION_NEEDED = "inspectionNeeded";
    /** How long the warehouse waits for the goods (an ISO 8601 duration). */
    static final String RECEIPT_PERIOD = "receiptPeriod";
    /** Set when the receipt closes: whether anything came back. */
    static final String GOODS_BACK = "goodsBack";
    /** What the approver and the inspector read, as plain text (display only; the forms cannot set it). */
    static final String SUMMARY = "returnSummary";
    static final String LINES = "returnLines";
    /** The inspection task's decision; PER_LINE: as the warehouse recorded it through the API. */
    static final String INSPECTION_OUTCOME = "inspectionOutcome";
    static final String RECORDED_PER_LINE = "PER_LINE";

    private ReturnProcess() {
    }

    static String businessKey(long returnId) {
        return "RET-" + returnId;
    }
}
