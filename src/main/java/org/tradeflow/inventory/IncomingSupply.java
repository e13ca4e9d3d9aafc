package org.tradeflow.inventory;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Purchase-order lines on their way to a warehouse: stock that is expected, not yet there. */
@Repository
public class IncomingSupply {

    private final NamedParameterJdbcTemplate jdbc;

    IncomingSupply(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery expected in a warehouse. */
    public record Expected(long warehouseId, LocalDate expectedOn, int quantity, String reference) {
    }

    /** Everything expected of a product, by warehouse, earliest first. */
    public Map<Long, List<Expected>> expected(long productId) {
        Map<Long, List<Expected>> byWarehouse = new HashMap<>();
        jdbc.query("""
                select warehouse_id, expected_on, quantity, reference from incoming_supply
                 where product_id = :product order by expected_on, id""",
                Map.of("product", productId),
                rs -> {
                    byWarehouse.computeIfAbsent(rs.getLong("warehouse_id"), id -> new ArrayList<>()).add(new Expected(
                            rs.getLong("warehouse_id"), rs.getObject("expected_on", LocalDate.class), rs.getInt("quantity"),
                            rs.getString("reference")));
                });
        return byWarehouse;
    }

    /**
     * Goods of a purchase order arrived: its lines for this warehouse and product are no longer expected,
     * oldest first; a line received in part stays expected with the rest.
     */
    public void received(long warehouseId, long productId, String reference, int quantity) {
        int left = quantity;
        List<Map<String, Object>> lines = jdbc.queryForList("""
                select id, quantity from incoming_supply
                 where warehouse_id = :warehouse and product_id = :product and reference = :reference
                 order by expected_on, id for update""",
                Map.of("warehouse", warehouseId, "product", productId, "reference", reference));
        for (Map<String, Object> line : lines) {
            if (left == 0) {
                break;
            }
            int expected = ((Number) line.get("quantity")).intValue();
            long id = ((Number) line.get("id")).longValue();
            if (expected <= left) {
                jdbc.update("delete from incoming_supply where id = :id", Map.of("id", id));
                left -= expected;
            } else {
                jdbc.update("update incoming_supply set quantity = quantity - :received where id = :id",
                        Map.of("id", id, "received", left));
                left = 0;
            }
        }
    }

    /** The next expected delivery per warehouse and product. */
    public Map<StockLedger.StockKey, LocalDate> nextExpected(Collection<Long> productIds) {
        Map<StockLedger.StockKey, LocalDate> next = new HashMap<>();
        if (productIds.isEmpty()) {
            return next;
        }
        jdbc.query("""
                select warehouse_id, product_id, min(expected_on) as expected_on from incoming_supply
                 where product_id in (:productIds) group by warehouse_id, product_id""",
                Map.of("productIds", productIds),
                rs -> {
                    next.put(new StockLedger.StockKey(rs.getLong("warehouse_id"), rs.getLong("product_id")),
                            rs.getObject("expected_on", LocalDate.class));
                });
        return next;
    }
}
