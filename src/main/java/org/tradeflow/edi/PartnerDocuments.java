package org.tradeflow.edi;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.availability.Availability;
import org.tradeflow.availability.AvailabilityService;
import org.tradeflow.invoicing.InvoiceDocuments;
import org.tradeflow.invoicing.InvoiceView;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.OrderQueries;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.OrderView;
import org.tradeflow.policy.Severity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The 855, 856 and 810 of an order that came by EDI, in the partner's terms: its PO1 line numbers, buyer part numbers
 * and units (quantities divided by the pack factor of its cross-reference; in EA where a quantity is no whole number
 * of its units). Orders that came otherwise get none. Each is made once ({@link OutboundDocuments}).
 */
@Component
class PartnerDocuments {

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private final InterchangeStore interchanges;
    private final TradingPartners partners;
    private final OutboundDocuments documents;
    private final OrderQueries orderQueries;
    private final OrderLifecycle orders;
    private final InvoiceDocuments invoices;
    private final AvailabilityService availability;

    PartnerDocuments(InterchangeStore interchanges, TradingPartners partners, OutboundDocuments documents,
                     OrderQueries orderQueries, OrderLifecycle orders, InvoiceDocuments invoices, AvailabilityService availability) {
        this.interchanges = interchanges;
        this.partners = partners;
        this.documents = documents;
        this.orderQueries = orderQueries;
        this.orders = orders;
        this.invoices = invoices;
        this.availability = availability;
    }

    /** A line of the partner's 850 and the cross-reference it was ordered under. */
    record PoLine(String assignedId, BigDecimal quantity, String unit, String qualifier, String partNumber, int packFactor,
                  BigDecimal unitPrice) {
    }

    /** The partner, its 850's PO date and lines, and for each order line (by number) the PO1 line it answers. */
    private record Source(long orderId, TradingPartners.Partner partner, String poDate, Map<Integer, PoLine> lines) {
    }

    /** A quantity in the partner's unit, or in our units (EA) when it is no whole number of them. */
    private record Quantity(String value, String unit, int packFactor) {
    }

    @Transactional
    Optional<Long> orderAcknowledgement(String orderNumber) {
        return source(orderNumber).flatMap(source -> {
            OrderView order = orderQueries.view(source.orderId());
            return documents.create(source.partner(), "855", orderNumber, envelope -> X12Writer.write(envelope, "855",
                    out -> write855(out, source, order, envelope.at().toLocalDate())));
        });
    }

    @Transactional
    Optional<Long> shipNotice(String orderNumber, String shipmentNumber) {
        return source(orderNumber).flatMap(source -> {
            OrderView order = orderQueries.view(source.orderId());
            OrderView.Shipment shipment = order.shipments().stream().filter(s -> s.shipmentNumber().equals(shipmentNumber))
                    .findFirst().orElseThrow(() -> new IllegalStateException("Order " + orderNumber + " has no shipment " + shipmentNumber));
            return documents.create(source.partner(), "856", shipmentNumber, envelope -> X12Writer.write(envelope, "856",
                    out -> write856(out, source, order, shipment, envelope.at().getZone())));
        });
    }

    @Transactional
    Optional<Long> invoice(String orderNumber, String invoiceNumber) {
        return source(orderNumber).flatMap(source -> {
            InvoiceView invoice = invoices.view(invoiceNumber)
                    .orElseThrow(() -> new IllegalStateException("No invoice " + invoiceNumber));
            return documents.create(source.partner(), "810", invoiceNumber, envelope -> X12Writer.write(envelope, "810",
                    out -> write810(out, source, invoice)));
        });
    }

