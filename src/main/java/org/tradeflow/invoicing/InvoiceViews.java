package org.tradeflow.invoicing;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as the API shows it, read in a transaction of its own: a PDF of thousands of lines then renders after
 * the database connection is back in the pool, not while holding it.
 */
@Component
class InvoiceViews {

    private final InvoiceRepository invoices;
    private final Clock clock;

    InvoiceViews(InvoiceRepository invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    InvoiceView byId(long id) {
        return InvoiceView.of(invoices.findWithLines(id).orElseThrow(() -> new InvoiceNotFound(id)), LocalDate.now(clock));
    }

    /** Newest first, each with its status on this day. */
    @Transactional(readOnly = true)
    List<InvoiceView.Summary> search(String accountCode, Long orderId, DocumentType documentType, InvoiceStatus status, LocalDate dueFrom, LocalDate dueTo,
                                     Pageable page) {
        LocalDate today = LocalDate.now(clock);
        return invoices.search(accountCode, orderId, documentType, status, dueFrom, dueTo, today, page).stream()
                .map(invoice -> InvoiceView.Summary.of(invoice, today)).toList();
    }
}
