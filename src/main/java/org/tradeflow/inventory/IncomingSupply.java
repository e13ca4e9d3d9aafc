package org.tradeflow.inventory;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Purchase-order lines on their way to a warehouse: stock that is expected, not yet there. */
@Repository
public class IncomingSupply {

    private final NamedParameterJdbcTemplate jdbc;

    IncomingSupply(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