    private void write855(X12Writer.Segments out, Source source, OrderView order, LocalDate today) throws io.xlate.edi.stream.EDIStreamException {
        boolean rejected = order.status() == OrderStatus.REJECTED;
        List<String[]> body = new ArrayList<>();
        boolean changed = false;
        Map<Integer, Integer> substituteFor = substitutes(source.orderId());
        BigDecimal hash = BigDecimal.ZERO;
        int po1 = 0;
        for (OrderView.Line line : order.lines()) {
            if (substituteFor.containsKey(line.lineNo())) {
                continue; // told under the line it replaces
            }
            PoLine ordered = source.lines().get(line.lineNo());
            po1++;
            hash = hash.add(ordered.quantity());
            body.add(new String[] {"PO1", ordered.assignedId(), plain(ordered.quantity()), ordered.unit(),
                    ordered.unitPrice() == null ? "" : plain(ordered.unitPrice()), ordered.unitPrice() == null ? "" : "PE",
                    ordered.qualifier(), ordered.partNumber(), "VN", line.sku()});
            if (rejected) {
                body.add(ack("IR", quantity(ordered, line.quantity())));
                changed = true;
                continue;
            }
            boolean corrected = order.violations().stream().anyMatch(v -> v.severity() == Severity.CORRECTED
                    && Objects.equals(v.lineNo(), line.lineNo()));
            int accepted = line.quantity() - line.backorderedQuantity() - line.cancelledQuantity();
            boolean any = false;
            if (accepted > 0 || (line.backorderedQuantity() == 0 && line.cancelledQuantity() == 0)) {
                body.add(ack(corrected ? "IQ" : "IA", quantity(ordered, accepted)));
                changed |= corrected;
                any = true;
            }
            if (line.backorderedQuantity() > 0) {
                body.add(ack(any ? "BP" : "IB", quantity(ordered, line.backorderedQuantity())));
                backorderedUntil(line.sku(), line.backorderedQuantity(), order.accountCode())
                        .ifPresent(date -> body.add(new String[] {"DTM", "067", X12Writer.date(date)}));
                changed = true;
            }
            if (line.cancelledQuantity() > 0) {
                body.add(ack("IR", quantity(ordered, line.cancelledQuantity())));
                changed = true;
            }
            for (OrderView.Line substitute : order.lines()) {
                if (Objects.equals(substituteFor.get(substitute.lineNo()), line.lineNo())) {
                    Quantity units = partnerQuantity(source.partner(), substitute.sku(), substitute.quantity());
                    body.add(new String[] {"ACK", "IS", units.value(), units.unit(), "", "", "", "VN", substitute.sku()});
                    changed = true;
                }
            }
        }
        out.segment("BAK", "00", rejected ? "RJ" : changed ? "AC" : "AD", order.customerPoNumber(),
                source.poDate().isEmpty() ? X12Writer.date(today) : source.poDate(), "", "", "", order.orderNumber(),
                X12Writer.date(today));
        out.segment("CUR", "SE", order.currency());
        for (String[] segment : body) {
            out.segment(segment[0], java.util.Arrays.copyOfRange(segment, 1, segment.length));
        }
        out.segment("CTT", String.valueOf(po1), plain(hash));
    }

    private void write856(X12Writer.Segments out, Source source, OrderView order, OrderView.Shipment shipment, ZoneId zone)
            throws io.xlate.edi.stream.EDIStreamException {
        java.time.ZonedDateTime shipped = shipment.dispatchedAt().atZoneSameInstant(zone);
        out.segment("BSN", "00", shipment.shipmentNumber(), X12Writer.date(shipped.toLocalDate()), shipped.format(HHMM), "0001");
        int units = shipment.lines().stream().mapToInt(OrderView.ShipmentLine::quantity).sum();
        out.segment("HL", "1", "", "S", "1");
        out.segment("TD1", "PCS", String.valueOf(units));
        String carrier = shipment.carrier() == null || shipment.carrier().isBlank() ? "UNKNOWN" : shipment.carrier().strip();
        out.segment("TD5", "B", "ZZ", carrier.length() < 2 ? carrier + " " : bounded(carrier, 80), "", bounded(carrier, 35));
        if (shipment.trackingNumber() != null && !shipment.trackingNumber().isBlank()) {
            out.segment("REF", "CN", bounded(shipment.trackingNumber().strip(), 30));
        }
        out.segment("DTM", "011", X12Writer.date(shipped.toLocalDate()), shipped.format(HHMM));
        out.segment("HL", "2", "1", "O", "1");
        out.segment("PRF", order.customerPoNumber(), "", "", source.poDate());
        Map<Integer, Integer> substituteFor = substitutes(source.orderId());
        int hl = 2;
        BigDecimal hash = BigDecimal.ZERO;
        for (OrderView.ShipmentLine line : shipment.lines()) {
            PoLine ordered = source.lines().get(substituteFor.getOrDefault(line.lineNo(), line.lineNo()));
            hl++;
            out.segment("HL", String.valueOf(hl), "2", "I", "0");
            Quantity quantity;
            if (substituteFor.containsKey(line.lineNo())) {
                quantity = partnerQuantity(source.partner(), line.sku(), line.quantity());
                out.segment("LIN", ordered.assignedId(), "VN", line.sku());
            } else {
                quantity = quantity(ordered, line.quantity());
                out.segment("LIN", ordered.assignedId(), ordered.qualifier(), ordered.partNumber(), "VN", line.sku());
            }
            out.segment("SN1", ordered.assignedId(), quantity.value(), quantity.unit());
            hash = hash.add(new BigDecimal(quantity.value()));
        }
        out.segment("CTT", String.valueOf(hl), plain(hash));
    }

