package org.tradeflow.allocation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.FillPolicy;
import org.tradeflow.fulfilment.Shipment;
import org.tradeflow.fulfilment.ShipmentPlan;
import org.tradeflow.fulfilment.ShipmentRepository;
import org.tradeflow.fulfilment.ShipmentStatus;
import org.tradeflow.inventory.IncomingSupply;
import org.tradeflow.inventory.StockLedger.StockKey;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.inventory.Warehouse;
import org.tradeflow.inventory.WarehouseRepository;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.rules.RuleSetRegistry;
import org.tradeflow.sourcing.RoutingDecision;
import org.tradeflow.sourcing.RoutingRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reserves the open units of an order across warehouses in the order the routing table prefers, as the
 * order's fill policy allows: everything or nothing (ship complete), what is there with the rest backordered
 * (ship partial), what is there with the rest cancelled (fill or kill), or what is there once it reaches the
 * minimum fill rate. The routing table says per region whether the order is sourced for fewest shipments
 * or line by line; each warehouse that gives units gets one new shipment. Runs again for backorders when
 * goods arrive.
 */
@Service
@Transactional
public class AllocationService {

    private final OrderLifecycle orders;
    private final ShipmentRepository shipments;
    private final WarehouseRepository warehouses;
    private final StockLedger ledger;
    private final IncomingSupply supply;
    private final RuleSetRegistry rules;

    AllocationService(OrderLifecycle orders, ShipmentRepository shipments, WarehouseRepository warehouses,
                      StockLedger ledger, IncomingSupply supply, RuleSetRegistry rules) {
        this.orders = orders;
        this.shipments = shipments;
        this.warehouses = warehouses;
        this.ledger = ledger;
        this.supply = supply;
        this.rules = rules;
    }

