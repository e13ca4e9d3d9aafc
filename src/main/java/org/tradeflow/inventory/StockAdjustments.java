package org.tradeflow.inventory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.web.ApiProblem;

import java.util.List;

/**
 * A stock count that differs from the books (damage, loss, a found pallet) becomes an ADJUSTMENT movement.
 * Stock reserved for orders cannot be adjusted away; the refusal says how much could be.
 */
@Service
public class StockAdjustments {

    private final StockLedger ledger;
    private final JdbcTemplate jdbc;

    StockAdjustments(StockLedger ledger, JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /** The stock row after the adjustment: what is still free for orders. */
    public record Adjusted(String warehouseCode, String sku, int adjustedBy, int availableNow) {
    }

    @Transactional
    public Adjusted adjust(String warehouseCode, String sku, int quantity, String reason, String user) {
        if (quantity == 0) {
            throw ApiProblem.invalidField("quantity", "must not be 0: the count differs by how many units?");
        }
        List<Long> warehouse = jdbc.queryForList("select id from warehouse where code = ?", Long.class, warehouseCode);
        List<Long> product = jdbc.queryForList("select id from product where sku = ?", Long.class, sku);
        if (warehouse.isEmpty()) {
            throw ApiProblem.invalidField("warehouseCode", "unknown warehouse '" + warehouseCode + "'");
        }
        if (product.isEmpty()) {
            throw ApiProblem.invalidField("sku", "unknown SKU '" + sku + "'");
        }
        StockLedger.StockKey key = new StockLedger.StockKey(warehouse.get(0), product.get(0));
        int available = ledger.lockAvailable(product).getOrDefault(key, 0);
        if (available + quantity < 0) {
            throw ApiProblem.conflict("Only " + available + " units of " + sku + " in " + warehouseCode
                    + " are not reserved for orders; an adjustment of " + quantity + " would take reserved stock");
        }
        ledger.adjust(key, quantity, user + ": " + reason);
        return new Adjusted(warehouseCode, sku, quantity, available + quantity);
    }
}
