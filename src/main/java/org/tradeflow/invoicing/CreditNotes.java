package org.tradeflow.invoicing;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderLine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Issues credit notes: in their own gap-free series (CRN), each correcting one invoice, once per source (a return's
 * RMA, an approved price correction) however often it is asked for. Applying the credit is receivables' business:
 * it hears of each credit note through {@link CreditNoteIssued}.
 */
@Service
public class CreditNotes {

    private final InvoiceRepository invoices;
    private final DocumentNumbers numbers;
    private final OrderLifecycle orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreditNotes(InvoiceRepository invoices, DocumentNumbers numbers, OrderLifecycle orders, ApplicationEventPublisher events,
                Clock clock) {
        this.invoices = invoices;
        this.numbers = numbers;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What to credit of one order line billed on the credited invoice: a quantity at a unit price, less an
     * allowance kept back (null for none).
     */
    public record Credit(long orderLineId, int quantity, BigDecimal unitPrice, BigDecimal allowance, String allowanceReason) {
    }

    /** The credit note this source issued, if it did. */
    @Transactional(readOnly = true)
    public Optional<Invoice> issuedFor(String sourceReference) {
        return invoices.findByDocumentTypeAndSourceReference(DocumentType.CREDIT_NOTE, sourceReference);
    }

    /** An invoice as a credit note sees it: which one, and the unit price it charged per order line. */
    public record Billed(long invoiceId, String invoiceNumber, Map<Long, BigDecimal> unitPrices) {
    }

    /** The invoice that billed a shipment, once it is issued. */
    @Transactional(readOnly = true)
    public Optional<Billed> invoiceOf(long shipmentId) {
        return invoices.findInvoiceOfShipment(shipmentId).map(invoice -> new Billed(invoice.getId(), invoice.getInvoiceNumber(),
                invoice.getLines().stream().collect(Collectors.toMap(line -> line.getOrderLine().getId(), InvoiceLine::getUnitPrice, (first, same) -> first))));
    }

    /** Issues the credit note for a source, or returns the one it issued before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Invoice issue(long creditedInvoiceId, String sourceReference, String reason, List<Credit> credits) {
        Optional<Invoice> earlier = issuedFor(sourceReference);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Invoice credited = invoices.findWithLines(creditedInvoiceId).orElseThrow(() -> new InvoiceNotFound(creditedInvoiceId));
        if (credited.isCreditNote()) {
            throw new IllegalArgumentException(credited.getInvoiceNumber() + " is a credit note; credit notes correct invoices");
        }
        List<Invoice.CreditLine> lines = credits.stream().map(credit -> new Invoice.CreditLine(orderLine(credited, credit.orderLineId()),
                credit.quantity(), credit.unitPrice(), credit.allowance(), credit.allowanceReason())).toList();
        Invoice note = Invoice.creditNote(credited, sourceReference, reason, lines, LocalDate.now(clock));
        // numbered last: the series' counter row stays locked from here until this transaction commits
        note.number(numbers.next(DocumentNumbers.CREDIT_NOTES, note.getIssuedOn().getYear()));
        invoices.save(note);
        if (note.getOrder() != null) {
            orders.note(note.getOrder().getId(), "CREDIT_NOTE_ISSUED", note.getInvoiceNumber() + " for " + credited.getInvoiceNumber()
                    + ": " + note.getGrossTotal().toPlainString() + " " + note.getCurrency() + " gross, " + reason);
        }
        events.publishEvent(new CreditNoteIssued(note.getInvoiceNumber(), credited.getInvoiceNumber(),
                note.getAccount().getCode(), note.getGrossTotal(), note.getCurrency(), sourceReference));
        return note;
    }

    private static OrderLine orderLine(Invoice credited, long orderLineId) {
        return credited.billedLine(orderLineId).map(InvoiceLine::getOrderLine)
                .orElseThrow(() -> new IllegalArgumentException(credited.getInvoiceNumber() + " did not bill order line " + orderLineId));
    }
}
