package org.tradeflow.allocation;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.fulfilment.Shipment;
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
 * Reserves an order's stock across warehouses in the order the routing table prefers, ship-complete: either
 * every line is covered and one shipment per warehouse is planned, or nothing is reserved.
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
        SalesOrder order = orders.get(orderId);
        RoutingDecision routing = route(order);
        Map<String, Warehouse> byCode = warehouses.findAll().stream()
                .collect(Collectors.toMap(Warehouse::getCode, Function.identity()));
        Map<StockKey, Integer> available = ledger.lockAvailable(
                order.getLines().stream().map(line -> line.getProduct().getId()).distinct().toList());

        Map<Warehouse, List<Pick>> picksByWarehouse = new LinkedHashMap<>();
        List<String> shortages = new ArrayList<>();
        for (OrderLine line : order.getLines()) {
            int missing = line.getQuantity();
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
                }
            }
            if (missing > 0) {
                shortages.add("line " + line.getLineNo() + " (" + line.getProduct().getSku() + ") short by " + missing
                        + " of " + line.getQuantity() + " in " + routing.warehousesFor(line.getLineNo()));
            }
        }
        if (!shortages.isEmpty()) {
            orders.backordered(orderId, "Not enough stock to ship complete: " + String.join("; ", shortages));
            return new Allocation(false, 0);
        }

        int sequence = 0;
        List<String> summary = new ArrayList<>();
        for (Map.Entry<Warehouse, List<Pick>> entry : picksByWarehouse.entrySet()) {
            Shipment shipment = Shipment.plan(order, ++sequence, entry.getKey());
            for (Pick pick : entry.getValue()) {
                shipment.addLine(pick.line(), pick.quantity());
                ledger.reserve(pick.stock(), pick.quantity(), orderId);
            }
            shipments.save(shipment);
            summary.add(shipment.getShipmentNumber() + " from " + entry.getKey().getCode());
        }
        orders.allocated(orderId, String.join(", ", summary));
        return new Allocation(true, sequence);
    }

    private RoutingDecision route(SalesOrder order) {
        RoutingDecision routing = new RoutingDecision();
        List<RoutingRequest> requests = order.getLines().stream()
                .map(line -> new RoutingRequest(line.getLineNo(), order.getAccount().getRegion(),
                        line.getProduct().getCategory(), line.getProduct().getSku()))
                .toList();
        rules.current().evaluate(Map.of("routing", routing), requests);
        return routing;
    }

    public record Allocation(boolean allocated, int shipmentCount) {
    }

    private record Pick(OrderLine line, StockKey stock, int quantity) {
    }
}
