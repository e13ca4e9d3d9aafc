package org.tradeflow.credit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.dunning.DunningBlocks;
import org.tradeflow.invoicing.InvoiceDocuments;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderQueries;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.receivables.PaymentService;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Credit exposure = what the account owes on its unpaid invoices − its unapplied credit (payments and credit notes
 * not applied yet) + the uninvoiced value of
 * its other open orders + this order, measured against the account's credit limit. An account whose dunning holds its
 * new orders (an unpaid invoice at a level of dunning.xlsx that blocks orders) is held whatever its exposure.
 */
@Service
@Transactional
public class CreditService {

    private final OrderLifecycle orders;
    private final OrderQueries orderQueries;
    private final InvoiceDocuments invoices;
    private final PaymentService payments;
    private final DunningBlocks dunning;

    CreditService(OrderLifecycle orders, OrderQueries orderQueries, InvoiceDocuments invoices, PaymentService payments,
                  DunningBlocks dunning) {
        this.orders = orders;
        this.orderQueries = orderQueries;
        this.invoices = invoices;
        this.payments = payments;
        this.dunning = dunning;
    }

    /**
     * Checks the order against its account's credit limit and its dunning, and records the outcome (a hold when it is
     * over the limit or dunning holds the account's orders).
     */
    public CreditCheck check(long orderId) {
        CreditCheck check = position(orderId);
        if (check.available()) {
            orders.note(orderId, "CREDIT_OK", check.describe());
        } else {
            orders.holdForCredit(orderId, check.describe());
        }
        return check;
    }

    /** The account's exposure with this order, without recording anything: what an approver looks at. */
    @Transactional(readOnly = true)
    public CreditCheck position(long orderId) {
        SalesOrder order = orders.get(orderId);
        return new CreditCheck(exposureWithout(order.getAccount().getId(), orderId), order.getNetTotal(),
                order.getAccount().getCreditLimit(), order.getCurrency(),
                dunning.holdReason(order.getAccount().getCode()).orElse(null));
    }

    /**
     * The account's exposure without one order ({@link #NO_ORDER}: with all of them): unpaid invoices are owed
     * already, unapplied credit pays for some of it, and of the open orders only what is not invoiced yet adds to it.
     */
    BigDecimal exposureWithout(long accountId, long orderId) {
        return Objects.requireNonNull(invoices.openInvoiceTotal(accountId)
                .subtract(payments.unappliedCredit(accountId))
                .subtract(invoices.openCreditNoteTotal(accountId))
                .add(orderQueries.openOrdersTotal(accountId, orderId))
                .subtract(invoices.invoicedOnOpenOrders(accountId, orderId)));
    }

    /** No order has this id: {@link #exposureWithout} counts every open order. */
    static final long NO_ORDER = -1;

    /**
     * {@code otherExposure}: open invoices and the account's other open orders; {@code exposure} adds this order.
     * {@code dunningHold}: why dunning holds the account's orders, null when it does not.
     */
    public record CreditCheck(BigDecimal otherExposure, BigDecimal orderValue, BigDecimal limit, String currency, String dunningHold) {

        public BigDecimal exposure() {
            return otherExposure.add(orderValue);
        }

        public boolean withinLimit() {
            return exposure().compareTo(limit) <= 0;
        }

        /** The order may go on: within the limit, and not held by dunning. */
        public boolean available() {
            return withinLimit() && dunningHold == null;
        }

        String describe() {
            return (dunningHold == null ? "" : dunningHold + ". ") + "Exposure " + exposure().toPlainString() + " " + currency
                    + (withinLimit() ? " within" : " exceeds") + " the credit limit of " + limit.toPlainString() + " " + currency;
        }
    }
}
