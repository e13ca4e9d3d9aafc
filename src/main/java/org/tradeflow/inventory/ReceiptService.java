package org.tradeflow.inventory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.catalog.Product;
import org.tradeflow.catalog.ProductRepository;
import org.tradeflow.inventory.IncomingSupply;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.inventory.Warehouse;
import org.tradeflow.inventory.WarehouseRepository;
import org.tradeflow.web.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Books goods that arrived in a warehouse: a RECEIPT movement per line and the purchase order's expected supply
 * consumed, and tells the other modules with a {@link StockReceived} event in the same transaction (the order
 * desk wakes the backorders that wait for these products).
 */
@Service
public class ReceiptService {

    private final JdbcTemplate jdbc;
    private final WarehouseRepository warehouses;
    private final ProductRepository products;
    private final StockLedger ledger;
    private final IncomingSupply supply;
    private final ApplicationEventPublisher events;

    ReceiptService(JdbcTemplate jdbc, WarehouseRepository warehouses, ProductRepository products, StockLedger ledger,
                   IncomingSupply supply, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.warehouses = warehouses;
        this.products = products;
        this.ledger = ledger;
        this.supply = supply;
        this.events = events;
    }

    public record ReceivedLine(String sku, int quantity) {
    }

    /**
     * What was booked and which waiting orders were woken, in the order they will be allocated; {@code replayed}
     * when the same Idempotency-Key booked these goods before (nothing is booked again).
     */
    public record Receipt(String warehouseCode, String reference, List<ReceivedLine> lines, boolean replayed) {
    }

    @Transactional
    public Receipt receive(String warehouseCode, String reference, List<ReceivedLine> lines, String user,
                           String idempotencyKey) {
        if (idempotencyKey != null) {
            String key = user + "/" + idempotencyKey; // one caller's key never matches another caller's receipt
            String hash = fingerprint(warehouseCode, reference, lines);
            List<String> earlier = jdbc.queryForList("select request_hash from goods_receipt where idempotency_key = ?",
                    String.class, key);
            if (!earlier.isEmpty()) {
                if (!earlier.get(0).equals(hash)) {
                    throw ApiProblem.invalidField("Idempotency-Key", "was already used by you for a different receipt");
                }
                return new Receipt(warehouseCode, reference, lines, true);
            }
            // a concurrent retry with the same key fails on the unique key and is answered as a replay
            jdbc.update("insert into goods_receipt (idempotency_key, request_hash, warehouse_code, reference, booked_by) "
                    + "values (?, ?, ?, ?, ?)", key, hash, warehouseCode, reference, user);
        }
        Warehouse warehouse = warehouses.findByCode(warehouseCode).orElseThrow(() -> ApiProblem.invalidField("warehouseCode", "unknown warehouse '" + warehouseCode + "'"));
        Map<String, Product> bySku = products.findBySkuIn(lines.stream().map(ReceivedLine::sku).toList()).stream()
                .collect(Collectors.toMap(Product::getSku, Function.identity()));
        List<ApiProblem.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!bySku.containsKey(lines.get(i).sku())) {
                unknown.add(new ApiProblem.FieldError("lines[" + i + "].sku", "unknown SKU '" + lines.get(i).sku() + "' on line " + (i + 1)));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiProblem.invalid(unknown.stream().map(ApiProblem.FieldError::message).collect(Collectors.joining("; ")), unknown);
        }
        // stock rows in product order, as allocation locks them
        lines.stream().sorted((a, b) -> Long.compare(bySku.get(a.sku()).getId(), bySku.get(b.sku()).getId())).forEach(line -> {
            long productId = bySku.get(line.sku()).getId();
            ledger.receive(new StockLedger.StockKey(warehouse.getId(), productId), line.quantity(), reference);
            supply.received(warehouse.getId(), productId, reference, line.quantity());
        });
        events.publishEvent(new StockReceived(warehouseCode, reference,
                lines.stream().map(line -> bySku.get(line.sku()).getId()).distinct().toList(), user));
        return new Receipt(warehouseCode, reference, lines, false);
    }

    private static String fingerprint(String warehouseCode, String reference, List<ReceivedLine> lines) {
        String canonical = warehouseCode + "|" + reference + "|" + lines.stream().map(l -> l.sku() + "x" + l.quantity())
                .collect(Collectors.joining(","));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
