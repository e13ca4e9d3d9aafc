package org.tradeflow.invoicing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    /** Per order line of the order: quantity and amount invoiced so far. */
    @Query("""
            select new org.tradeflow.invoicing.InvoicedSoFar(l.orderLine.id, sum(l.quantity), sum(l.netAmount))
              from InvoiceLine l where l.orderLine.order.id = :orderId group by l.orderLine.id""")
    List<InvoicedSoFar> invoicedSoFar(long orderId);

    @Query(value = "select 'INV-' || nextval('invoice_number_seq')", nativeQuery = true)
    String nextInvoiceNumber();
}
