package org.tradeflow.invoicing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import org.tradeflow.order.OrderStatus;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    /** Per order line of the order: quantity and amount invoiced so far. */
    @Query("""
            select new org.tradeflow.invoicing.InvoicedSoFar(l.orderLine.id, sum(l.quantity), sum(l.netAmount))
              from InvoiceLine l where l.orderLine.order.id = :orderId group by l.orderLine.id""")
    List<InvoicedSoFar> invoicedSoFar(long orderId);

    @Query("select i from Invoice i left join fetch i.shipment where i.order.id = :orderId order by i.id")
    List<Invoice> findWithShipmentByOrderId(long orderId);

    @Query("""
            select coalesce(sum(i.netTotal), 0) from Invoice i
             where i.order.account.id = :accountId and i.order.id <> :exceptOrderId and i.order.status in :open""")
    BigDecimal invoicedOnOpenOrders(long accountId, long exceptOrderId, Collection<OrderStatus> open);

    @Query("select coalesce(sum(i.netTotal), 0) from Invoice i where i.account.id = :accountId and i.status = 'OPEN'")
    BigDecimal openTotal(long accountId);

    @Query(value = "select 'INV-' || nextval('invoice_number_seq')", nativeQuery = true)
    String nextInvoiceNumber();
}
