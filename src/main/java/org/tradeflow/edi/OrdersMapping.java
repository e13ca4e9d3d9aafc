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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a valid EDIFACT ORDERS message into the order request the REST API would send: BGM 1004 is the customer PO,
 * DTM+137 the PO date, DTM+2 the requested delivery date, each LIN a line whose item numbers (LIN C212 and PIA) and
 * unit (QTY+21 6411) the partner's cross-reference maps to our SKU, the quantity (QTY+21 6060) times the unit's pack
 * factor; PRI+AAA is kept as the buyer's price per our selling unit, NAD+DP as the ship-to location. Whatever an order
 * refuses is told back in the message's own terms: the segment, its position and the element.
 */
@Component
class OrdersMapping {

    /** EDIFACT units (UN/ECE recommendation 20 and common EANCOM codes) as the units of our cross-references. */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("", "EA"), Map.entry("PCE", "EA"), Map.entry("EA", "EA"), Map.entry("NAR", "EA"), Map.entry("C62", "EA"),
            Map.entry("CT", "CA"), Map.entry("CS", "CA"), Map.entry("CA", "CA"),
            Map.entry("PK", "PK"), Map.entry("PA", "PK"));
    /** Item number types (7143) of the buyer's own numbers: tried before the GTINs and the supplier's numbers. */
    private static final Set<String> BUYER_TYPES = Set.of("BP", "IN");
    /** Message functions (BGM 1225) that make a new order: 9 original, or none. */
    private static final Set<String> ORIGINAL = Set.of("", "9");
    private static final Map<String, DateTimeFormatter> DATE_FORMATS = Map.of(
            "102", DateTimeFormatter.ofPattern("uuuuMMdd"),
            "203", DateTimeFormatter.ofPattern("uuuuMMddHHmm"),
            "204", DateTimeFormatter.ofPattern("uuuuMMddHHmmss"));

    private final TradingPartners partners;
    private final Validator validator;

    OrdersMapping(TradingPartners partners, Validator validator) {
        this.partners = partners;
        this.validator = validator;
    }

    /** Why a message became no order, and where: the segment, its position in the message, the element and component. */
    static final class Rejected extends RuntimeException {
        private final EdifactInterchange.Problem problem;

        Rejected(EdifactInterchange.Segment segment, int element, int component, String reason) {
            super(segment.at(element, component) + ": " + reason, null, false, false);
            this.problem = new EdifactInterchange.Problem("INVALID_VALUE", segment.tag(), segment.position(), element, component, null);
        }

        Rejected(Origin at, String reason) {
            super(reason, null, false, false);
            this.problem = new EdifactInterchange.Problem("INVALID_VALUE", at.segment().tag(), at.segment().position(),
                    at.element(), at.component(), null);
        }

        Rejected(String tag, String reason) {
            super(tag + ": " + reason, null, false, false);
            this.problem = new EdifactInterchange.Problem("MANDATORY_SEGMENT_MISSING", tag, 0, 0, 0, null);
        }

        EdifactInterchange.Problem problem() {
            return problem;
        }
    }

    /** One line: our SKU and selling units, and what the buyer sent for it. */
    record Line(String sku, int quantity, String buyerItemNumber, String buyerUnit, BigDecimal buyerQuantity,
                /** PRI+AAA per our selling unit (its unit price basis and the pack factor applied); null when not sent. */
                BigDecimal buyerUnitPrice) {
    }

    /** NAD+DP: the delivery party's location id (C082 3039) and whose code it is (3055: 9 GLN, 92 buyer's own). */
    record ShipTo(String locationId, String agency) {
    }

    /** Where in the message a field came from. */
    record Origin(EdifactInterchange.Segment segment, int element, int component) {
    }

    /** The request, its lines as the buyer sent them, the ship-to and PO date, and where each field came from. */
    record Mapped(OrderRequest request, List<Line> lines, ShipTo shipTo, LocalDate poDate, Map<String, Origin> origins) {

        /** An order's refusal, its field paths put back into segments and elements. */
        Rejected explain(BusinessException refused) {
            List<String> reasons = new ArrayList<>();
            Origin first = null;
            for (BusinessException.FieldError error : refused.errors()) {
                Origin origin = origin(error.field());
                first = first == null ? origin : first;
                reasons.add((origin == null ? error.field() : origin.segment().at(origin.element(), origin.component()))
                        + ": " + error.message());
            }
            Origin at = first != null ? first : origins.get("customerPoNumber");
            String reason = reasons.isEmpty() ? refused.getMessage() : String.join("; ", reasons);
            return new Rejected(at, reason);
        }

        Origin origin(String field) {
            if (origins.containsKey(field)) {
                return origins.get(field);
            }
            int dot = field.lastIndexOf('.');
            return dot > 0 ? origins.get(field.substring(0, dot)) : null;
        }
    }

    Mapped map(TradingPartners.EdifactPartner partner, EdifactInterchange.Message message) {
        Map<String, Origin> origins = new HashMap<>();
        // D96A has 1004 as a simple element, D01B in composite C106
        int poComponent = "D96A".equals(message.directory()) ? 0 : 1;
        EdifactInterchange.Segment bgm = message.first("BGM").orElseThrow(() -> new Rejected("BGM", "segment missing"));
        if (!bgm.value(1).isEmpty() && !"220".equals(bgm.value(1))) {
            throw new Rejected(bgm, 1, 1, "document name '" + bgm.value(1) + "' is not taken; only orders (220) become "
                    + "orders, other documents go to the order desk");
        }
        if (!ORIGINAL.contains(bgm.value(3))) {
            throw new Rejected(bgm, 3, 0, "message function '" + bgm.value(3) + "' is not taken; only original orders (9) "
                    + "become orders, changes and cancellations go to the order desk");
        }
        String po = bgm.value(2);
        if (po.isEmpty()) {
            throw new Rejected(bgm, 2, poComponent, "the order number (1004) is missing");
        }
        origins.put("customerPoNumber", new Origin(bgm, 2, poComponent));
        LocalDate poDate = null;
        LocalDate requestedDelivery = null;
        ShipTo shipTo = null;
        List<List<EdifactInterchange.Segment>> lineGroups = new ArrayList<>();
        EdifactInterchange.Segment cnt = null;
        for (EdifactInterchange.Segment segment : message.segments()) {
            switch (segment.tag()) {
                case "LIN" -> lineGroups.add(new ArrayList<>(List.of(segment)));
                case "UNS" -> lineGroups.add(null); // the summary section: no line's segments follow
                case "CNT" -> cnt = "2".equals(segment.value(1, 1)) ? segment : cnt;
                default -> {
                    if (!lineGroups.isEmpty() && lineGroups.get(lineGroups.size() - 1) != null) {
                        lineGroups.get(lineGroups.size() - 1).add(segment);
                    } else if (segment.tag().equals("DTM") && lineGroups.isEmpty()) {
                        if ("137".equals(segment.value(1, 1)) && poDate == null) {
                            poDate = date(segment);
                        } else if ("2".equals(segment.value(1, 1)) && requestedDelivery == null) {
                            requestedDelivery = date(segment);
                            origins.put("requestedDeliveryDate", new Origin(segment, 1, 2));
                        }
                    } else if (segment.tag().equals("NAD") && lineGroups.isEmpty() && "DP".equals(segment.value(1))
                            && shipTo == null) {
                        shipTo = new ShipTo(segment.value(2, 1).isEmpty() ? null : segment.value(2, 1),
                                segment.value(2, 3).isEmpty() ? null : segment.value(2, 3));
                    }
                }
            }
        }
        lineGroups.removeIf(group -> group == null);
        if (lineGroups.isEmpty()) {
            throw new Rejected("LIN", "the order has no lines");
        }
        if (cnt != null && !cnt.value(1, 2).isEmpty()
                && decimal(cnt, 1, 2).compareTo(BigDecimal.valueOf(lineGroups.size())) != 0) {
            throw new Rejected(cnt, 1, 2, "says " + cnt.value(1, 2) + " line items, the message has " + lineGroups.size()
                    + " LIN segments");
        }
        TradingPartners.CrossReference items = partners.crossReference(partner.id(),
                lineGroups.stream().flatMap(group -> itemNumbers(group).numbers().stream()).toList());
        List<Line> lines = new ArrayList<>();
        for (List<EdifactInterchange.Segment> group : lineGroups) {
            lines.add(line(partner, group, items, origins, lines.size()));
        }
        // The ship-to location is kept on the mapped request (shipTo): the trading partners' ship-to mapping turns it
        // into one of the account's delivery addresses (LineRequest.shipTo) where it knows the location.
        OrderRequest request = new OrderRequest(partner.accountCode(), po, requestedDelivery, null,
                lines.stream().map(line -> new LineRequest(line.sku(), line.quantity(), null, line.buyerUnitPrice())).toList(),
                null, null, null);
        Mapped mapped = new Mapped(request, List.copyOf(lines), shipTo, poDate, Map.copyOf(origins));
        Set<ConstraintViolation<OrderRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<OrderRequest> first = violations.stream()
                    .min((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString())).orElseThrow();
            Origin at = mapped.origin(first.getPropertyPath().toString());
            if (at == null) {
                at = origins.get("customerPoNumber");
            }
            throw new Rejected(at.segment(), at.element(), at.component(), first.getMessage());
        }
        return mapped;
    }

    /** A line's item numbers, the buyer's first (PIA BP/IN, then LIN C212, then other PIA), and how each is named. */
    private record ItemNumbers(Set<String> numbers, List<String> named) {
    }

    private static ItemNumbers itemNumbers(List<EdifactInterchange.Segment> group) {
        EdifactInterchange.Segment lin = group.get(0);
        Set<String> numbers = new LinkedHashSet<>();
        List<String> named = new ArrayList<>();
        List<String> later = new ArrayList<>();
        for (EdifactInterchange.Segment pia : group) {
            if (!pia.tag().equals("PIA")) {
                continue;
            }
            for (int element = 2; element <= 6; element++) {
                String number = pia.value(element, 1);
                if (!number.isEmpty()) {
                    (BUYER_TYPES.contains(pia.value(element, 2)) ? numbers : later).add(number);
                    named.add(pia.value(element, 2) + " '" + number + "'");
                }
            }
        }
        if (!lin.value(3, 1).isEmpty()) {
            numbers.add(lin.value(3, 1));
            named.add(0, (lin.value(3, 2).isEmpty() ? "LIN" : lin.value(3, 2)) + " '" + lin.value(3, 1) + "'");
        }
        numbers.addAll(later);
        return new ItemNumbers(numbers, named);
    }

    private Line line(TradingPartners.EdifactPartner partner, List<EdifactInterchange.Segment> group,
                      TradingPartners.CrossReference items, Map<String, Origin> origins, int index) {
        EdifactInterchange.Segment lin = group.get(0);
        ItemNumbers itemNumbers = itemNumbers(group);
        Set<String> numbers = itemNumbers.numbers();
        List<String> named = itemNumbers.named();
        if (numbers.isEmpty()) {
            throw new Rejected(lin, 3, 1, "the line names no item number (LIN C212 or PIA)");
        }
        EdifactInterchange.Segment qty = group.stream()
                .filter(segment -> segment.tag().equals("QTY") && "21".equals(segment.value(1, 1))).findFirst()
                .orElseThrow(() -> new Rejected(lin, 0, 0, "the line has no ordered quantity (QTY+21)"));
        String unit = qty.value(1, 3);
        String ourUnit = UNITS.get(unit);
        if (ourUnit == null) {
            throw new Rejected(qty, 1, 3, "unit '" + unit + "' is no unit we sell in (pieces PCE, EA, NAR or C62; cartons "
                    + "CT, CS or CA; packs PK or PA)");
        }
        TradingPartners.Item item = items.first(numbers, ourUnit).orElseThrow(() -> new Rejected(
                lin, 3, 1, String.join(", ", named) + " in unit '" + (unit.isEmpty() ? "PCE" : unit) + "' has no "
                + "cross-reference to one of our SKUs for partner " + partner.code()));
        BigDecimal quantity = decimal(qty, 1, 2);
        if (quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > 0) {
            throw new Rejected(qty, 1, 2, "quantity " + quantity.toPlainString() + " " + unit
                    + " is not a positive whole number of units");
        }
        BigDecimal units = quantity.multiply(BigDecimal.valueOf(item.packFactor()));
        if (units.compareTo(BigDecimal.valueOf(LineRequest.MAX_QUANTITY)) > 0) {
            throw new Rejected(qty, 1, 2, quantity.toPlainString() + " " + unit + " of " + item.sku() + " is "
                    + units.toPlainString() + " units, more than " + LineRequest.MAX_QUANTITY);
        }
        BigDecimal buyerUnitPrice = null;
        for (EdifactInterchange.Segment pri : group) {
            if (pri.tag().equals("PRI") && "AAA".equals(pri.value(1, 1)) && !pri.value(1, 2).isEmpty()) {
                BigDecimal price = decimal(pri, 1, 2);
                if (price.signum() < 0) {
                    throw new Rejected(pri, 1, 2, "price " + price.toPlainString() + " is negative");
                }
                BigDecimal basis = pri.value(1, 5).isEmpty() ? BigDecimal.ONE : decimal(pri, 1, 5);
                if (basis.signum() <= 0) {
                    throw new Rejected(pri, 1, 5, "unit price basis " + basis.toPlainString() + " is not positive");
                }
                buyerUnitPrice = price.divide(basis.multiply(BigDecimal.valueOf(item.packFactor())), 4, RoundingMode.HALF_UP);
                break;
            }
        }
        origins.put("lines[" + index + "]", new Origin(lin, 0, 0));
        origins.put("lines[" + index + "].sku", new Origin(lin, 3, 1));
        origins.put("lines[" + index + "].quantity", new Origin(qty, 1, 2));
        return new Line(item.sku(), units.intValueExact(), item.buyerPartNumber(), unit, quantity, buyerUnitPrice);
    }

    /** A number as EDIFACT writes it: a decimal point or comma. */
    private static BigDecimal decimal(EdifactInterchange.Segment segment, int element, int component) {
        String value = segment.value(element, component);
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new Rejected(segment, element, component, "'" + value + "' is no number");
        }
    }

    private static LocalDate date(EdifactInterchange.Segment dtm) {
        String format = dtm.value(1, 3).isEmpty() ? "102" : dtm.value(1, 3);
        DateTimeFormatter formatter = DATE_FORMATS.get(format);
        if (formatter == null) {
            throw new Rejected(dtm, 1, 3, "date format '" + format + "' is not taken (102 CCYYMMDD, 203 CCYYMMDDHHMM, "
                    + "204 CCYYMMDDHHMMSS)");
        }
        String value = dtm.value(1, 2);
        try {
            return "102".equals(format) ? LocalDate.parse(value, formatter) : LocalDateTime.parse(value, formatter).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new Rejected(dtm, 1, 2, "'" + value + "' is no date in format " + format);
        }
    }
}
