package org.tradeflow.invoicing;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

public interface InvoiceRepository extends JpaRepository<Invoice, Long> {

    @Query("select i from Invoice i where i.shipment.shipmentNumber = :shipmentNumber")
    Optional<Invoice> findByShipmentNumber(String shipmentNumber);

    @Query(value = "select 'INV-' || nextval('invoice_number_seq')", nativeQuery = true)
    String nextInvoiceNumber();
}
