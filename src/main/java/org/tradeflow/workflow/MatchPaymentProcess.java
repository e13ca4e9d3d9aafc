package org.tradeflow.workflow;

/** The contract of processes/match-payment.bpmn: its key and variables. */
final class MatchPaymentProcess {

    static final String PROCESS_KEY = "match-payment";
    /** The bank statement entry to match; the business key is {@code BANK-<entryId>}. */
    static final String ENTRY_ID = "bankStatementEntryId";
    /** What finance reads, as plain text (display only; the form cannot set them). */
    static final String AMOUNT = "paymentAmount";
    static final String VALUE_DATE = "paymentValueDate";
    static final String PAYER = "payerName";
    static final String REMITTANCE = "remittanceText";
    /** Where the credit is on which statement, and why the import could not match it. */
    static final String SUMMARY = "paymentSummary";
    /** The form's inputs besides the decision ({@code matchDecision}) and {@code decisionComment}. */
    static final String ACCOUNT_CODE = "accountCode";
    static final String INVOICE_NUMBER = "invoiceNumber";

    private MatchPaymentProcess() {
    }

    static String businessKey(long entryId) {
        return "BANK-" + entryId;
    }
}
