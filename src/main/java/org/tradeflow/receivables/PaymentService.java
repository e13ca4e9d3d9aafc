package org.tradeflow.receivables;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.Account;
import org.tradeflow.account.AccountRepository;
import org.tradeflow.business.BusinessException.FieldError;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.intake.Idempotency;
import org.tradeflow.invoicing.Invoice;
import org.tradeflow.invoicing.InvoiceDocuments;
import org.tradeflow.order.OrderLifecycle;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Books a customer's payment against its invoices: as the payer allocated it, or oldest due first. An invoice paid
 * within its discount period takes the early-payment discount; what settles nothing stays as unapplied credit.
 * The invoices are locked while it is applied, so two payments of one account never settle the same amount twice.
 */
@Service
public class PaymentService {

    /** The scope of payment Idempotency-Keys. */
    static final String SCOPE = "payment";

    private final Idempotency idempotency;
    private final AccountRepository accounts;
    private final PaymentRepository payments;
    private final InvoiceDocuments invoices;
    private final OrderLifecycle orders;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PaymentService(Idempotency idempotency, AccountRepository accounts, PaymentRepository payments, InvoiceDocuments invoices,
                   OrderLifecycle orders, ApplicationEventPublisher events, Clock clock) {
        this.idempotency = idempotency;
        this.accounts = accounts;
        this.payments = payments;
        this.invoices = invoices;
        this.orders = orders;
        this.events = events;
        this.clock = clock;
    }

    /** A payment as the bank reported it; {@code allocations} empty to apply it oldest due first. */
    public record NewPayment(String accountCode, BigDecimal amount, String currency, LocalDate valueDate, String reference,
                             List<NewAllocation> allocations) {
    }

    public record NewAllocation(long invoiceId, BigDecimal amount) {
    }

    /** The payment booked now, or ({@code replayed}) the one the same Idempotency-Key booked before. */
    public record Booked(PaymentView payment, boolean replayed) {
    }

