package org.tradeflow.inventory;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The stock movement ledger. Every change of on-hand or reserved stock is a movement; a database trigger
 * applies it to the stock row and the row's checks refuse any movement that would oversell.
 */
@Repository
@Transactional(propagation = Propagation.MANDATORY)
public class StockLedger {

    private final NamedParameterJdbcTemplate jdbc;

    StockLedger(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the stock rows of these products until the transaction ends and returns what is available.
     * Rows are locked in (product, warehouse) order so that concurrent allocations never deadlock.
     */
    public Map<StockKey, Integer> lockAvailable(Collection<Long> productIds) {
        return available(productIds, " order by product_id, warehouse_id for update");
    }

    /** What is available now, without locking: for proposals that allocation checks again under lock. */
    public Map<StockKey, Integer> available(Collection<Long> productIds) {
        return available(productIds, "");
    }

    private Map<StockKey, Integer> available(Collection<Long> productIds, String locking) {
        Map<StockKey, Integer> available = new HashMap<>();
        if (productIds.isEmpty()) {
            return available;
        }
        jdbc.query("select warehouse_id, product_id, on_hand - reserved as available from stock where product_id in (:productIds)"
                        + locking,
                Map.of("productIds", productIds),
                rs -> {
                    available.put(new StockKey(rs.getLong("warehouse_id"), rs.getLong("product_id")), rs.getInt("available"));
                });
        return available;
    }

    public void reserve(StockKey key, int quantity, long orderId) {
        move(key, "RESERVATION", 0, quantity, orderId, null, null);
    }

    /**
     * An order's reservations in one round trip, however many stock rows: the rows are booked (and so locked) in
     * the map's iteration order.
     */
    public void reserveAll(Map<StockKey, Integer> quantities, long orderId) {
        moveAll(quantities.entrySet().stream().map(e -> movement(e.getKey(), "RESERVATION", 0, e.getValue(), orderId, null, null))
                .toArray(SqlParameterSource[]::new));
    }

    /** A reservation given back: the shipment it was for is cancelled. */
    public void release(StockKey key, int quantity, long orderId, long shipmentId) {
        move(key, "RELEASE", 0, -quantity, orderId, shipmentId, null);
    }

    /** A count that differs from the books; {@code reason} says who and why. */
    public void adjust(StockKey key, int delta, String reason) {
        jdbc.update("""
                insert into stock (warehouse_id, product_id) values (:warehouseId, :productId)
                on conflict do nothing""", keyParameters(key));
        move(key, "ADJUSTMENT", delta, 0, null, null, reason.length() <= 64 ? reason : reason.substring(0, 64));
    }

    /** Goods of a dispatched shipment come back into stock. */
    public void returned(StockKey key, int quantity, long orderId, long shipmentId, String reason) {
        move(key, "RETURN", quantity, 0, orderId, shipmentId, reason.length() <= 64 ? reason : reason.substring(0, 64));
    }

    /** Units returned from each shipment of an order, by shipment and product, in one round trip. */
    public Map<ShipmentProduct, Integer> returnedFromOrder(long orderId) {
        Map<ShipmentProduct, Integer> returned = new HashMap<>();
        jdbc.query("""
                select shipment_id, product_id, sum(on_hand_delta) as units from stock_movement
                 where order_id = :orderId and kind = 'RETURN' group by shipment_id, product_id""",
                Map.of("orderId", orderId), rs -> {
                    returned.put(new ShipmentProduct(rs.getLong("shipment_id"), rs.getLong("product_id")), rs.getInt("units"));
                });
        return returned;
    }

    public record ShipmentProduct(long shipmentId, long productId) {
    }

    /** Units of a product already returned from a shipment. */
    public int returnedFrom(long shipmentId, long productId) {
        Integer returned = jdbc.queryForObject("""
                select coalesce(sum(on_hand_delta), 0) from stock_movement
                 where shipment_id = :shipmentId and product_id = :productId and kind = 'RETURN'""",
                Map.of("shipmentId", shipmentId, "productId", productId), Integer.class);
        return returned == null ? 0 : returned;
    }

    public void ship(StockKey key, int quantity, long orderId, long shipmentId) {
        move(key, "SHIPMENT", -quantity, -quantity, orderId, shipmentId, null);
    }

    /** What a dispatched shipment takes out, in one round trip, booked in the map's iteration order. */
    public void shipAll(Map<StockKey, Integer> quantities, long orderId, long shipmentId) {
        moveAll(quantities.entrySet().stream()
                .map(e -> movement(e.getKey(), "SHIPMENT", -e.getValue(), -e.getValue(), orderId, shipmentId, null))
                .toArray(SqlParameterSource[]::new));
    }

    public void receive(StockKey key, int quantity) {
        receive(key, quantity, null);
    }

    /** Goods arrived, with the purchase order or delivery note they came with. */
    public void receive(StockKey key, int quantity, String reference) {
        jdbc.update("""
                insert into stock (warehouse_id, product_id) values (:warehouseId, :productId)
                on conflict do nothing""", keyParameters(key));
        move(key, "RECEIPT", quantity, 0, null, null, reference);
    }

    private static final String INSERT_MOVEMENT = """
            insert into stock_movement (warehouse_id, product_id, kind, on_hand_delta, reserved_delta, order_id,
                                        shipment_id, reference)
            values (:warehouseId, :productId, :kind, :onHandDelta, :reservedDelta, :orderId, :shipmentId, :reference)""";

    private void move(StockKey key, String kind, int onHandDelta, int reservedDelta, Long orderId, Long shipmentId,
                      String reference) {
        jdbc.update(INSERT_MOVEMENT, movement(key, kind, onHandDelta, reservedDelta, orderId, shipmentId, reference));
    }

    /** One batch (the driver rewrites it into multi-row inserts); the trigger applies the rows in this order. */
    private void moveAll(SqlParameterSource[] movements) {
        if (movements.length > 0) {
            jdbc.batchUpdate(INSERT_MOVEMENT, movements);
        }
    }

    private static MapSqlParameterSource movement(StockKey key, String kind, int onHandDelta, int reservedDelta, Long orderId,
                                                  Long shipmentId, String reference) {
        return keyParameters(key)
                .addValue("kind", kind)
                .addValue("onHandDelta", onHandDelta)
                .addValue("reservedDelta", reservedDelta)
                .addValue("orderId", orderId)
                .addValue("shipmentId", shipmentId)
                .addValue("reference", reference);
    }

    private static MapSqlParameterSource keyParameters(StockKey key) {
        return new MapSqlParameterSource()
                .addValue("warehouseId", key.warehouseId())
                .addValue("productId", key.productId());
    }

    /** A stock row: one product in one warehouse. */
    public record StockKey(long warehouseId, long productId) {
    }
}
