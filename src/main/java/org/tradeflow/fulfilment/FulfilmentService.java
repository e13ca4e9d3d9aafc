package org.tradeflow.fulfilment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.integration.Outbox;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.web.ApiProblem;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Requests shipments from warehouses and books their dispatch. */
@Service
@Transactional
public class FulfilmentService {

    private final ShipmentRepository shipments;
    private final StockLedger ledger;
    private final OrderLifecycle orders;
    private final Outbox outbox;
    private final DispatchListener dispatchListener;
    private final FulfilmentProperties properties;
    private final Clock clock;

    FulfilmentService(ShipmentRepository shipments, StockLedger ledger, OrderLifecycle orders, Outbox outbox,
                      DispatchListener dispatchListener, FulfilmentProperties properties, Clock clock) {
        this.shipments = shipments;
        this.ledger = ledger;
        this.orders = orders;
        this.outbox = outbox;
        this.dispatchListener = dispatchListener;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends the warehouse its pick request (through the outbox); returns how long it has to dispatch. */
    public Duration request(String shipmentNumber) {
        Shipment shipment = shipments.findByShipmentNumber(shipmentNumber)
                .orElseThrow(() -> new IllegalStateException("No shipment " + shipmentNumber));
        if (shipment.getStatus() == ShipmentStatus.PLANNED) {
            shipment.requested();
            outbox.publish("ShipmentRequested", shipmentNumber, Map.of(
                    "shipmentNumber", shipmentNumber,
                    "orderNumber", shipment.getOrder().getOrderNumber(),
                    "warehouse", shipment.getWarehouse().getCode(),
                    "lines", shipment.getLines().stream().map(line -> Map.of(
                            "sku", line.getOrderLine().getProduct().getSku(), "quantity", line.getQuantity())).toList()));
            orders.note(shipment.getOrder().getId(), "SHIPMENT_REQUESTED",
                    shipmentNumber + " requested from " + shipment.getWarehouse().getCode());
        }
        return properties.dispatchSla();
    }

    /**
     * Cancels the order's shipments not yet dispatched and releases their reservations (stock rows in product
     * order, as allocation locks them). The caller holds the order's lock. Returns how many were cancelled.
     */
    public int cancelOpenShipments(long orderId) {
        int cancelled = 0;
        for (Shipment shipment : shipments.findByOrderIdOrderById(orderId)) {
            if (!shipment.getStatus().isOpen()) {
                continue;
            }
            shipment.getLines().stream().sorted(Comparator.comparing(line -> line.getOrderLine().getProduct().getId()))
                    .forEach(line -> ledger.release(new StockLedger.StockKey(shipment.getWarehouse().getId(),
                            line.getOrderLine().getProduct().getId()), line.getQuantity(), orderId, shipment.getId()));
            shipment.cancelled();
            cancelled++;
        }
        return cancelled;
    }

    public Shipment dispatch(long shipmentId, String carrier, String trackingNumber) {
        // Order first, then shipment: two dispatches of one order (or a 3PL's retry) run one after the other.
        long orderId = shipments.findOrderId(shipmentId)
                .orElseThrow(() -> ApiProblem.notFound("No shipment with id " + shipmentId));
        orders.lock(orderId);
        Shipment shipment = shipments.findForUpdate(shipmentId).orElseThrow();
        if (shipment.getStatus() != ShipmentStatus.REQUESTED) {
            throw ApiProblem.conflict("Shipment " + shipment.getShipmentNumber() + " is " + shipment.getStatus()
                    + "; only a requested shipment can be dispatched");
        }
        shipment.dispatched(carrier, trackingNumber, clock.instant());
        // Stock rows in product order, as allocation locks them, so the two never deadlock.
        List<ShipmentLine> lines = shipment.getLines().stream()
                .sorted(Comparator.comparing(line -> line.getOrderLine().getProduct().getId())).toList();
        for (ShipmentLine line : lines) {
            ledger.ship(new StockLedger.StockKey(shipment.getWarehouse().getId(), line.getOrderLine().getProduct().getId()),
                    line.getQuantity(), orderId, shipment.getId());
        }
        List<Shipment> ofOrder = shipments.findByOrderIdOrderById(orderId);
        boolean allDispatched = ofOrder.stream().noneMatch(s -> s.getStatus().isOpen())
                && ShipmentPlan.of(ofOrder).openUnits(shipment.getOrder()) == 0;
        orders.shipped(orderId, allDispatched, shipment.getShipmentNumber() + " dispatched by " + carrier
                + ", tracking " + trackingNumber);
        dispatchListener.dispatched(shipment.getShipmentNumber());
        return shipment;
    }
}
