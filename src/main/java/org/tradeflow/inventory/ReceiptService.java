package org.tradeflow.inventory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.catalog.Product;
import org.tradeflow.catalog.ProductRepository;
import org.tradeflow.inventory.IncomingSupply;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.inventory.Warehouse;
import org.tradeflow.inventory.WarehouseRepository;
import org.tradeflow.business.BusinessException;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.intake.Idempotency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Books goods that arrived in a warehouse: a RECEIPT movement per line and the purchase order's expected supply
 * consumed, and tells the other modules with a {@link StockReceived} event in the same transaction (the order
 * desk wakes the backorders that wait for these products).
 */
@Service
public class ReceiptService {

    /** The scope of receipt Idempotency-Keys. */
    static final String SCOPE = "receipt";

    private final Idempotency idempotency;
    private final WarehouseRepository warehouses;
    private final ProductRepository products;
    private final StockLedger ledger;
    private final IncomingSupply supply;
    private final ApplicationEventPublisher events;

    ReceiptService(Idempotency idempotency, WarehouseRepository warehouses, ProductRepository products, StockLedger ledger,
                   IncomingSupply supply, ApplicationEventPublisher events) {
        this.idempotency = idempotency;
        this.warehouses = warehouses;
        this.products = products;
        this.ledger = ledger;
        this.supply = supply;
        this.events = events;
    }

    public record ReceivedLine(String sku, int quantity) {
    }

    /**
     * What was booked; {@code replayed}
     * when the same Idempotency-Key booked these goods before (nothing is booked again).
     */
    public record Receipt(String warehouseCode, String reference, List<ReceivedLine> lines, boolean replayed) {
    }

    @Transactional
    public Receipt receive(String warehouseCode, String reference, List<ReceivedLine> lines, String user,
                           String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<String> earlier = idempotency.claim(SCOPE, user, idempotencyKey, fingerprint(warehouseCode, reference, lines),
                    earlierReference -> "a different receipt");
            if (earlier.isPresent()) {
                return new Receipt(warehouseCode, reference, lines, true);
            }
            idempotency.answered(SCOPE, user, idempotencyKey, reference);
        }
        Warehouse warehouse = warehouses.findByCode(warehouseCode).orElseThrow(() -> new InvalidInput("warehouseCode", "unknown warehouse '" + warehouseCode + "'"));
        Map<String, Product> bySku = products.findBySkuIn(lines.stream().map(ReceivedLine::sku).toList()).stream()
                .collect(Collectors.toMap(Product::getSku, Function.identity()));
        List<BusinessException.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!bySku.containsKey(lines.get(i).sku())) {
                unknown.add(new BusinessException.FieldError("lines[" + i + "].sku", "unknown SKU '" + lines.get(i).sku() + "' on line " + (i + 1)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInput(unknown);
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
        return Idempotency.fingerprint(canonical.getBytes(StandardCharsets.UTF_8));
    }
}
