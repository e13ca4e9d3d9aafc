package org.tradeflow.allocation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.account.FillPolicy;
import org.tradeflow.fulfilment.Shipment;
import org.tradeflow.fulfilment.ShipmentPlan;
import org.tradeflow.fulfilment.ShipmentRepository;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.inventory.StockLedger.StockKey;
import org.tradeflow.inventory.Warehouse;
import org.tradeflow.inventory.WarehouseRepository;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.rules.RuleSetRegistry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reserves the open units of an order across warehouses in the order the routing table prefers, as the
 * order's fill policy allows: everything or nothing (ship complete), what is there with the rest backordered
 * (ship partial), what is there with the rest cancelled (fill or kill), or what is there once it reaches the
 * minimum fill rate. Each warehouse that gives units gets one new shipment. Runs again for backorders when
 * goods arrive.
 */
@Service
@Transactional
public class AllocationService {

    private final OrderLifecycle orders;
    private final ShipmentRepository shipments;
    private final WarehouseRepository warehouses;
    private final StockLedger ledger;
    private final RuleSetRegistry rules;

    AllocationService(OrderLifecycle orders, ShipmentRepository shipments, WarehouseRepository warehouses,
                      StockLedger ledger, RuleSetRegistry rules) {
        this.orders = orders;
        this.shipments = shipments;
        this.warehouses = warehouses;
        this.ledger = ledger;
        this.rules = rules;
    }

    public Allocation allocate(long orderId) {
        SalesOrder order = orders.lock(orderId);
        List<Shipment> existing = shipments.findByOrderIdOrderById(orderId);
        ShipmentPlan plan = ShipmentPlan.of(existing);
        List<OrderLine> open = order.getLines().stream().filter(line -> plan.openUnits(line) > 0).toList();
        if (open.isEmpty()) {
            return new Allocation(List.of(), 0, false);
        }
        RoutingDecision routing = route(order, open);
        Map<String, Warehouse> byCode = warehouses.findAll().stream()
                .collect(Collectors.toMap(Warehouse::getCode, Function.identity()));
        Map<StockKey, Integer> available = ledger.lockAvailable(
                open.stream().map(line -> line.getProduct().getId()).distinct().toList());

        Map<Warehouse, List<Pick>> picksByWarehouse = new LinkedHashMap<>();
        Map<OrderLine, Integer> missingByLine = new LinkedHashMap<>();
        int openUnits = 0;
        int reservable = 0;
        for (OrderLine line : open) {
            int missing = plan.openUnits(line);
            openUnits += missing;
            for (String code : routing.warehousesFor(line.getLineNo())) {
                Warehouse warehouse = byCode.get(code);
                if (warehouse == null || missing == 0) {
                    continue;
                }
                StockKey key = new StockKey(warehouse.getId(), line.getProduct().getId());
                int take = Math.min(missing, available.getOrDefault(key, 0));
                if (take > 0) {
                    available.merge(key, -take, Integer::sum);
                    picksByWarehouse.computeIfAbsent(warehouse, w -> new ArrayList<>()).add(new Pick(line, key, take));
                    missing -= take;
                    reservable += take;
                }
            }
            if (missing > 0) {
                missingByLine.put(line, missing);
            }
        }
        String shortages = missingByLine.entrySet().stream().map(e -> "line " + e.getKey().getLineNo() + " ("
                        + e.getKey().getProduct().getSku() + ") short by " + e.getValue() + " in "
                        + routing.warehousesFor(e.getKey().getLineNo()))
                .collect(Collectors.joining("; "));
        FillPolicy policy = order.getFillPolicy();
        if (!shipsNow(policy, order.getMinFillRate(), reservable, openUnits)) {
            orders.backordered(orderId, "Waiting for stock (" + describe(order) + "): " + shortages);
            return new Allocation(List.of(), openUnits, false);
        }

        List<String> planned = new ArrayList<>();
        // one reservation per stock row, however many lines share it (a large order repeats products)
        Map<StockKey, Integer> reservations = new java.util.TreeMap<>(
                java.util.Comparator.comparingLong(StockKey::productId).thenComparingLong(StockKey::warehouseId));
        int sequence = existing.stream().mapToInt(Shipment::getSequenceNo).max().orElse(0);
        for (Map.Entry<Warehouse, List<Pick>> entry : picksByWarehouse.entrySet()) {
            Shipment shipment = Shipment.plan(order, ++sequence, entry.getKey());
            for (Pick pick : entry.getValue()) {
                shipment.addLine(pick.line(), pick.quantity());
                reservations.merge(pick.stock(), pick.quantity(), Integer::sum);
            }
            shipments.save(shipment);
            planned.add(shipment.getShipmentNumber() + " from " + entry.getKey().getCode());
        }
        reservations.forEach((stock, quantity) -> ledger.reserve(stock, quantity, orderId));
        int backordered = openUnits - reservable;
        if (policy == FillPolicy.FILL_OR_KILL && backordered > 0) {
            missingByLine.forEach(OrderLine::cancelUnits);
            orders.note(orderId, "UNITS_CANCELLED", "Fill or kill: cancelled what cannot ship now: " + shortages);
            backordered = 0;
        }
        if (planned.isEmpty()) {
            return new Allocation(List.of(), 0, true);
        }
        List<String> numbers = planned.stream().map(p -> p.substring(0, p.indexOf(' '))).toList();
        if (backordered > 0) {
            orders.backordered(orderId, "Shipping " + String.join(", ", planned) + "; " + backordered
                    + " units backordered (" + describe(order) + "): " + shortages);
        } else {
            orders.allocated(orderId, String.join(", ", planned));
        }
        return new Allocation(numbers, backordered, false);
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
        RoutingDecision routing = new RoutingDecision();
        List<RoutingRequest> requests = lines.stream()
                .map(line -> new RoutingRequest(line.getLineNo(), order.getAccount().getRegion(),
                        line.getProduct().getCategory(), line.getProduct().getSku()))
                .toList();
        rules.current().evaluate(Map.of("routing", routing), requests);
        return routing;
    }

    /**
     * One round of allocation: the shipments it planned (their numbers are the fulfilment processes' keys),
     * the units still waiting for stock, and whether the order ends with nothing to ship (all killed).
     */
    public record Allocation(List<String> newShipments, int backorderedUnits, boolean nothingToShip) {
    }

    private record Pick(OrderLine line, StockKey stock, int quantity) {
    }
}
