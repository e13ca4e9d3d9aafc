package org.tradeflow.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An unpaid invoice's figures as read for {@link InvoiceDocuments.Payable}: values, not the entity. */
record PayableRow(long invoiceId, String invoiceNumber, String accountCode, String accountName, String currency,
                  BigDecimal grossTotal, BigDecimal amountPaid, BigDecimal discountTaken, BigDecimal amountCredited,
                  BigDecimal discountPercent, LocalDate discountDueOn) {

    InvoiceDocuments.Payable on(LocalDate valueDate) {
        BigDecimal due = grossTotal.subtract(amountPaid).subtract(discountTaken).subtract(amountCredited);
        BigDecimal discount = Invoice.discount(grossTotal, currency, discountPercent, discountDueOn, discountTaken, valueDate);
        return new InvoiceDocuments.Payable(invoiceId, invoiceNumber, accountCode, accountName, currency, due, due.subtract(discount));
    }
}
