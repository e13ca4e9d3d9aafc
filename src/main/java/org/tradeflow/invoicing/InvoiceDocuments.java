package org.tradeflow.invoicing;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.order.OrderDocuments;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.OrderView;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The order's invoices as the order view shows them, and what the credit check and receivables need of invoices. */
@Component
public class InvoiceDocuments implements OrderDocuments.Invoices {

    private final InvoiceRepository invoices;
    private final Clock clock;

    InvoiceDocuments(InvoiceRepository invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    /** An invoice or credit note as the API shows it, by its number (EDI writes its 810 from this view). */
    @Transactional(readOnly = true)
    public Optional<InvoiceView> view(String invoiceNumber) {
        return invoices.findByInvoiceNumber(invoiceNumber).flatMap(found -> invoices.findWithLines(found.getId()))
                .map(invoice -> InvoiceView.of(invoice, LocalDate.now(clock)));
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrderView.Invoice> ofOrder(long orderId) {
        return invoices.findWithShipmentByOrderId(orderId).stream().map(i -> new OrderView.Invoice(i.getInvoiceNumber(),
                i.getShipmentNumber(), i.getNetTotal(), i.getCurrency(),
                i.getIssuedOn(), i.getDueOn(), i.getStatus().name())).toList();
    }

    /** What is invoiced already of the account's open orders, except one (credit counts the rest of them). */
    @Transactional(readOnly = true)
    public BigDecimal invoicedOnOpenOrders(long accountId, long exceptOrderId) {
        return invoices.invoicedOnOpenOrders(accountId, exceptOrderId, OrderStatus.OPEN);
    }

    /** The account's unpaid invoices, oldest due first, locked for the payment being applied in this transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Invoice> lockUnpaid(long accountId) {
        return invoices.lockUnpaid(accountId);
    }

    @Transactional(readOnly = true)
    public boolean allPaid(long orderId) {
        return invoices.allPaid(orderId);
    }

    /** Whether anything the account owes is past its due date. */
    @Transactional(readOnly = true)
    public boolean anyOverdue(long accountId, LocalDate today) {
        return invoices.anyOverdue(accountId, today);
    }

    /**
     * Whether anything the account owes is past its due date, leaving out some invoices (disputed ones, which the
     * customer is not asked to pay while the dispute is open).
     */
    @Transactional(readOnly = true)
    public boolean anyOverdueExcept(long accountId, LocalDate today, Collection<Long> invoiceIds) {
        return invoiceIds.isEmpty() ? invoices.anyOverdue(accountId, today) : invoices.anyOverdueExcept(accountId, today, invoiceIds);
    }

    /** Up to {@code limit} ids of invoices not paid in full past their due date, in id order after {@code afterId}. */
    @Transactional(readOnly = true)
    public List<Long> overdueIds(LocalDate today, long afterId, int limit) {
        return invoices.overdueIds(today, afterId, PageRequest.of(0, limit));
    }

    /**
     * The invoice, locked until this transaction ends; empty when it does not exist or another transaction holds it
     * (a payment being applied, another server's dunning run), which then is not waited for.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Invoice> lockUnlessLocked(long invoiceId) {
        return invoices.lockUnlessLocked(invoiceId);
    }

    /** One invoice or credit note, with its account. */
    @Transactional(readOnly = true)
    public Invoice get(long invoiceId) {
        return invoices.findById(invoiceId).orElseThrow(() -> new InvoiceNotFound(invoiceId));
    }

    /** The account's invoices issued on or before a day, oldest first: what a statement of account lists. */
    @Transactional(readOnly = true)
    public List<Invoice> issuedUpTo(long accountId, LocalDate upTo) {
        return invoices.issuedUpTo(accountId, upTo);
    }

    /** Invoices by id (a payment's, to show what it settled). */
    @Transactional(readOnly = true)
    public Map<Long, Invoice> byId(Collection<Long> invoiceIds) {
        return invoices.findAllById(invoiceIds).stream().collect(Collectors.toMap(Invoice::getId, Function.identity()));
    }

    /** What the account owes on its unpaid invoices. */
    @Transactional(readOnly = true)
    public BigDecimal openInvoiceTotal(long accountId) {
        return invoices.openTotal(accountId);
    }

    /** The account's credit notes with credit left, oldest first, locked for the credit applied in this transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Invoice> lockOpenCreditNotes(long accountId) {
        return invoices.lockOpenCreditNotes(accountId);
    }

    /** Applies what is left of a credit note to an invoice of its account, as far as both go; returns the amount. */
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal applyCredit(Invoice creditNote, Invoice invoice, LocalDate on) {
        return creditNote.applyTo(invoice, on);
    }

    /** The credit left on the account's credit notes: like unapplied payments, it lowers the credit exposure. */
    @Transactional(readOnly = true)
    public BigDecimal openCreditNoteTotal(long accountId) {
        return invoices.openCreditNoteTotal(accountId);
    }

    /**
     * An unpaid invoice as a bank credit may pay it, read as values (not the entity), so that the payment that books
     * it locks and reads it afresh. {@code cashToSettle} settles it on the value date it was read for, discount taken.
     */
    public record Payable(long invoiceId, String invoiceNumber, String accountCode, String accountName, String currency,
                          BigDecimal amountDue, BigDecimal cashToSettle) {
    }

    /** The unpaid invoices among these numbers (credit notes and paid invoices are left out). */
    @Transactional(readOnly = true)
    public List<Payable> payableByNumber(Collection<String> invoiceNumbers, LocalDate valueDate) {
        return invoiceNumbers.isEmpty() ? List.of()
                : invoices.payableByNumber(invoiceNumbers).stream().map(row -> row.on(valueDate)).toList();
    }

    /** The unpaid invoices in a currency that this amount settles on the value date: in full, or less their discount. */
    @Transactional(readOnly = true)
    public List<Payable> payableFor(String currency, BigDecimal amount, LocalDate valueDate) {
        Map<Long, Payable> found = new java.util.LinkedHashMap<>();
        invoices.payableOwing(currency, amount).forEach(row -> found.put(row.invoiceId(), row.on(valueDate)));
        invoices.payableWithDiscountOn(currency, valueDate).stream().map(row -> row.on(valueDate))
                .filter(payable -> payable.cashToSettle().compareTo(amount) == 0)
                .forEach(payable -> found.putIfAbsent(payable.invoiceId(), payable));
        return List.copyOf(found.values());
    }
}
