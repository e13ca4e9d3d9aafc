package org.tradeflow.credit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
 * its other open orders + this order, measured against the account's credit limit.
 */
@Service
@Transactional
public class CreditService {

    private final OrderLifecycle orders;
    private final OrderQueries orderQueries;
    private final InvoiceDocuments invoices;
    private final PaymentService payments;

    CreditService(OrderLifecycle orders, OrderQueries orderQueries, InvoiceDocuments invoices, PaymentService payments) {
        this.orders = orders;
        this.orderQueries = orderQueries;
        this.invoices = invoices;
        this.payments = payments;
    }

    /** Checks the order against its account's credit limit and records the outcome (a hold when it is over). */
    public CreditCheck check(long orderId) {
        CreditCheck check = position(orderId);
        if (check.withinLimit()) {
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
                order.getAccount().getCreditLimit(), order.getCurrency());
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

    /** {@code otherExposure}: open invoices and the account's other open orders; {@code exposure} adds this order. */
    public record CreditCheck(BigDecimal otherExposure, BigDecimal orderValue, BigDecimal limit, String currency) {

        public BigDecimal exposure() {
            return otherExposure.add(orderValue);
        }

        public boolean withinLimit() {
            return exposure().compareTo(limit) <= 0;
        }

        String describe() {
            return "Exposure " + exposure().toPlainString() + " " + currency + (withinLimit() ? " within" : " exceeds")
                    + " the credit limit of " + limit.toPlainString() + " " + currency;
        }
    }
}
