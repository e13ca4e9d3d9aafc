package org.tradeflow.benchmark;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.catalog.ProductRepository;
import org.tradeflow.pricing.LineRequest;
import org.tradeflow.pricing.PricedOrder;
import org.tradeflow.pricing.PricingService;
import org.tradeflow.support.IntegrationTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long pricing and validating a large order takes: the account and catalog look-ups in PostgreSQL plus
 * the one stateless Drools evaluation over all lines. Prints a report (and writes
 * target/benchmark-pricing.txt); asserts nothing about time. Run with {@code ./mvnw -Pbenchmark test}.
 */
class PricingBenchmark extends IntegrationTest {

    private static final int WARM_UP = 5;
    private static final int MEASURED = 20;

    @Autowired
    PricingService pricing;
    @Autowired
    ProductRepository products;

    @Test
    void priceAndValidateLargeOrders() throws IOException {
        StringBuilder report = new StringBuilder("Pricing benchmark: one rules evaluation per order, "
                + Runtime.getRuntime().availableProcessors() + " cores, " + WARM_UP + " warm-up runs, " + MEASURED + " measured\n");
        report.append(String.format(Locale.ROOT, "%8s %10s %10s %10s %12s%n", "lines", "p50 ms", "p90 ms", "max ms", "lines/s"));
        for (int lines : new int[]{100, 1_000, 5_000}) {
            List<LineRequest> order = order(lines);
            for (int i = 0; i < WARM_UP; i++) {
                pricing.price("ACME-DE", null, order);
            }
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long start = System.nanoTime();
                PricedOrder priced = pricing.price("ACME-DE", null, order);
                nanos[i] = System.nanoTime() - start;
                if (priced.lines().size() != lines) {
                    throw new IllegalStateException("priced " + priced.lines().size() + " of " + lines + " lines");
                }
            }
            Arrays.sort(nanos);
            double p50 = nanos[MEASURED / 2] / 1e6;
            report.append(String.format(Locale.ROOT, "%8d %10.1f %10.1f %10.1f %12.0f%n", lines, p50,
                    nanos[(int) (MEASURED * 0.9)] / 1e6, nanos[MEASURED - 1] / 1e6, lines / (p50 / 1000)));
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "benchmark-pricing.txt"), report);
    }

    /** Lines over the whole demo catalog, with quantities that hit tiers, pack rules and minimums. */
    private List<LineRequest> order(int lines) {
        List<String> skus = products.findAllByActiveTrueOrderBySku().stream().map(p -> p.getSku()).toList();
        List<LineRequest> order = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            order.add(new LineRequest(skus.get(i % skus.size()), 1 + (i * 37) % 600));
        }
        return order;
    }
}
