package org.tradeflow.invoicing;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.Account;
import org.tradeflow.account.Address;
import org.tradeflow.account.AddressRepository;
import org.tradeflow.business.StateConflict;
import org.tradeflow.fulfilment.Shipment;
import org.tradeflow.fulfilment.ShipmentRepository;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.rules.RuleSet;
import org.tradeflow.rules.RuleSetRegistry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
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
    private final AddressRepository addresses;
    private final RuleSetRegistry rules;
    private final TaxTable taxTable;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InvoicingService(InvoiceRepository invoices, ShipmentRepository shipments, OrderLifecycle orders,
                     DocumentNumbers numbers, AddressRepository addresses, RuleSetRegistry rules, TaxTable taxTable,
                     ApplicationEventPublisher events, Clock clock) {
        this.invoices = invoices;
        this.shipments = shipments;
        this.orders = orders;
        this.numbers = numbers;
        this.addresses = addresses;
        this.rules = rules;
        this.taxTable = taxTable;
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
        Invoice invoice = Invoice.forShipment(shipment, issue(shipment), earlier);
        // numbered last: the series' counter row stays locked from here until this transaction commits
        invoice.number(numbers.next(DocumentNumbers.INVOICES, invoice.getIssuedOn().getYear()));
        invoices.save(invoice);
        orders.note(orderId, "SHIPMENT_INVOICED", invoice.getInvoiceNumber() + " for " + shipmentNumber + ": "
                + invoice.getNetTotal().toPlainString() + " net, " + invoice.getGrossTotal().toPlainString() + " "
                + invoice.getCurrency() + " gross, due " + invoice.getDueOn());
        events.publishEvent(new InvoiceIssued(invoice.getInvoiceNumber(), shipment.getOrder().getOrderNumber(), shipmentNumber,
                shipment.getOrder().getAccount().getCode(), invoice.getNetTotal(), invoice.getCurrency(), invoice.getDueOn()));
        return invoice;
    }

    /**
     * Every shipment of the order is invoiced: the order is INVOICED, or at once PAID when its customer paid each
     * invoice before the last one was issued (a payment marks only an order already invoiced in full).
     */
    public void markOrderInvoiced(long orderId) {
        orders.invoiced(orderId);
        if (invoices.allPaid(orderId)) {
            orders.paidIfInvoiced(orderId, "Every invoice was paid already");
        }
    }

    /**
     * The buyer is billed at the account's billing address; the goods went to the shipment's ship-to address (or
     * that one), which decides the tax. Each tax category is looked up once, however many lines have it.
     */
    private Invoice.Issue issue(Shipment shipment) {
        Account account = shipment.getOrder().getAccount();
        if (account.getCountry() == null) {
            throw new StateConflict("invoice.no-billing-address", "Account " + account.getCode()
                    + " has no billing address, which its invoices must name; add it and retry the invoicing");
        }
        PostalAddress buyer = new PostalAddress(account.getName(), account.getStreet(), account.getPostalCode(),
                account.getCity(), account.getCountry());
        Address delivery = shipment.getShipTo() == null ? null : addresses.findByAccountCodeAndCode(account.getCode(), shipment.getShipTo())
                .orElseThrow(() -> new StateConflict("invoice.unknown-ship-to", "Account " + account.getCode()
                        + " has no address " + shipment.getShipTo() + " that shipment " + shipment.getShipmentNumber() + " went to"));
        PostalAddress shipTo = delivery == null ? buyer : new PostalAddress(delivery.getName(), delivery.getStreet(),
                delivery.getPostalCode(), delivery.getCity(), delivery.getCountry());
        String region = delivery == null ? account.getRegion() : delivery.getRegion();
        boolean buyerHasVatId = account.getVatId() != null && !account.getVatId().isBlank();
        RuleSet live = rules.current();
        Map<String, TaxDecision> byCategory = new HashMap<>();
        Function<String, TaxDecision> taxOf = category -> byCategory.computeIfAbsent(category,
                c -> taxTable.decide(live, shipTo.country(), region, c, buyerHasVatId));
        LocalDate today = LocalDate.now(clock);
        LocalDate deliveredOn = shipment.getDispatchedAt() == null ? today : LocalDate.ofInstant(shipment.getDispatchedAt(), clock.getZone());
        return new Invoice.Issue(today, deliveredOn, buyer, account.getVatId(), shipTo, taxOf, live.checksum());
    }
}
