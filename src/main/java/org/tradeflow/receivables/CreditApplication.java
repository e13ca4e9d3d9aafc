package org.tradeflow.receivables;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tradeflow.account.Account;
import org.tradeflow.account.AccountRepository;
import org.tradeflow.invoicing.CreditNoteIssued;
import org.tradeflow.invoicing.Invoice;
import org.tradeflow.invoicing.InvoiceDocuments;
import org.tradeflow.invoicing.InvoiceIssued;
import org.tradeflow.order.OrderLifecycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Credit never waits while the same account owes: a new credit note settles the invoice it corrects first, then the
 * oldest due; a new invoice is settled with what credit the account has (credit notes first, then payments not yet
 * applied, oldest first). Runs after the issuing transaction commits, from the event publication registry, so a
 * crash only delays it; applying what is already applied finds nothing left to apply.
 */
@Component
class CreditApplication {

    private final AccountRepository accounts;
    private final InvoiceDocuments invoices;
    private final PaymentRepository payments;
    private final OrderLifecycle orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreditApplication(AccountRepository accounts, InvoiceDocuments invoices, PaymentRepository payments, OrderLifecycle orders,
                      ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.payments = payments;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = "credit-application/credit-note-issued")
    void creditNoteIssued(CreditNoteIssued issued) {
        apply(issued.accountCode(), issued.creditedInvoiceNumber());
    }

    @ApplicationModuleListener(id = "credit-application/invoice-issued")
    void invoiceIssued(InvoiceIssued issued) {
        apply(issued.accountCode(), null);
    }

    /** Settles the account's unpaid invoices (the preferred one first) with its credit, as far as it goes. */
    void apply(String accountCode, String preferredInvoiceNumber) {
        Account account = accounts.findByCode(accountCode).orElseThrow();
        // locked in the order a payment locks them: the invoices, then the credit
        List<Invoice> unpaid = new ArrayList<>(invoices.lockUnpaid(account.getId()));
        if (unpaid.isEmpty()) {
            return;
        }
        unpaid.sort(Comparator.comparing((Invoice invoice) -> !invoice.getInvoiceNumber().equals(preferredInvoiceNumber)));
        Iterator<Invoice> creditNotes = invoices.lockOpenCreditNotes(account.getId()).iterator();
        Iterator<Payment> unapplied = payments.lockWithUnapplied(account.getId()).iterator();
        LocalDate today = LocalDate.now(clock);
        Set<Invoice> settled = new LinkedHashSet<>();
        Invoice note = next(creditNotes);
        Payment payment = next(unapplied);
        for (Invoice invoice : unpaid) {
            while (invoice.getAmountDue().signum() > 0 && (note != null || payment != null)) {
                if (note != null) {
                    BigDecimal amount = invoices.applyCredit(note, invoice, today);
                    orderNote(invoice, "Credit note " + note.getInvoiceNumber() + " applied: " + amount.toPlainString() + " " + invoice.getCurrency());
                    if (note.getAmountDue().signum() == 0) {
                        note = next(creditNotes);
                    }
                } else {
                    BigDecimal amount = payment.getUnapplied().min(invoice.getAmountDue());
                    invoice.settle(amount, BigDecimal.ZERO);
                    payment.allocate(invoice.getId(), amount, BigDecimal.ZERO);
                    orderNote(invoice, "Credit of payment " + payment.getReference() + " applied: " + amount.toPlainString() + " " + invoice.getCurrency());
                    if (payment.getUnapplied().signum() == 0) {
                        payment = next(unapplied);
                    }
                }
                settled.add(invoice);
            }
        }
        if (settled.isEmpty()) {
            return;
        }
        settled.stream().filter(invoice -> invoice.getOrder() != null).map(invoice -> invoice.getOrder().getId()).distinct()
                .filter(invoices::allPaid).forEach(orderId -> orders.paidIfInvoiced(orderId, "Every invoice is paid"));
        events.publishEvent(new CreditApplied(accountCode, settled.stream().map(Invoice::getInvoiceNumber).toList()));
    }

    private void orderNote(Invoice invoice, String what) {
        if (invoice.getOrder() != null) {
            orders.note(invoice.getOrder().getId(), "CREDIT_APPLIED", invoice.getInvoiceNumber() + ": " + what);
        }
    }

    private static <T> T next(Iterator<T> credit) {
        return credit.hasNext() ? credit.next() : null;
    }
}
