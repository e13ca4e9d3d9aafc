package org.tradeflow.invoicing;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.fulfilment.Shipment;
import org.tradeflow.fulfilment.ShipmentRepository;
import org.tradeflow.order.OrderLifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@Service
@Transactional
public class InvoicingService {

    private final InvoiceRepository invoices;
    private final ShipmentRepository shipments;
    private final OrderLifecycle orders;
    private final DocumentNumbers numbers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoicingService(InvoiceRepository invoices, ShipmentRepository shipments, OrderLifecycle orders,
                     DocumentNumbers numbers, ApplicationEventPublisher events, Clock clock) {
        this.invoices = invoices;
        this.shipments = shipments;
        this.orders = orders;
        this.numbers = numbers;
        this.events = events;
        this.clock = clock;
    }

    /** Invoices a dispatched shipment; a shipment is invoiced once (it must be DISPATCHED, then it is INVOICED). */
    public Invoice invoiceShipment(String shipmentNumber) {
        Shipment shipment = shipments.findByShipmentNumber(shipmentNumber)
                .orElseThrow(() -> new IllegalStateException("No shipment " + shipmentNumber));
        long orderId = shipment.getOrder().getId();
        orders.lock(orderId); // shipments of one order are invoiced one after the other: each sees what the last billed
        shipment.invoiced();
        Map<Long, InvoicedSoFar> earlier = invoices.invoicedSoFar(orderId).stream()
                .collect(Collectors.toMap(InvoicedSoFar::orderLineId, Function.identity()));
        Invoice invoice = Invoice.forShipment(shipment, LocalDate.now(clock), earlier);
        // numbered last: the series' counter row stays locked from here until this transaction commits
        invoice.number(numbers.next(DocumentNumbers.INVOICES, invoice.getIssuedOn().getYear()));
        invoices.save(invoice);
        orders.note(orderId, "SHIPMENT_INVOICED", invoice.getInvoiceNumber() + " for " + shipmentNumber + ": "
                + invoice.getNetTotal().toPlainString() + " " + invoice.getCurrency() + ", due " + invoice.getDueOn());
        events.publishEvent(new InvoiceIssued(invoice.getInvoiceNumber(), shipment.getOrder().getOrderNumber(), shipmentNumber,
                shipment.getOrder().getAccount().getCode(), invoice.getNetTotal(), invoice.getCurrency(), invoice.getDueOn()));
        return invoice;
    }
}
