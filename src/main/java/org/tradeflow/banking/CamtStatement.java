package org.tradeflow.banking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What a camt.053 bank-to-customer statement says, as far as matching incoming payments needs it. */
record CamtStatement(String messageId, String statementId, String accountIban, List<Entry> entries) {

    /**
     * One booked entry ({@code Ntry}), numbered from 1 in document order. {@code remittance} holds the unstructured
     * lines and the structured creditor references, where customers put invoice numbers.
     */
    record Entry(int index, boolean credit, String status, BigDecimal amount, String currency, LocalDate bookingDate,
                 LocalDate valueDate, String bankReference, String endToEndId, List<String> remittance, String debtorName,
                 String debtorIban) {

        boolean bookedCredit() {
            return credit && "BOOK".equals(status);
        }

        /** The bank's own reference of the credit identifies it for good; the payer's end-to-end id is the fallback. */
        String reference() {
            if (bankReference != null) {
                return bankReference;
            }
            return endToEndId == null || "NOTPROVIDED".equals(endToEndId) ? null : endToEndId;
        }

        /** The entry's place in the document, for messages about it. */
        String path() {
            return "Document/BkToCstmrStmt/Stmt/Ntry[" + index + "]";
        }
    }
}
