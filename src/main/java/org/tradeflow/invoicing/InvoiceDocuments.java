package org.tradeflow.invoicing;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.order.OrderDocuments;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.OrderView;

import java.math.BigDecimal;
import java.util.List;

/** The order's invoices as the order view shows them, and what the credit check needs of invoices. */
@Component
public class InvoiceDocuments implements OrderDocuments.Invoices {

    private final InvoiceRepository invoices;

    InvoiceDocuments(InvoiceRepository invoices) {
        this.invoices = invoices;
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

    /** The account's open invoices: what it owes us now. */
    @Transactional(readOnly = true)
    public BigDecimal openInvoiceTotal(long accountId) {
        return invoices.openTotal(accountId);
    }
}