    @Transactional
    public Booked receive(NewPayment request, String user, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<String> earlier = idempotency.claim(SCOPE, user, idempotencyKey, fingerprint(request),
                    paymentId -> "payment " + paymentId);
            if (earlier.isPresent()) {
                return new Booked(view(payments.findById(Long.parseLong(earlier.get())).orElseThrow()), true);
            }
        }
        Account account = accounts.findByCode(request.accountCode())
                .orElseThrow(() -> new InvalidInput("accountCode", "unknown account '" + request.accountCode() + "'"));
        checkCurrency(request, account);
        payments.findByAccountIdAndReference(account.getId(), request.reference()).ifPresent(booked -> {
            throw new PaymentAlreadyBooked(request.reference(), account.getCode(), booked.getId());
        });
        Payment payment = new Payment(account, request.amount(), request.currency(), request.valueDate(),
                request.reference(), user, clock.instant());
        Map<Long, Invoice> unpaid = invoices.lockUnpaid(account.getId()).stream()
                .collect(Collectors.toMap(Invoice::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Invoice> settled = request.allocations() == null || request.allocations().isEmpty()
                ? oldestDueFirst(payment, unpaid.values())
                : asAllocated(payment, request.allocations(), unpaid, account);
        payments.save(payment); // a second booking of this reference fails here, on the account's unique key
        if (idempotencyKey != null) {
            idempotency.answered(SCOPE, user, idempotencyKey, String.valueOf(payment.getId()));
        }
        markOrdersPaid(payment, settled);
        events.publishEvent(new PaymentReceived(payment.getId(), account.getCode(), payment.getAmount(), payment.getCurrency(),
                payment.getReference(), settled.stream().map(Invoice::getInvoiceNumber).toList(), payment.getUnapplied()));
        return new Booked(view(payment), false);
    }

    /** Pays part of a payment's unapplied credit back to the customer. */
    @Transactional
    public PaymentView refund(long paymentId, BigDecimal amount, String reference, String user) {
        Payment payment = payments.lock(paymentId).orElseThrow(() -> new PaymentNotFound(paymentId));
        Amounts.tooPrecise("amount", amount, payment.getCurrency()).ifPresent(error -> {
            throw new InvalidInput(List.of(error));
        });
        payment.refund(amount, reference, LocalDate.now(clock), user);
        return view(payment);
    }

    @Transactional(readOnly = true)
    public PaymentView get(long paymentId) {
        return view(payments.findById(paymentId).orElseThrow(() -> new PaymentNotFound(paymentId)));
    }

    /**
     * The payment booked for the account under this bank reference before, if any: asked first by whoever must not
     * fail on {@link PaymentAlreadyBooked} inside a transaction of its own (a bank statement import).
     */
    @Transactional(readOnly = true)
    public Optional<Long> bookedUnder(String accountCode, String reference) {
        return accounts.findByCode(accountCode).flatMap(account -> payments.findByAccountIdAndReference(account.getId(), reference))
                .map(Payment::getId);
    }

    /** What the account has paid and not yet applied to any invoice: it lowers the credit exposure. */
    @Transactional(readOnly = true)
    public BigDecimal unappliedCredit(long accountId) {
        return payments.unappliedCredit(accountId);
    }

    private static void checkCurrency(NewPayment request, Account account) {
        if (!account.getCurrency().equals(request.currency())) {
            throw new InvalidInput("currency", "account " + account.getCode() + " is invoiced in " + account.getCurrency()
                    + ", not " + request.currency());
        }
        List<FieldError> tooPrecise = new ArrayList<>();
        Amounts.tooPrecise("amount", request.amount(), request.currency()).ifPresent(tooPrecise::add);
        List<NewAllocation> allocations = request.allocations() == null ? List.of() : request.allocations();
        for (int i = 0; i < allocations.size(); i++) {
            Amounts.tooPrecise("allocations[" + i + "].amount", allocations.get(i).amount(), request.currency())
                    .ifPresent(tooPrecise::add);
        }
        if (!tooPrecise.isEmpty()) {
            throw new InvalidInput(tooPrecise);
        }
    }

    /** The oldest due invoice first, each settled in full (less its discount, if due) while the money lasts. */
    private static List<Invoice> oldestDueFirst(Payment payment, Iterable<Invoice> unpaid) {
        List<Invoice> settled = new ArrayList<>();
        for (Invoice invoice : unpaid) {
            if (payment.getUnapplied().signum() == 0) {
                break;
            }
            apply(payment, invoice, payment.getUnapplied().min(cashToSettle(invoice, payment.getValueDate())));
            settled.add(invoice);
        }
        return settled;
    }

    private static List<Invoice> asAllocated(Payment payment, List<NewAllocation> allocations, Map<Long, Invoice> unpaid,
                                             Account account) {
        List<FieldError> errors = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < allocations.size(); i++) {
            NewAllocation allocation = allocations.get(i);
            Invoice invoice = unpaid.get(allocation.invoiceId());
            allocated = allocated.add(allocation.amount());
            if (!seen.add(allocation.invoiceId())) {
                errors.add(new FieldError("allocations[" + i + "].invoiceId", "invoice " + allocation.invoiceId() + " is allocated twice"));
            } else if (invoice == null) {
                errors.add(new FieldError("allocations[" + i + "].invoiceId", "invoice " + allocation.invoiceId()
                        + " is not an unpaid invoice of account " + account.getCode()));
            } else if (allocation.amount().compareTo(invoice.getAmountDue()) > 0) {
                errors.add(new FieldError("allocations[" + i + "].amount", Amounts.shown(allocation.amount(), payment.getCurrency()) + " is more than the "
                        + Amounts.shown(invoice.getAmountDue(), payment.getCurrency()) + " still owed on " + invoice.getInvoiceNumber()));
            }
        }
        if (allocated.compareTo(payment.getAmount()) > 0) {
            errors.add(new FieldError("allocations", "allocate " + Amounts.shown(allocated, payment.getCurrency()) + " in all, more than the payment's "
                    + Amounts.shown(payment.getAmount(), payment.getCurrency())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        List<Invoice> settled = new ArrayList<>();
        for (NewAllocation allocation : allocations) {
            Invoice invoice = unpaid.get(allocation.invoiceId());
            apply(payment, invoice, allocation.amount());
            settled.add(invoice);
        }
        return settled;
    }

    /** What pays the invoice in full on this value date: what it owes, less the early-payment discount if still granted. */
    private static BigDecimal cashToSettle(Invoice invoice, LocalDate valueDate) {
        return invoice.getAmountDue().subtract(invoice.discountFor(valueDate));
    }

    /** Cash that pays the invoice in full within the discount period takes the discount for the rest. */
    private static void apply(Payment payment, Invoice invoice, BigDecimal cash) {
        BigDecimal discount = cash.compareTo(cashToSettle(invoice, payment.getValueDate())) >= 0
                ? invoice.getAmountDue().subtract(cash) : BigDecimal.ZERO;
        invoice.settle(cash, discount);
        payment.allocate(invoice.getId(), cash, discount);
    }

    private void markOrdersPaid(Payment payment, List<Invoice> settled) {
        settled.stream().filter(invoice -> invoice.getOrder() != null).map(invoice -> invoice.getOrder().getId()).distinct()
                .forEach(orderId -> {
                    orders.note(orderId, "PAYMENT_RECEIVED", "Payment " + payment.getReference() + " of "
                            + payment.getAmount().toPlainString() + " " + payment.getCurrency() + " applied to "
                            + settled.stream().filter(i -> i.getOrder() != null && i.getOrder().getId() == orderId)
                            .map(Invoice::getInvoiceNumber).collect(Collectors.joining(", ")));
                    if (invoices.allPaid(orderId)) {
                        orders.paidIfInvoiced(orderId, "Every invoice is paid");
                    }
                });
    }

    private PaymentView view(Payment payment) {
        return PaymentView.of(payment, invoices.byId(payment.getAllocations().stream().map(Payment.Allocation::invoiceId).toList()));
    }

    private static String fingerprint(NewPayment request) {
        String canonical = request.accountCode() + "|" + request.amount().stripTrailingZeros().toPlainString() + "|"
                + request.currency() + "|" + request.valueDate() + "|" + request.reference() + "|"
                + (request.allocations() == null ? "" : request.allocations().stream()
                .map(a -> a.invoiceId() + "=" + a.amount().stripTrailingZeros().toPlainString()).collect(Collectors.joining(",")));
        return Idempotency.fingerprint(canonical.getBytes(StandardCharsets.UTF_8));
    }
}
