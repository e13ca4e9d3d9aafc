package org.tradeflow.order;

import java.util.List;

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

    /** Implemented by invoicing: the order's invoices. */
    public interface Invoices {
        List<OrderView.Invoice> ofOrder(long orderId);
    }
}
