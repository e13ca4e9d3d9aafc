package org.tradeflow.allocation;

import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.Fixtures;
import org.tradeflow.support.IntegrationTest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** Stock can never be sold twice, however many orders race for it across warehouses. */
class OversellingTest extends IntegrationTest {

    private static final int ORDERS = 1000;
    private static final int UNITS = 10;

    @Test
    void aThousandConcurrentOrdersReserveExactlyTheTenUnitsOfTwoWarehouses() throws Exception {
        String sku = fixtures.product(Map.of("WH-NL", 6, "WH-DE", 4));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> orderNumbers = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger lowestAvailable = new AtomicInteger(Integer.MAX_VALUE);
        AtomicBoolean racing = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (racing.get()) {
                lowestAvailable.accumulateAndGet(fixtures.count("""
                        select coalesce(min(on_hand - reserved), 0) from stock
                         where product_id = (select id from product where sku = ?)""", sku), Math::min);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            }
        });
        watcher.start();
        try {
            List<Future<Api.Response>> submissions = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                submissions.add(pool.submit(() -> api.post("/api/v1/orders", anOrder().forAccount("NORD-SE").line(sku, 1).body())));
            }
            for (Future<Api.Response> submission : submissions) {
                Api.Response response = submission.get(2, TimeUnit.MINUTES);
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                orderNumbers.add(response.json().get("orderNumber").asText());
            }
            // Every order's jobs at once, as job executor threads on several nodes would; a failing job fails the test.
            List<Future<?>> runs = new ArrayList<>();
            for (String orderNumber : orderNumbers) {
                runs.add(pool.submit(() -> processes.runJobs(orderNumber)));
            }
            for (Future<?> run : runs) {
                run.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            racing.set(false);
            watcher.join();
        }

        Fixtures.Stock stock = fixtures.stock(sku);
        assertThat(lowestAvailable.get()).as("available stock seen while the orders raced").isNotNegative();
        assertThat(stock.oversoldRows()).isZero();
        assertThat(stock.reserved()).isEqualTo(UNITS);
        assertThat(stock.onHand()).isEqualTo(UNITS);
        assertThat(stock.ledgerOnHand()).isEqualTo(stock.onHand());
        assertThat(stock.ledgerReserved()).isEqualTo(stock.reserved());
        int allocated = countStatus(orderNumbers, "ALLOCATED");
        int backordered = countStatus(orderNumbers, "BACKORDERED");
        assertThat(allocated).isEqualTo(UNITS);
        assertThat(backordered).isEqualTo(ORDERS - UNITS);
    }

    private int countStatus(List<String> orderNumbers, String status) {
        return fixtures.count("select count(*) from sales_order where order_number in (" +
                String.join(",", Collections.nCopies(orderNumbers.size(), "?")) + ") and status = ?",
                concat(orderNumbers, status));
    }

    private static Object[] concat(List<String> values, String last) {
        List<Object> all = new ArrayList<>(values);
        all.add(last);
        return all.toArray();
    }
}