    private void write810(X12Writer.Segments out, Source source, InvoiceView invoice) throws io.xlate.edi.stream.EDIStreamException {
        out.segment("BIG", X12Writer.date(invoice.issuedOn()), invoice.invoiceNumber(), source.poDate(), invoice.customerPoNumber());
        out.segment("CUR", "SE", invoice.currency());
        out.segment("REF", "VN", invoice.orderNumber());
        party(out, "BT", invoice.buyer());
        party(out, "ST", invoice.shipTo());
        if (invoice.deliveredOn() != null) {
            out.segment("DTM", "011", X12Writer.date(invoice.deliveredOn()));
        }
        Map<Integer, Integer> substituteFor = substitutes(source.orderId());
        BigDecimal hash = BigDecimal.ZERO;
        for (InvoiceView.Line line : invoice.lines()) {
            PoLine ordered = source.lines().get(substituteFor.getOrDefault(line.orderLineNo(), line.orderLineNo()));
            Quantity quantity = substituteFor.containsKey(line.orderLineNo())
                    ? partnerQuantity(source.partner(), line.sku(), line.quantity()) : quantity(ordered, line.quantity());
            // the price per partner unit: quantity × price is the line's net amount exactly
            BigDecimal price = line.unitPrice().multiply(BigDecimal.valueOf(quantity.packFactor()));
            if (substituteFor.containsKey(line.orderLineNo())) {
                out.segment("IT1", ordered.assignedId(), quantity.value(), quantity.unit(), plain(price), "PE", "VN", line.sku());
            } else {
                out.segment("IT1", ordered.assignedId(), quantity.value(), quantity.unit(), plain(price), "PE",
                        ordered.qualifier(), ordered.partNumber(), "VN", line.sku());
            }
            if (line.taxRate() != null) {
                out.segment("TXI", "VA", plain(line.taxAmount()), plain(line.taxRate()));
            }
            hash = hash.add(new BigDecimal(quantity.value()));
        }
        out.segment("TDS", invoice.grossTotal().movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).toPlainString());
        for (InvoiceView.Tax tax : invoice.taxes()) {
            out.segment("TXI", "VA", plain(tax.taxAmount()), plain(tax.rate()));
        }
        out.segment("CTT", String.valueOf(invoice.lines().size()), plain(hash));
    }

    private static void party(X12Writer.Segments out, String role, InvoiceView.Party party) throws io.xlate.edi.stream.EDIStreamException {
        if (party == null || party.name() == null || party.name().isBlank()) {
            return;
        }
        out.segment("N1", role, bounded(party.name(), 60));
        if (party.street() != null && !party.street().isBlank()) {
            out.segment("N3", bounded(party.street(), 55));
        }
        String city = party.city() != null && party.city().strip().length() >= 2 ? bounded(party.city().strip(), 30) : "";
        String postal = party.postalCode() != null && party.postalCode().strip().length() >= 3 ? bounded(party.postalCode().strip(), 15) : "";
        String country = party.country() != null && party.country().length() >= 2 ? bounded(party.country(), 3) : "";
        if (!city.isEmpty() || !postal.isEmpty() || !country.isEmpty()) {
            out.segment("N4", city, "", postal, country);
        }
    }

    /** When the backordered units are promised: the earliest promised delivery of a warehouse that serves the account. */
    private Optional<LocalDate> backorderedUntil(String sku, int units, String accountCode) {
        try {
            Availability found = availability.check(sku, units, null, accountCode);
            return found.warehouses().stream().map(Availability.WarehouseOption::promisedDelivery).filter(Objects::nonNull)
                    .min(LocalDate::compareTo);
        } catch (RuntimeException unknown) {
            return Optional.empty(); // a product since discontinued: backordered, no date
        }
    }

    private Map<Integer, Integer> substitutes(long orderId) {
        Map<Integer, Integer> substituteFor = new HashMap<>();
        for (OrderLine line : orders.get(orderId).getLines()) {
            if (line.getSubstituteFor() != null) {
                substituteFor.put(line.getLineNo(), line.getSubstituteFor());
            }
        }
        return substituteFor;
    }

    private static String[] ack(String status, Quantity quantity) {
        return new String[] {"ACK", status, quantity.value(), quantity.unit()};
    }

    private static Quantity quantity(PoLine ordered, int units) {
        if (units % ordered.packFactor() == 0) {
            return new Quantity(String.valueOf(units / ordered.packFactor()), ordered.unit(), ordered.packFactor());
        }
        return new Quantity(String.valueOf(units), "EA", 1);
    }

    private Quantity partnerQuantity(TradingPartners.Partner partner, String sku, int units) {
        return partners.itemForSku(partner.id(), sku).filter(item -> units % item.packFactor() == 0)
                .map(item -> new Quantity(String.valueOf(units / item.packFactor()), item.unitOfMeasure(), item.packFactor()))
                .orElse(new Quantity(String.valueOf(units), "EA", 1));
    }

    /** The order's partner and 850, read again from the interchange it came in; empty when it did not come by EDI. */
    private Optional<Source> source(String orderNumber) {
        return interchanges.sourceOf(orderNumber).flatMap(found -> {
            TradingPartners.Partner partner = partners.byId(found.partnerId()).orElseThrow();
            X12Interchange interchange = X12Reader.read(found.raw());
            for (X12Interchange.Group group : interchange.groups()) {
                for (X12Interchange.Transaction transaction : group.transactions()) {
                    if ("850".equals(transaction.type()) && transaction.controlNumber().equals(found.controlNumber())) {
                        return Optional.of(source(found.orderId(), partner, transaction));
                    }
                }
            }
            return Optional.empty();
        });
    }

    private Source source(long orderId, TradingPartners.Partner partner, X12Interchange.Transaction transaction) {
        String poDate = transaction.first("BEG").map(beg -> beg.element(5)).orElse("");
        Map<Integer, PoLine> lines = new HashMap<>();
        List<X12Interchange.Segment> poLines = transaction.segments().stream().filter(segment -> segment.tag().equals("PO1")).toList();
        TradingPartners.CrossReference items = partners.crossReference(partner.id(),
                poLines.stream().flatMap(po1 -> partNumbers(po1).stream()).toList());
        for (X12Interchange.Segment po1 : poLines) {
            TradingPartners.Item item = items.first(partNumbers(po1), po1.element(3)).orElseThrow();
            String qualifier = "BP";
            for (int q = 6; q < 30; q += 2) {
                if (po1.element(q + 1).equals(item.buyerPartNumber())) {
                    qualifier = po1.element(q);
                    break;
                }
            }
            String assigned = po1.element(1).isEmpty() ? String.valueOf(lines.size() + 1) : po1.element(1);
            lines.put(lines.size() + 1, new PoLine(assigned, new BigDecimal(po1.element(2)), po1.element(3), qualifier,
                    item.buyerPartNumber(), item.packFactor(), po1.element(4).isEmpty() ? null : new BigDecimal(po1.element(4))));
        }
        return new Source(orderId, partner, poDate, lines);
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String bounded(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** The buyer part numbers a PO1 names (PO107, PO109 ...), in its order. */
    private static List<String> partNumbers(X12Interchange.Segment po1) {
        List<String> partNumbers = new ArrayList<>();
        for (int qualifier = 6; qualifier < 30; qualifier += 2) {
            if (!po1.element(qualifier).isEmpty() && !po1.element(qualifier + 1).isEmpty()) {
                partNumbers.add(po1.element(qualifier + 1));
            }
        }
        return partNumbers;
    }
}
