package org.tradeflow.fulfilment;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderLine;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.business.StateConflict;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests shipments from warehouses and books their dispatch. */
@Service
@Transactional
public class FulfilmentService {

    private final ShipmentRepository shipments;
    private final StockLedger ledger;
    private final OrderLifecycle orders;
    private final ApplicationEventPublisher events;
    private final FulfilmentProperties properties;
    private final Clock clock;

    FulfilmentService(ShipmentRepository shipments, StockLedger ledger, OrderLifecycle orders, ApplicationEventPublisher events,
                      FulfilmentProperties properties, Clock clock) {
        this.shipments = shipments;
        this.ledger = ledger;
        this.orders = orders;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends the warehouse its pick request (through the outbox); returns how long it has to dispatch. */
    public Duration request(String shipmentNumber) {
        Shipment shipment = shipments.findByShipmentNumber(shipmentNumber)
                .orElseThrow(() -> new IllegalStateException("No shipment " + shipmentNumber));
        if (shipment.getStatus() == ShipmentStatus.PLANNED) {
            shipment.requested();
            announce("ShipmentRequested", shipment);
            orders.note(shipment.getOrder().getId(), "SHIPMENT_REQUESTED",
                    shipmentNumber + " requested from " + shipment.getWarehouse().getCode());
        }
        return properties.dispatchSla();
    }

    /**
     * Cancels the order's shipments not yet dispatched, releases their reservations and tells the warehouses
     * that had the request. The caller holds the order's lock and its stock rows. Returns how many were cancelled.
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
            boolean requested = shipment.getStatus() == ShipmentStatus.REQUESTED;
            shipment.cancelled();
            if (requested) {
                announce("ShipmentCancelled", shipment); // the warehouse has the pick request: tell it to stop
            }
            cancelled++;
        }
        return cancelled;
    }

    /**
     * Takes units of an order line off the order's shipments not yet dispatched (planned ones first, so that
     * requests already with a warehouse change as little as possible) and releases their reservations. A
     * requested shipment that changes is announced again through the outbox. The caller holds the order's
     * lock and its stock rows. Returns the shipments left with nothing to carry (now cancelled).
     */
    public List<String> withdraw(long orderId, OrderLine orderLine, int units) {
        List<String> emptied = new java.util.ArrayList<>();
        int left = units;
        List<Shipment> open = shipments.findByOrderIdOrderById(orderId).stream().filter(s -> s.getStatus().isOpen())
                .sorted(Comparator.comparing((Shipment s) -> s.getStatus() == ShipmentStatus.REQUESTED)).toList();
        for (Shipment shipment : open) {
            for (ShipmentLine line : List.copyOf(shipment.getLines())) {
                if (left == 0 || !line.getOrderLine().getId().equals(orderLine.getId())) {
                    continue;
                }
                int take = Math.min(left, line.getQuantity());
                ledger.release(new StockLedger.StockKey(shipment.getWarehouse().getId(), orderLine.getProduct().getId()),
                        take, orderId, shipment.getId());
                if (take == line.getQuantity()) {
                    shipment.getLines().remove(line);
                } else {
                    line.reduce(take);
                }
                left -= take;
                if (shipment.getLines().isEmpty()) {
                    shipment.cancelled();
                    emptied.add(shipment.getShipmentNumber());
                }
                if (shipment.getStatus() != ShipmentStatus.PLANNED) {
                    announce(shipment.getStatus() == ShipmentStatus.CANCELLED ? "ShipmentCancelled" : "ShipmentChanged", shipment);
                }
            }
        }
        if (left > 0) {
            throw new IllegalStateException("Line " + orderLine.getLineNo() + " has " + left + " units fewer in open shipments than asked");
        }
        return emptied;
    }

    private void announce(String event, Shipment shipment) {
        events.publishEvent(ShipmentAnnouncement.of(event, shipment));
    }

    /** What dispatched shipments carried of an order line less what came back of it, and when the last of them left. */
    public record Shipped(int quantity, Instant lastDispatchedAt) {
    }

    /**
     * Per order line of the order (by id), what its dispatched shipments carried and the customer still has: units
     * booked back from a shipment are taken off its lines of that product in line order.
     */
    @Transactional(readOnly = true)
    public Map<Long, Shipped> shipped(long orderId) {
        Map<StockLedger.ShipmentProduct, Integer> returned = new HashMap<>(ledger.returnedFromOrder(orderId));
        Map<Long, Shipped> shipped = new HashMap<>();
        for (Shipment shipment : shipments.findByOrderIdOrderById(orderId)) {
            if (shipment.getStatus() == ShipmentStatus.DISPATCHED || shipment.getStatus() == ShipmentStatus.INVOICED) {
                for (ShipmentLine line : shipment.getLines()) {
                    StockLedger.ShipmentProduct key = new StockLedger.ShipmentProduct(shipment.getId(),
                            line.getOrderLine().getProduct().getId());
                    int back = Math.min(line.getQuantity(), returned.getOrDefault(key, 0));
                    returned.merge(key, -back, Integer::sum);
                    shipped.merge(line.getOrderLine().getId(), new Shipped(line.getQuantity() - back, shipment.getDispatchedAt()),
                            (a, b) -> new Shipped(a.quantity() + b.quantity(),
                                    a.lastDispatchedAt().isAfter(b.lastDispatchedAt()) ? a.lastDispatchedAt() : b.lastDispatchedAt()));
                }
            }
        }
        return shipped;
    }

    /** Goods booked back: at the warehouse of the shipment they came from, and how many more of the product may still come back from it. */
    public record ReturnedGoods(long warehouseId, long productId, int stillReturnable) {
    }

    /**
     * Goods of an order line that a dispatched shipment carried came back to its warehouse (a RETURN movement),
     * never more than the shipment carried of the product. Goods that wait for inspection are not sellable: they
     * are booked back and set aside at once (an ADJUSTMENT naming {@code reference}), until inspection restocks
     * them. The caller holds the order's lock.
     */
    public ReturnedGoods receiveReturn(long shipmentId, OrderLine orderLine, int quantity, boolean sellable, String reference,
                                       String user) {
        long orderId = shipments.findOrderId(shipmentId).orElseThrow(() -> new ShipmentNotFound(shipmentId));
        String sku = orderLine.getProduct().getSku();
        if (orderId != orderLine.getOrder().getId()) {
            throw new StateConflict("return.other-order", "Shipment " + shipmentId + " is not of order "
                    + orderLine.getOrder().getOrderNumber() + ", which " + reference + " returns goods of");
        }
        orders.lock(orderId);
        Shipment shipment = shipments.findForUpdate(shipmentId).orElseThrow();
        if (shipment.getStatus() != ShipmentStatus.DISPATCHED && shipment.getStatus() != ShipmentStatus.INVOICED) {
            throw new ShipmentStateConflict("Shipment " + shipment.getShipmentNumber() + " is " + shipment.getStatus()
                    + "; only dispatched goods can come back");
        }
        long productId = orderLine.getProduct().getId();
        List<ShipmentLine> lines = shipment.getLines().stream()
                .filter(line -> line.getOrderLine().getProduct().getId() == productId).toList();
        if (lines.stream().noneMatch(line -> line.getOrderLine().getId().equals(orderLine.getId()))) {
            throw new InvalidInput("sku", "shipment " + shipment.getShipmentNumber() + " carried no " + sku
                    + " of order line " + orderLine.getLineNo());
        }
        int returnable = lines.stream().mapToInt(ShipmentLine::getQuantity).sum() - ledger.returnedFrom(shipmentId, productId);
        if (quantity > returnable) {
            throw new ShipmentStateConflict("Only " + returnable + " units of " + sku + " from " + shipment.getShipmentNumber()
                    + " can still come back");
        }
        StockLedger.StockKey key = new StockLedger.StockKey(shipment.getWarehouse().getId(), productId);
        ledger.returned(key, quantity, orderId, shipmentId, reference + " by " + user);
        if (!sellable) {
            ledger.adjust(key, -quantity, reference + ": awaiting inspection");
        }
        orders.note(orderId, "GOODS_RETURNED", quantity + " x " + sku + " from " + shipment.getShipmentNumber()
                + " back in " + shipment.getWarehouse().getCode() + " against " + reference + ", booked by " + user
                + (sellable ? "" : "; set aside for inspection"));
        return new ReturnedGoods(shipment.getWarehouse().getId(), productId, returnable - quantity);
    }

    public Shipment dispatch(long shipmentId, String carrier, String trackingNumber) {
        // Order first, then shipment: two dispatches of one order (or a 3PL's retry) run one after the other.
        long orderId = shipments.findOrderId(shipmentId)
                .orElseThrow(() -> new ShipmentNotFound(shipmentId));
        orders.lock(orderId);
        Shipment shipment = shipments.findForUpdate(shipmentId).orElseThrow();
        if (shipment.getStatus() != ShipmentStatus.REQUESTED) {
            throw new ShipmentStateConflict("Shipment " + shipment.getShipmentNumber() + " is " + shipment.getStatus()
                    + "; only a requested shipment can be dispatched");
        }
        shipment.dispatched(carrier, trackingNumber, clock.instant());
        List<Shipment> ofOrder = shipments.findByOrderIdOrderById(orderId);
        boolean allDispatched = ofOrder.stream().noneMatch(s -> s.getStatus().isOpen())
                && ShipmentPlan.of(ofOrder).openUnits(shipment.getOrder()) == 0;
        orders.shipped(orderId, allDispatched, shipment.getShipmentNumber() + " dispatched by " + carrier
                + ", tracking " + trackingNumber);
        events.publishEvent(new ShipmentDispatched(shipment.getShipmentNumber(), shipment.getOrder().getOrderNumber(),
                shipment.getWarehouse().getCode(), carrier, trackingNumber, allDispatched));
        // The stock rows last: every order shares them, so each dispatch holds their locks only while it commits,
        // not while the process moves on (the order-to-cash benchmark found dispatches queueing here). In product
        // order, as allocation locks them, so the two never deadlock; one movement per row.
        Map<StockLedger.StockKey, Integer> shipped = new TreeMap<>(Comparator.comparingLong(StockLedger.StockKey::productId));
        for (ShipmentLine line : shipment.getLines()) {
            shipped.merge(new StockLedger.StockKey(shipment.getWarehouse().getId(), line.getOrderLine().getProduct().getId()),
                    line.getQuantity(), Integer::sum);
        }
        ledger.shipAll(shipped, orderId, shipment.getId());
        return shipment;
    }
}
