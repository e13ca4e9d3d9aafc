package org.tradeflow.credit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.account.Account;
import org.tradeflow.account.AccountRepository;
import org.tradeflow.account.CreditLimitChanged;
import org.tradeflow.dunning.DunningBlocks;
import org.tradeflow.dunning.InvoiceDisputed;
import org.tradeflow.invoicing.CreditNoteIssued;
import org.tradeflow.invoicing.InvoiceDocuments;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderQueries;
import org.tradeflow.order.OrderQueries.HeldOrder;
import org.tradeflow.order.OrderWorkflow;
import org.tradeflow.receivables.CreditApplied;
import org.tradeflow.receivables.PaymentReceived;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * When a payment arrives, credit is issued or applied, or the credit limit is raised, the account's orders on credit
 * hold are checked again, in the order they are released (highest allocation priority, then oldest): each that now fits within the limit goes
 * on by message, and its finance task disappears. The first that does not fit stops the round, so a smaller order
 * never overtakes one before it. Nothing is released while the account has overdue invoices (a disputed one does not
 * count: the customer is not asked to pay it meanwhile) or while its dunning holds its orders; a payment that settles
 * the invoice dunning held them for, or a dispute of it, releases them.
 * <p>
 * The events come from the publication registry: a crash before every release is through delivers them again, and a
 * release already through finds no task waiting the second time.
 */
@Component
class CreditHoldRelease {

    private static final Logger log = LoggerFactory.getLogger(CreditHoldRelease.class);

    private final AccountRepository accounts;
    private final CreditService credit;
    private final OrderQueries orderQueries;
    private final InvoiceDocuments invoices;
    private final OrderWorkflow workflow;
    private final OrderLifecycle orders;
    private final DunningBlocks dunning;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    CreditHoldRelease(AccountRepository accounts, CreditService credit, OrderQueries orderQueries, InvoiceDocuments invoices,
                      OrderWorkflow workflow, OrderLifecycle orders, DunningBlocks dunning, Clock clock,
                      PlatformTransactionManager transactions) {
        this.accounts = accounts;
        this.credit = credit;
        this.orderQueries = orderQueries;
        this.invoices = invoices;
        this.workflow = workflow;
        this.orders = orders;
        this.dunning = dunning;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener(id = "credit-hold-release/payment-received")
    void paymentReceived(PaymentReceived payment) {
        release(payment.accountCode(), "Payment " + payment.reference() + " of " + payment.amount().toPlainString() + " "
                + payment.currency() + " received");
    }

    @ApplicationModuleListener(id = "credit-hold-release/credit-note-issued")
    void creditNoteIssued(CreditNoteIssued note) {
        release(note.accountCode(), "Credit note " + note.creditNoteNumber() + " of " + note.grossTotal().toPlainString() + " "
                + note.currency() + " issued");
    }

    /** Credit that settled overdue invoices can lift a hold the exposure alone did not. */
    @ApplicationModuleListener(id = "credit-hold-release/credit-applied")
    void creditApplied(CreditApplied applied) {
        release(applied.accountCode(), "Credit applied to " + String.join(", ", applied.invoiceNumbers()));
    }

    @ApplicationModuleListener(id = "credit-hold-release/credit-limit-changed")
    void creditLimitChanged(CreditLimitChanged changed) {
        if (changed.newLimit().compareTo(changed.oldLimit()) > 0) {
            release(changed.accountCode(), "Credit limit raised to " + changed.newLimit().toPlainString() + " by " + changed.by());
        }
    }

    /** A disputed invoice no longer holds the account's orders. */
    @ApplicationModuleListener(id = "credit-hold-release/invoice-disputed")
    void invoiceDisputed(InvoiceDisputed disputed) {
        if (disputed.open()) {
            release(disputed.accountCode(), "Invoice " + disputed.invoiceNumber() + " disputed (" + disputed.by() + ")");
        }
    }

    private void release(String accountCode, String why) {
        Account account = accounts.findByCode(accountCode).orElseThrow();
        List<HeldOrder> held = orderQueries.heldForCredit(account.getId());
        if (held.isEmpty()) {
            return;
        }
        if (invoices.anyOverdueExcept(account.getId(), LocalDate.now(clock), dunning.disputedInvoiceIds(accountCode))) {
            log.info("{}: {} orders stay on credit hold, the account has overdue invoices", accountCode, held.size());
            return;
        }
        if (dunning.holdReason(accountCode).isPresent()) {
            log.info("{}: {} orders stay on credit hold, dunning holds them", accountCode, held.size());
            return;
        }
        BigDecimal exposure = credit.exposureWithout(account.getId(), CreditService.NO_ORDER)
                .subtract(held.stream().map(HeldOrder::netTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
        for (HeldOrder order : held) {
            BigDecimal withOrder = exposure.add(order.netTotal());
            if (withOrder.compareTo(account.getCreditLimit()) > 0) {
                return;
            }
            exposure = withOrder;
            String detail = why + ": exposure " + withOrder.toPlainString() + " " + account.getCurrency()
                    + " within the credit limit of " + account.getCreditLimit().toPlainString();
            ownTransaction.executeWithoutResult(status -> {
                if (workflow.creditRestored(order.orderNumber())) {
                    orders.noteByNumber(order.orderNumber(), "CREDIT_RELEASED", detail);
                }
            });
        }
    }
}
