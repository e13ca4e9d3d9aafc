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

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** Stock can never be sold twice, however many orders race for it. */
class OversellingTest extends IntegrationTest {

    private static final int ORDERS = 200;

    @Test
    void twoHundredParallelOrdersNeverReserveMoreThanTheFiftyUnitsInStock() throws Exception {
        String sku = fixtures.product(Map.of("WH-NL", 30, "WH-DE", 20));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> orderNumbers = Collections.synchronizedList(new ArrayList<>());
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
        }

        Fixtures.Stock stock = fixtures.stock(sku);
        assertThat(stock.oversoldRows()).isZero();
        assertThat(stock.reserved()).isEqualTo(50);
        assertThat(stock.onHand()).isEqualTo(50);
        assertThat(stock.ledgerOnHand()).isEqualTo(stock.onHand());
        assertThat(stock.ledgerReserved()).isEqualTo(stock.reserved());
        int allocated = countStatus(orderNumbers, "ALLOCATED");
        int backordered = countStatus(orderNumbers, "BACKORDERED");
        assertThat(allocated).isEqualTo(50);
        assertThat(backordered).isEqualTo(ORDERS - 50);
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
