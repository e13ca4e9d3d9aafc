package org.tradeflow.invoicing;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An invoice as the API shows it, read in a transaction of its own: a PDF of thousands of lines then renders after
 * the database connection is back in the pool, not while holding it.
 */
@Component
class InvoiceViews {

    private final InvoiceRepository invoices;

    InvoiceViews(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    @Transactional(readOnly = true)
    InvoiceView byId(long id) {
        return InvoiceView.of(invoices.findWithLines(id).orElseThrow(() -> new InvoiceNotFound(id)));
    }
}
