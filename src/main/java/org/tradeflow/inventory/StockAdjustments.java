package org.tradeflow.inventory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.catalog.Product;
import org.tradeflow.catalog.ProductRepository;
import org.tradeflow.business.InvalidInput;

import java.util.List;

/**
 * A stock count that differs from the books (damage, loss, a found pallet) becomes an ADJUSTMENT movement.
 * Stock reserved for orders cannot be adjusted away; the refusal says how much could be.
 */
@Service
public class StockAdjustments {

    private final StockLedger ledger;
    private final WarehouseRepository warehouses;
    private final ProductRepository products;

    StockAdjustments(StockLedger ledger, WarehouseRepository warehouses, ProductRepository products) {
        this.ledger = ledger;
        this.warehouses = warehouses;
        this.products = products;
    }

    /** The stock row after the adjustment: what is still free for orders. */
    public record Adjusted(String warehouseCode, String sku, int adjustedBy, int availableNow) {
    }

    @Transactional
    public Adjusted adjust(String warehouseCode, String sku, int quantity, String reason, String user) {
        if (quantity == 0) {
            throw new InvalidInput("quantity", "must not be 0: the count differs by how many units?");
        }
        Warehouse warehouse = warehouses.findByCode(warehouseCode)
                .orElseThrow(() -> new InvalidInput("warehouseCode", "unknown warehouse '" + warehouseCode + "'"));
        Product product = products.findBySkuIn(List.of(sku)).stream().findFirst()
                .orElseThrow(() -> new InvalidInput("sku", "unknown SKU '" + sku + "'"));
        StockLedger.StockKey key = new StockLedger.StockKey(warehouse.getId(), product.getId());
        int available = ledger.lockAvailable(List.of(product.getId())).getOrDefault(key, 0);
        if (available + quantity < 0) {
            throw new InsufficientStock("Only " + available + " units of " + sku + " in " + warehouseCode
                    + " are not reserved for orders; an adjustment of " + quantity + " would take reserved stock");
        }
        ledger.adjust(key, quantity, user + ": " + reason);
        return new Adjusted(warehouseCode, sku, quantity, available + quantity);
    }
}
