package org.tradeflow.invoicing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.fulfilment.Shipment;
import org.tradeflow.fulfilment.ShipmentRepository;
import org.tradeflow.order.OrderLifecycle;

import java.time.Clock;
import java.time.LocalDate;

@Service
@Transactional
public class InvoicingService {

    private final InvoiceRepository invoices;
    private final ShipmentRepository shipments;
    private final OrderLifecycle orders;
    private final Clock clock;

    InvoicingService(InvoiceRepository invoices, ShipmentRepository shipments, OrderLifecycle orders, Clock clock) {
        this.invoices = invoices;
        this.shipments = shipments;
        this.orders = orders;
        this.clock = clock;
    }

    /** Invoices a dispatched shipment once; a retried job finds the invoice it already wrote. */
    public Invoice invoiceShipment(String shipmentNumber) {
        return invoices.findByShipmentNumber(shipmentNumber).orElseGet(() -> {
            Shipment shipment = shipments.findByShipmentNumber(shipmentNumber)
                    .orElseThrow(() -> new IllegalStateException("No shipment " + shipmentNumber));
            shipment.invoiced();
            Invoice invoice = invoices.save(Invoice.forShipment(invoices.nextInvoiceNumber(), shipment, LocalDate.now(clock)));
            orders.note(shipment.getOrder().getId(), "SHIPMENT_INVOICED", invoice.getInvoiceNumber() + " for "
                    + shipmentNumber + ": " + invoice.getNetTotal().toPlainString() + " " + invoice.getCurrency()
                    + ", due " + invoice.getDueOn());
            return invoice;
        });
    }
}
