package org.tradeflow.edi;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.tradeflow.business.BusinessException;
import org.tradeflow.order.OrderRequest;
import org.tradeflow.pricing.LineRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a valid 850 into the order request the REST API would send: BEG03 is the customer PO, DTM*002 the requested
 * delivery date, each PO1 a line whose buyer part number (PO106/107 ...) and unit (PO103) the partner's
 * cross-reference maps to our SKU, the quantity (PO102) times the unit's pack factor, and the buyer's unit price (PO104)
 * divided by it, which the order compares with ours. An N1*ST names where the goods go (N103/N104, a location of the
 * partner): in the header every line's, in a PO1 loop that line's; none, the account's own address. Whatever an order
 * refuses is told back in the 850's own terms: the segment, its position and the element.
 */
@Component
class PurchaseOrderMapping {

    /** The product id qualifiers a buyer part number may come under. */
    private static final Set<String> PART_QUALIFIERS = Set.of("BP", "IN", "VN", "VP", "SK", "UP", "UA", "UK", "EN", "CB", "PI", "MG");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private final TradingPartners partners;
    private final Validator validator;

    PurchaseOrderMapping(TradingPartners partners, Validator validator) {
        this.partners = partners;
        this.validator = validator;
    }

    /** The request, and for each of its fields (JSON path) where in the 850 it came from. */
    record Mapped(OrderRequest request, Map<String, String> origins) {

        /** An order's refusal, its field paths put back into segments and elements. */
        String explain(BusinessException refused) {
            if (refused.errors().isEmpty()) {
                return refused.getMessage();
            }
            List<String> reasons = new ArrayList<>();
            for (BusinessException.FieldError error : refused.errors()) {
                reasons.add(origin(error.field()) + ": " + error.message());
            }
            return String.join("; ", reasons);
        }

        String origin(String field) {
            if (origins.containsKey(field)) {
                return origins.get(field);
            }
            int dot = field.lastIndexOf('.');
            return dot > 0 && origins.containsKey(field.substring(0, dot)) ? origins.get(field.substring(0, dot)) : field;
        }
    }

