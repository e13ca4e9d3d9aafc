package org.tradeflow.invoicing;

import org.tradeflow.business.NotFound;

public class InvoiceNotFound extends NotFound {

    InvoiceNotFound(long invoiceId) {
        super("invoice.not-found", "No invoice with id " + invoiceId);
    }
}
