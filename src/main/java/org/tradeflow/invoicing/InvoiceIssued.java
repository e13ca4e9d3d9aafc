package org.tradeflow.invoicing;

import org.tradeflow.integration.ExternalEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice was issued for a shipment; published in the invoicing transaction. */
public record InvoiceIssued(String invoiceNumber, String orderNumber, String shipmentNumber, String accountCode,
                            BigDecimal netTotal, String currency, LocalDate dueOn) implements ExternalEvent {

    @Override
    public String eventType() {
        return "InvoiceIssued";
    }

    @Override
    public String aggregateId() {
        return invoiceNumber;
    }
}
