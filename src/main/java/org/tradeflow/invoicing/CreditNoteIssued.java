package org.tradeflow.invoicing;

import org.tradeflow.integration.ExternalEvent;

import java.math.BigDecimal;

/** A credit note was issued for an invoice; published in its transaction. Its credit is not applied yet. */
public record CreditNoteIssued(String creditNoteNumber, String creditedInvoiceNumber, String accountCode,
                               BigDecimal grossTotal, String currency, String sourceReference) implements ExternalEvent {

    @Override
    public String eventType() {
        return "CreditNoteIssued";
    }

    @Override
    public String aggregateId() {
        return creditNoteNumber;
    }
}
