package org.tradeflow.credit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.invoicing.InvoiceDocuments;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderQueries;
import org.tradeflow.order.SalesOrder;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Credit exposure = open invoices + the uninvoiced value of the account's other open orders + this order,
 * measured against the account's credit limit.
 */
@Service
@Transactional
public class CreditService {

    private final OrderLifecycle orders;
    private final OrderQueries orderQueries;
    private final InvoiceDocuments invoices;

    CreditService(OrderLifecycle orders, OrderQueries orderQueries, InvoiceDocuments invoices) {
        this.orders = orders;
        this.orderQueries = orderQueries;
        this.invoices = invoices;
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
        long accountId = order.getAccount().getId();
        // open invoices are owed already; of the other open orders, only what is not invoiced yet adds to it
        BigDecimal otherExposure = invoices.openInvoiceTotal(accountId)
                .add(orderQueries.openOrdersTotal(accountId, orderId))
                .subtract(invoices.invoicedOnOpenOrders(accountId, orderId));
        return new CreditCheck(Objects.requireNonNull(otherExposure), order.getNetTotal(), order.getAccount().getCreditLimit(),
                order.getCurrency());
    }

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