    Mapped map(TradingPartners.Partner partner, X12Interchange.Transaction transaction) {
        Map<String, String> origins = new HashMap<>();
        X12Interchange.Segment beg = transaction.first("BEG").orElseThrow(() -> new EdiRejection("BEG: segment missing"));
        if (!"00".equals(beg.element(1))) {
            throw new EdiRejection(at(beg, 1) + ": purpose code '" + beg.element(1) + "' is not taken; only 00 (original) "
                    + "purchase orders become orders, changes and cancellations go to the order desk");
        }
        origins.put("customerPoNumber", at(beg, 3));
        LocalDate requestedDelivery = null;
        for (X12Interchange.Segment dtm : transaction.segments()) {
            if (dtm.tag().equals("DTM") && dtm.element(1).equals("002") && !dtm.element(2).isEmpty() && requestedDelivery == null) {
                requestedDelivery = date(dtm, 2);
                origins.put("requestedDeliveryDate", at(dtm, 2));
            }
        }
        List<X12Interchange.Segment> poLines = transaction.segments().stream().filter(segment -> segment.tag().equals("PO1")).toList();
        if (poLines.size() > OrderRequest.MAX_LINES) {
            throw new EdiRejection("PO1: the purchase order has " + poLines.size() + " lines, an order at most "
                    + OrderRequest.MAX_LINES + "; split it into several purchase orders");
        }
        TradingPartners.CrossReference items = partners.crossReference(partner.id(),
                poLines.stream().flatMap(po1 -> partNumbers(po1).values().stream()).toList());
        List<LineRequest> lines = new ArrayList<>();
        ShipTo headerShipTo = null;
        ShipTo lineShipTo = null;
        for (X12Interchange.Segment segment : transaction.segments()) {
            if (segment.tag().equals("N1") && segment.element(1).equals("ST")) {
                ShipTo shipTo = shipTo(partner, segment);
                if (lines.isEmpty()) {
                    if (headerShipTo != null) {
                        throw new EdiRejection(at(segment, 1) + ": a second ship-to in the header, after "
                                + at(headerShipTo.segment(), 0) + "; name one, or one per PO1 loop");
                    }
                    headerShipTo = shipTo;
                } else {
                    if (lineShipTo != null) {
                        throw new EdiRejection(at(segment, 1) + ": a second ship-to for the line of "
                                + at(lineShipTo.segment(), 0));
                    }
                    lineShipTo = shipTo;
                    int line = lines.size() - 1;
                    lines.set(line, shipTo(lines.get(line), shipTo));
                    origins.put("lines[" + line + "].shipTo", at(segment, 4));
                }
                continue;
            }
            if (!segment.tag().equals("PO1")) {
                continue;
            }
            X12Interchange.Segment po1 = segment;
            lineShipTo = null;
            origins.put("lines[" + lines.size() + "]", at(po1, 0));
            origins.put("lines[" + lines.size() + "].quantity", at(po1, 2));
            origins.put("lines[" + lines.size() + "].sku", at(po1, 7));
            origins.put("lines[" + lines.size() + "].expectedUnitPrice", at(po1, 4));
            LineRequest line = line(partner, po1, items);
            if (headerShipTo != null) {
                line = shipTo(line, headerShipTo);
                origins.put("lines[" + lines.size() + "].shipTo", at(headerShipTo.segment(), 4));
            }
            lines.add(line);
        }
        transaction.first("CTT").ifPresent(ctt -> {
            if (!ctt.element(1).isEmpty() && new BigDecimal(ctt.element(1)).intValue() != poLines.size()) {
                throw new EdiRejection(at(ctt, 1) + ": says " + new BigDecimal(ctt.element(1)).intValue()
                        + " line items, the transaction set has " + poLines.size() + " PO1 segments");
            }
        });
        if (poLines.isEmpty()) {
            throw new EdiRejection("PO1: the purchase order has no lines");
        }
        OrderRequest request = new OrderRequest(partner.accountCode(), beg.element(3), requestedDelivery, null, lines,
                null, null, null);
        Mapped mapped = new Mapped(request, origins);
        Set<ConstraintViolation<OrderRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new EdiRejection(violations.stream().map(v -> mapped.origin(v.getPropertyPath().toString()) + ": "
                    + v.getMessage()).sorted().reduce((a, b) -> a + "; " + b).orElseThrow());
        }
        return mapped;
    }

    /** An N1*ST and the address of the partner's account its N103/N104 names. */
    private record ShipTo(X12Interchange.Segment segment, String addressCode) {
    }

    private static LineRequest shipTo(LineRequest line, ShipTo shipTo) {
        return new LineRequest(line.sku(), line.quantity(), shipTo.addressCode(), line.expectedUnitPrice());
    }

    private ShipTo shipTo(TradingPartners.Partner partner, X12Interchange.Segment n1) {
        String qualifier = n1.element(3);
        String id = n1.element(4);
        if (qualifier.isEmpty() || id.isEmpty()) {
            throw new EdiRejection(at(n1, 4) + ": ship-to '" + n1.element(2) + "' names no location (N103 qualifier and "
                    + "N104 id, e.g. UL and a GLN); we ship only to locations set up for partner " + partner.code());
        }
        String addressCode = partners.location(partner.id(), qualifier, id).orElseThrow(() -> new EdiRejection(at(n1, 4)
                + ": ship-to '" + id + "' (" + qualifier + ") is not a location of partner " + partner.code()));
        return new ShipTo(n1, addressCode);
    }

    /** The line's buyer part numbers (PO106/107, PO108/109 ...) under a qualifier we know, by how they are named. */
    private static Map<String, String> partNumbers(X12Interchange.Segment po1) {
        Map<String, String> named = new LinkedHashMap<>();
        for (int qualifier = 6; qualifier < 30; qualifier += 2) {
            String value = po1.element(qualifier + 1);
            if (PART_QUALIFIERS.contains(po1.element(qualifier)) && !value.isEmpty()) {
                named.put(po1.element(qualifier) + " '" + value + "'", value);
            }
        }
        return named;
    }

    private static LineRequest line(TradingPartners.Partner partner, X12Interchange.Segment po1,
                                    TradingPartners.CrossReference items) {
        String unit = po1.element(3);
        Map<String, String> named = partNumbers(po1);
        if (named.isEmpty()) {
            throw new EdiRejection(at(po1, 6) + ": the line names no buyer part number (qualifiers "
                    + String.join(", ", PART_QUALIFIERS.stream().sorted().toList()) + ")");
        }
        TradingPartners.Item item = items.first(named.values(), unit).orElseThrow(() -> new EdiRejection(at(po1, 7) + ": "
                        + String.join(", ", named.keySet()) + " in unit '" + unit + "' has no cross-reference to one of "
                        + "our SKUs for partner " + partner.code()));
        if (po1.element(2).isEmpty()) {
            throw new EdiRejection(at(po1, 2) + ": the quantity ordered is missing");
        }
        BigDecimal quantity = new BigDecimal(po1.element(2));
        if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
            throw new EdiRejection(at(po1, 2) + ": quantity " + quantity.toPlainString() + " " + unit
                    + " is not a positive whole number of units");
        }
        BigDecimal units = quantity.multiply(BigDecimal.valueOf(item.packFactor()));
        if (units.compareTo(BigDecimal.valueOf(LineRequest.MAX_QUANTITY)) > 0) {
            throw new EdiRejection(at(po1, 2) + ": " + quantity.toPlainString() + " " + unit + " of " + item.sku()
                    + " is " + units.toPlainString() + " units, more than " + LineRequest.MAX_QUANTITY);
        }
        return new LineRequest(item.sku(), units.intValueExact(), null, buyerUnitPrice(po1, item));
    }

    /** PO104, the buyer's price for one of its units, as the price of one of our selling units; null when absent. */
    private static BigDecimal buyerUnitPrice(X12Interchange.Segment po1, TradingPartners.Item item) {
        if (po1.element(4).isEmpty()) {
            return null;
        }
        BigDecimal price = new BigDecimal(po1.element(4));
        if (price.signum() < 0) {
            throw new EdiRejection(at(po1, 4) + ": unit price " + price.toPlainString() + " is negative");
        }
        return price.divide(BigDecimal.valueOf(item.packFactor()), 4, RoundingMode.HALF_UP);
    }

    private static LocalDate date(X12Interchange.Segment segment, int element) {
        try {
            return LocalDate.parse(segment.element(element), CCYYMMDD);
        } catch (DateTimeParseException e) {
            throw new EdiRejection(at(segment, element) + ": '" + segment.element(element) + "' is no date CCYYMMDD");
        }
    }

    /** "PO102 (segment 9, element 2)"; element 0 is the segment itself. */
    static String at(X12Interchange.Segment segment, int element) {
        return element == 0 ? segment.tag() + " (segment " + segment.position() + ")"
                : segment.tag() + String.format("%02d", element) + " (segment " + segment.position() + ", element " + element + ")";
    }
}
