package org.tradeflow.order;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the modules that build on an order (fulfilment, invoicing) tell about it. The order module reads
 * their documents through these interfaces, implemented by the owners of the tables, so it neither reads
 * their tables nor depends on them.
 */
public final class OrderDocuments {

    private OrderDocuments() {
    }

    /** Implemented by fulfilment: the order's shipments with their lines, in shipment order. */
    public interface Shipments {
        List<OrderView.Shipment> ofOrder(long orderId);
    }

    /** Implemented by invoicing: the order's invoices, and what has been invoiced of orders. */
    public interface Invoices {
        List<OrderView.Invoice> ofOrder(long orderId);

        /** Net amount invoiced so far per order id (orders without invoices are absent). */
        Map<Long, BigDecimal> invoicedTotals(Collection<Long> orderIds);
    }
}