    public Allocation allocate(long orderId) {
        SalesOrder order = orders.lock(orderId);
        List<Shipment> existing = shipments.findByOrderIdOrderById(orderId);
        ShipmentPlan plan = ShipmentPlan.of(existing);
        List<OrderLine> open = order.getLines().stream().filter(line -> plan.openUnits(line) > 0).toList();
        if (open.isEmpty()) {
            // woken after an order change cancelled what was waiting: earlier shipments carried the rest, if any
            boolean shipped = existing.stream().anyMatch(shipment -> shipment.getStatus() != ShipmentStatus.CANCELLED);
            if (shipped && order.getStatus() != OrderStatus.SHIPPED) {
                orders.shipped(orderId, true, "Nothing left open: the units still waiting were cancelled");
            }
            return new Allocation(shipped ? Outcome.ALL_SHIPPED : Outcome.NOTHING_TO_SHIP, List.of());
        }
        RoutingDecision routing = route(order, open);
        Map<String, Warehouse> byCode = warehouses.byCode();
        Map<StockKey, Integer> available = ledger.lockAvailable(
                open.stream().map(line -> line.getProduct().getId()).distinct().toList());

        Map<OrderLine, Integer> missingByLine = new LinkedHashMap<>();
        open.forEach(line -> missingByLine.put(line, plan.openUnits(line)));
        int openUnits = missingByLine.values().stream().mapToInt(Integer::intValue).sum();
        boolean wholeOrder = open.stream().allMatch(line -> routing.sourcingFor(line.getLineNo()) == RoutingDecision.Sourcing.ORDER);
        Map<Warehouse, List<Pick>> picksByWarehouse = wholeOrder
                ? fewestShipments(missingByLine, routing, byCode, available)
                : fastestPerLine(missingByLine, routing, byCode, available);
        missingByLine.values().removeIf(missing -> missing == 0);
        int reservable = picksByWarehouse.values().stream().flatMap(List::stream).mapToInt(Pick::quantity).sum();
        String shortages = shortages(missingByLine, routing, byCode);
        FillPolicy policy = order.getFillPolicy();
        if (!shipsNow(policy, order.getMinFillRate(), reservable, openUnits)) {
            orders.backordered(orderId, "Waiting for stock (" + describe(order) + "): " + shortages);
            return new Allocation(Outcome.WAITING, List.of());
        }

        List<String> planned = new ArrayList<>();
        // one reservation per stock row, however many lines share it (a large order repeats products)
        Map<StockKey, Integer> reservations = new TreeMap<>(
                Comparator.comparingLong(StockKey::productId).thenComparingLong(StockKey::warehouseId));
        int sequence = existing.stream().mapToInt(Shipment::getSequenceNo).max().orElse(0);
        for (Map.Entry<Warehouse, List<Pick>> entry : picksByWarehouse.entrySet()) {
            // one shipment per warehouse and delivery address
            Map<String, List<Pick>> byShipTo = entry.getValue().stream().collect(Collectors.groupingBy(
                    pick -> Objects.requireNonNullElse(pick.line().getShipTo(), ""), LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<Pick>> destination : byShipTo.entrySet()) {
                Shipment shipment = Shipment.plan(order, ++sequence, entry.getKey(),
                        destination.getKey().isEmpty() ? null : destination.getKey());
                for (Pick pick : destination.getValue()) {
                    shipment.addLine(pick.line(), pick.quantity());
                    reservations.merge(pick.stock(), pick.quantity(), Integer::sum);
                }
                shipments.save(shipment);
                planned.add(shipment.getShipmentNumber() + " from " + entry.getKey().getCode()
                        + (shipment.getShipTo() == null ? "" : " to " + shipment.getShipTo()));
            }
        }
        ledger.reserveAll(reservations, orderId);
        int backordered = openUnits - reservable;
        if (policy == FillPolicy.FILL_OR_KILL && backordered > 0) {
            missingByLine.forEach(OrderLine::cancelUnits);
            orders.note(orderId, "UNITS_CANCELLED", "Fill or kill: cancelled what cannot ship now: " + shortages);
            backordered = 0;
        }
        if (planned.isEmpty()) {
            return new Allocation(Outcome.NOTHING_TO_SHIP, List.of());
        }
        List<String> numbers = planned.stream().map(p -> p.substring(0, p.indexOf(' '))).toList();
        if (backordered > 0) {
            orders.backordered(orderId, "Shipping " + String.join(", ", planned) + "; " + backordered
                    + " units backordered (" + describe(order) + "): " + shortages);
        } else {
            orders.allocated(orderId, String.join(", ", planned));
        }
        return new Allocation(Outcome.SHIPMENTS_PLANNED, numbers);
    }

    /** Each line from the first warehouse of its own preference list that has stock, then the next. */
    private static Map<Warehouse, List<Pick>> fastestPerLine(Map<OrderLine, Integer> missingByLine, RoutingDecision routing,
                                                             Map<String, Warehouse> byCode, Map<StockKey, Integer> available) {
        Map<Warehouse, List<Pick>> picks = new LinkedHashMap<>();
        for (Map.Entry<OrderLine, Integer> entry : missingByLine.entrySet()) {
            for (String code : routing.warehousesFor(entry.getKey().getLineNo())) {
                Warehouse warehouse = byCode.get(code);
                if (warehouse != null && entry.getValue() > 0) {
                    take(entry, warehouse, available, picks);
                }
            }
        }
        return picks;
    }

    /**
     * As few shipments as possible for the whole order: the warehouse that can give the most open units
     * ships them, then the next for what is left (ties go to the earlier preference), each line only from
     * warehouses its routing allows.
     */
    private static Map<Warehouse, List<Pick>> fewestShipments(Map<OrderLine, Integer> missingByLine, RoutingDecision routing,
                                                              Map<String, Warehouse> byCode, Map<StockKey, Integer> available) {
        List<String> preference = missingByLine.keySet().stream()
                .flatMap(line -> routing.warehousesFor(line.getLineNo()).stream()).distinct()
                .filter(byCode::containsKey).toList();
        Map<Warehouse, List<Pick>> picks = new LinkedHashMap<>();
        List<String> unused = new ArrayList<>(preference);
        while (!unused.isEmpty()) {
            String best = null;
            int bestUnits = 0;
            for (String code : unused) {
                int units = 0;
                for (Map.Entry<OrderLine, Integer> entry : missingByLine.entrySet()) {
                    if (routing.warehousesFor(entry.getKey().getLineNo()).contains(code)) {
                        units += Math.min(entry.getValue(), available.getOrDefault(
                                new StockKey(byCode.get(code).getId(), entry.getKey().getProduct().getId()), 0));
                    }
                }
                if (units > bestUnits) {
                    best = code;
                    bestUnits = units;
                }
            }
            if (best == null) {
                break;
            }
            unused.remove(best);
            for (Map.Entry<OrderLine, Integer> entry : missingByLine.entrySet()) {
                if (entry.getValue() > 0 && routing.warehousesFor(entry.getKey().getLineNo()).contains(best)) {
                    take(entry, byCode.get(best), available, picks);
                }
            }
        }
        return picks;
    }

    /** Takes what the warehouse has of the line's missing units, and counts them as no longer missing. */
    private static void take(Map.Entry<OrderLine, Integer> missing, Warehouse warehouse, Map<StockKey, Integer> available,
                             Map<Warehouse, List<Pick>> picks) {
        StockKey key = new StockKey(warehouse.getId(), missing.getKey().getProduct().getId());
        int take = Math.min(missing.getValue(), available.getOrDefault(key, 0));
        if (take > 0) {
            available.merge(key, -take, Integer::sum);
            picks.computeIfAbsent(warehouse, w -> new ArrayList<>()).add(new Pick(missing.getKey(), key, take));
            missing.setValue(missing.getValue() - take);
        }
    }

    /** "line 1 (22423) short by 5 in [WH-DE, WH-NL], supply expected 2026-12-01": what waits, and until when. */
    private String shortages(Map<OrderLine, Integer> missingByLine, RoutingDecision routing, Map<String, Warehouse> byCode) {
        Map<StockKey, LocalDate> expected = supply.nextExpected(
                missingByLine.keySet().stream().map(line -> line.getProduct().getId()).distinct().toList());
        return missingByLine.entrySet().stream().map(e -> {
            OrderLine line = e.getKey();
            List<String> routed = routing.warehousesFor(line.getLineNo());
            Optional<LocalDate> next = routed.stream().filter(byCode::containsKey)
                    .map(code -> expected.get(new StockKey(byCode.get(code).getId(), line.getProduct().getId())))
                    .filter(Objects::nonNull).min(LocalDate::compareTo);
            return "line " + line.getLineNo() + " (" + line.getProduct().getSku() + ") short by " + e.getValue() + " in "
                    + routed + next.map(day -> ", supply expected " + day).orElse(", no supply expected");
        }).collect(Collectors.joining("; "));
    }

    /** Whether the units that can be reserved now may ship under the policy, or the order waits. */
    static boolean shipsNow(FillPolicy policy, Integer minFillRate, int reservable, int openUnits) {
        return switch (policy) {
            case SHIP_COMPLETE -> reservable == openUnits;
            case SHIP_PARTIAL -> reservable > 0;
            case FILL_OR_KILL -> true;
            case MIN_FILL_RATE -> reservable > 0 && reservable * 100L >= (long) minFillRate * openUnits;
        };
    }

    private static String describe(SalesOrder order) {
        return order.getFillPolicy() == FillPolicy.MIN_FILL_RATE
                ? "fill policy MIN_FILL_RATE " + order.getMinFillRate() + " %" : "fill policy " + order.getFillPolicy();
    }

    private RoutingDecision route(SalesOrder order, List<OrderLine> lines) {
        return RoutingDecision.decide(rules.current(), lines.stream()
                .map(line -> new RoutingRequest(line.getLineNo(), order.deliveryRegion(line),
                        line.getProduct().getCategory(), line.getProduct().getSku()))
                .toList());
    }

    /** What one round of allocation leads to. */
    public enum Outcome {
        /** New shipments go to fulfilment (units may still wait). */
        SHIPMENTS_PLANNED,
        /** Nothing can ship now under the fill policy; the order waits for stock. */
        WAITING,
        /** Nothing is open any more and earlier shipments carry everything. */
        ALL_SHIPPED,
        /** Nothing is open and nothing ever shipped: every unit was cancelled (fill or kill, order changes). */
        NOTHING_TO_SHIP
    }

    /** One round of allocation: its outcome and the shipments it planned (the fulfilment processes' keys). */
    public record Allocation(Outcome outcome, List<String> newShipments) {
    }

    private record Pick(OrderLine line, StockKey stock, int quantity) {
    }
}
