package org.tradeflow.benchmark;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.allocation.AllocationService;
import org.tradeflow.availability.AvailabilityService;
import org.tradeflow.catalog.ProductRepository;
import org.tradeflow.support.IntegrationTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Allocating a 5,000-line order across three warehouses (locking, routing rules, reservations and shipments
 * in PostgreSQL, rolled back after each run) and the latency of availability look-ups. Prints a report (and
 * writes target/benchmark-allocation.txt); asserts nothing about time. Run with {@code ./mvnw -Pbenchmark test}.
 */
class AllocationBenchmark extends IntegrationTest {

    private static final int LINES = 5_000;
    private static final int ALLOCATION_RUNS = 10;
    private static final int LOOKUPS = 2_000;

    @Autowired
    AllocationService allocation;
    @Autowired
    AvailabilityService availability;
    @Autowired
    ProductRepository products;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void allocateALargeOrderAndLookUpAvailability() throws IOException {
        List<String> skus = products.findAllByActiveTrueOrderBySku().stream().map(p -> p.getSku())
                .filter(sku -> !sku.equals("22112") && !sku.equals("84029G")).toList();
        // A ship-to region with no routing row of its own: the default row routes it to all three warehouses.
        jdbc.update("""
                insert into customer_account (code, name, customer_group, tier, region, currency, payment_terms_days,
                                              credit_limit, opened_on, fill_policy)
                values ('BENCH-APAC', 'Benchmark Pacific', 'WHOLESALE', 'GOLD', 'APAC', 'EUR', 30, 100000000,
                        current_date - 1000, 'SHIP_PARTIAL') on conflict do nothing""");
        // Each warehouse holds about a third of what the order asks per product, so the lines spill across all three.
        int perSku = LINES / skus.size() * 10;
        for (String sku : skus) {
            fixtures.receive(sku, "WH-DE", perSku / 3);
            fixtures.receive(sku, "WH-NL", perSku / 3);
            fixtures.receive(sku, "WH-US", perSku);
        }
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add(Map.of("sku", skus.get(i % skus.size()), "quantity", 10));
        }
        long orderId = api.post("/api/v1/orders", Map.of("accountCode", "BENCH-APAC",
                "customerPoNumber", "BENCH-" + System.nanoTime(), "lines", lines)).json().get("id").asLong();

        long[] allocationNanos = new long[ALLOCATION_RUNS];
        int shipments = 0;
        for (int run = -2; run < ALLOCATION_RUNS; run++) { // two warm-up runs
            long start = System.nanoTime();
            AllocationService.Allocation result = transaction.execute(status -> {
                AllocationService.Allocation allocated = allocation.allocate(orderId);
                status.setRollbackOnly();
                return allocated;
            });
            if (run >= 0) {
                allocationNanos[run] = System.nanoTime() - start;
                shipments = result.newShipments().size();
            }
        }
        long[] lookupNanos = new long[LOOKUPS];
        for (int i = -200; i < LOOKUPS; i++) {
            long start = System.nanoTime();
            availability.check(skus.get(Math.floorMod(i, skus.size())), 25, null, "ACME-DE");
            if (i >= 0) {
                lookupNanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(allocationNanos);
        Arrays.sort(lookupNanos);
        String report = String.format(Locale.ROOT, """
                Allocation benchmark (%d cores)
                  allocate one %,d-line order into %d shipments over 3 warehouses, %d runs:
                    p50 %.0f ms, max %.0f ms
                  availability look-up (stock, supply, routing and transit rules, promise dates), %,d look-ups:
                    p50 %.2f ms, p99 %.2f ms, max %.2f ms
                """, Runtime.getRuntime().availableProcessors(), LINES, shipments, ALLOCATION_RUNS,
                allocationNanos[ALLOCATION_RUNS / 2] / 1e6, allocationNanos[ALLOCATION_RUNS - 1] / 1e6, LOOKUPS,
                lookupNanos[LOOKUPS / 2] / 1e6, lookupNanos[(int) (LOOKUPS * 0.99)] / 1e6, lookupNanos[LOOKUPS - 1] / 1e6);
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-allocation.txt"), report);
    }
}
