package org.tradeflow.invoicing;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.order.OrderDocuments;
import org.tradeflow.order.OrderView;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The order's invoices as the order view and the credit check see them. */
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
                i.getShipment() == null ? null : i.getShipment().getShipmentNumber(), i.getNetTotal(), i.getCurrency(),
                i.getIssuedOn(), i.getDueOn(), i.getStatus())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> invoicedTotals(Collection<Long> orderIds) {
        Map<Long, BigDecimal> totals = new HashMap<>();
        if (!orderIds.isEmpty()) {
            invoices.invoicedTotals(orderIds).forEach(row -> totals.put((Long) row[0], (BigDecimal) row[1]));
        }
        return totals;
    }

    /** The account's open invoices: what it owes us now. */
    @Transactional(readOnly = true)
    public BigDecimal openInvoiceTotal(long accountId) {
        return invoices.openTotal(accountId);
    }
}
