package org.tradeflow.receivables;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.Account;
import org.tradeflow.account.AccountRepository;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.invoicing.Invoice;
import org.tradeflow.invoicing.InvoiceDocuments;
import org.tradeflow.receivables.StatementOfAccount.Ageing;
import org.tradeflow.receivables.StatementOfAccount.Entry;
import org.tradeflow.receivables.StatementOfAccount.Kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Statements of account, from the account's invoices and credit notes (invoicing) and its payments (here). */
@Service
public class Statements {

    /** The longest period one statement covers. */
    static final int MAX_YEARS = 10;

    private final AccountRepository accounts;
    private final InvoiceDocuments invoices;
    private final PaymentRepository payments;

    Statements(AccountRepository accounts, InvoiceDocuments invoices, PaymentRepository payments) {
        this.accounts = accounts;
        this.invoices = invoices;
        this.payments = payments;
    }

    /** The day's movements in this order: invoices, credit notes, then payments, then the discounts those took. */
    private record Movement(LocalDate date, Kind kind, String document, String description, BigDecimal debit,
                            BigDecimal credit, LocalDate dueOn) {
    }

    @Transactional(readOnly = true)
    public StatementOfAccount statement(String accountCode, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new InvalidInput("from", "the period starts (" + from + ") after it ends (" + to + ")");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw new InvalidInput("from", "a statement covers at most " + MAX_YEARS + " years");
        }
        Account account = accounts.findByCode(accountCode)
                .orElseThrow(() -> new InvalidInput("accountCode", "unknown account '" + accountCode + "'"));
        List<Invoice> issued = invoices.issuedUpTo(account.getId(), to);
        List<Payment> paid = payments.valuedUpTo(account.getId(), to);

        List<Movement> movements = new ArrayList<>();
        Map<Long, String> numbers = new HashMap<>();
        Map<Long, BigDecimal> settledByInvoice = new HashMap<>();
        BigDecimal unapplied = BigDecimal.ZERO;
        for (Invoice invoice : issued) {
            numbers.put(invoice.getId(), invoice.getInvoiceNumber());
            if (!invoice.isCreditNote()) {
                movements.add(new Movement(invoice.getIssuedOn(), Kind.INVOICE, invoice.getInvoiceNumber(),
                        invoice.getOrderNumber() == null ? "Opening balance" : "Order " + invoice.getOrderNumber()
                                + " (PO " + invoice.getOrder().getCustomerPoNumber() + ")",
                        invoice.getGrossTotal(), BigDecimal.ZERO, invoice.getDueOn()));
            }
        }
        for (Invoice note : issued) {
            if (!note.isCreditNote()) {
                continue;
            }
            movements.add(new Movement(note.getIssuedOn(), Kind.CREDIT_NOTE, note.getInvoiceNumber(), "Credit for "
                    + note.getCreditedInvoice().getInvoiceNumber() + ": " + note.getCreditReason(), BigDecimal.ZERO, note.getGrossTotal(), null));
            BigDecimal applied = BigDecimal.ZERO;
            for (Invoice.CreditApplication application : note.getApplications()) {
                if (!application.appliedOn().isAfter(to) && numbers.containsKey(application.invoiceId())) {
                    settledByInvoice.merge(application.invoiceId(), application.amount(), BigDecimal::add);
                    applied = applied.add(application.amount());
                }
            }
            unapplied = unapplied.add(note.getGrossTotal().subtract(applied));
        }
        for (Payment payment : paid) {
            movements.add(new Movement(payment.getValueDate(), Kind.PAYMENT, payment.getReference(), "Payment received",
                    BigDecimal.ZERO, payment.getAmount(), null));
            BigDecimal applied = BigDecimal.ZERO;
            for (Payment.Allocation allocation : payment.getAllocations()) {
                if (!numbers.containsKey(allocation.invoiceId())) {
                    continue; // applied to an invoice issued after the period: on its last day, still credit
                }
                settledByInvoice.merge(allocation.invoiceId(), allocation.amount().add(allocation.discount()), BigDecimal::add);
                applied = applied.add(allocation.amount());
                if (allocation.discount().signum() > 0) {
                    movements.add(new Movement(payment.getValueDate(), Kind.DISCOUNT, payment.getReference(),
                            "Early-payment discount on " + numbers.get(allocation.invoiceId()),
                            BigDecimal.ZERO, allocation.discount(), null));
                }
            }
            BigDecimal refunded = BigDecimal.ZERO;
            for (Payment.Refund refund : payment.getRefunds()) {
                if (!refund.refundedOn().isAfter(to)) {
                    movements.add(new Movement(refund.refundedOn(), Kind.REFUND, refund.reference(), "Credit refunded",
                            refund.amount(), BigDecimal.ZERO, null));
                    refunded = refunded.add(refund.amount());
                }
            }
            unapplied = unapplied.add(payment.getAmount().subtract(applied).subtract(refunded));
        }
        movements.sort(Comparator.comparing(Movement::date).thenComparing(Movement::kind));

        BigDecimal opening = BigDecimal.ZERO;
        BigDecimal balance = BigDecimal.ZERO;
        List<Entry> entries = new ArrayList<>();
        for (Movement movement : movements) {
            balance = balance.add(movement.debit()).subtract(movement.credit());
            if (movement.date().isBefore(from)) {
                opening = balance;
            } else {
                entries.add(new Entry(movement.date(), movement.kind(), movement.document(), movement.description(),
                        movement.debit(), movement.credit(), balance, movement.dueOn()));
            }
        }
        return new StatementOfAccount(account.getCode(), account.getName(), account.getCurrency(), from, to, opening, entries,
                balance, ageing(issued, settledByInvoice, unapplied, to));
    }

    /** Each invoice's unpaid part on the last day (what payments valued by then settled of it), by days past due. */
    private static Ageing ageing(List<Invoice> issued, Map<Long, BigDecimal> settledByInvoice, BigDecimal unapplied, LocalDate on) {
        BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Invoice invoice : issued) {
            if (invoice.isCreditNote()) {
                continue; // its credit is in what it settled and in the unapplied credit
            }
            BigDecimal unpaid = invoice.getGrossTotal().subtract(settledByInvoice.getOrDefault(invoice.getId(), BigDecimal.ZERO));
            if (unpaid.signum() <= 0) {
                continue;
            }
            long daysPastDue = ChronoUnit.DAYS.between(invoice.getDueOn(), on);
            int bucket = daysPastDue <= 0 ? 0 : daysPastDue <= 30 ? 1 : daysPastDue <= 60 ? 2 : daysPastDue <= 90 ? 3 : 4;
            buckets[bucket] = buckets[bucket].add(unpaid);
        }
        return new Ageing(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4], unapplied);
    }
}
