package org.tradeflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.DefaultServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Order to cash through the real server, as {@code ./mvnw spring-boot:run} runs it (its own JVM, embedded
 * PostgreSQL with fsync and synchronous commit on, a fresh data directory, demo data), measured from outside over
 * real HTTP: the PostgreSQL ceiling (a pgbench-like simple-update loop on the same database), straight-through
 * throughput of small orders submitted by {@value #CLIENTS} clients until allocated and, after dispatch, until
 * invoiced, and the stage times of large orders through validation, approval, allocation, dispatch and invoicing.
 * Prints a report (and writes target/benchmark-order-to-cash.txt); asserts nothing about time.
 * {@code -Dbenchmark.jfr=true} records the server JVM into target/benchmark-server.jfr.
 */
class OrderToCashBenchmark {

    private static final int CLIENTS = 8;
    private static final Duration CEILING_RUN = Duration.ofSeconds(10);
    private static final int CEILING_ROWS = 100_000;
    private static final int WARM_UP_ORDERS = 100;
    private static final int ORDERS_PER_SIZE = 300;
    private static final int[] SMALL_ORDER_LINES = {2, 20};
    private static final int[] LARGE_ORDER_LINES = {1_000, 5_000};
    private static final Duration STAGE_TIMEOUT = Duration.ofMinutes(3);
    private static final String SUBMITTER = "demo:demo";
    private static final String APPROVER = "sam:demo";
    private static final String WAREHOUSE = "wendy:demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DefaultServer server;
    private Connection database;
    private List<Product> products;
    private final List<HttpClient> clients = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    @AfterEach
    void stopTheServer() throws Exception {
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.cleanUp();
        }
    }

    @Test
    void orderToCashThroughTheRealServer() throws Exception {
        startTheServer();
        prepareAccountsAndStock();

        line("Order to cash through the real server (%d clients over HTTP, embedded PostgreSQL, fsync and synchronous commit on)",
                CLIENTS);
        line("  machine: %d cores, load average at start %s", Runtime.getRuntime().availableProcessors(), loadAverage());
        double ceiling = postgresCeiling();
        line("PostgreSQL ceiling: %,.0f simple-update transactions/s (%d connections, %d s, %,d rows)", ceiling, CLIENTS,
                CEILING_RUN.toSeconds(), CEILING_ROWS);

        Throughput warmUp = straightThrough("WARM", WARM_UP_ORDERS, 2);
        line("Warm-up: %d orders of 2 lines, %s", WARM_UP_ORDERS, warmUp.outcome());
        line("");
        line("Straight-through orders       capture  p50 ms  p99 ms  allocated     invoiced     (orders/s, %% of PG ceiling)"
                + "  CPU ms/order server + PG");
        for (int lines : SMALL_ORDER_LINES) {
            Throughput run = straightThrough("L" + lines, ORDERS_PER_SIZE, lines);
            line("  %3d x %2d lines %16.1f %7.0f %7.0f  %6.1f %4.2f%%  %6.1f %4.2f%%   %5.0f + %3.0f   %s", ORDERS_PER_SIZE, lines,
                    run.captureRate(), run.p50(), run.p99(), run.allocatedRate(), 100 * run.allocatedRate() / ceiling,
                    run.invoicedRate(), 100 * run.invoicedRate() / ceiling, run.serverCpuMs(), run.databaseCpuMs(),
                    run.outcome());
        }
        line("  (capture: orders/s answered 201; allocated: from the first submission until every order is ALLOCATED with"
                + " its shipments requested; invoiced: from the first dispatch until every order is INVOICED)");
        line("  load average after the runs %s", loadAverage());
        line("");
        line("Large orders through the real process (seconds per stage; the approval task found and its form and variables read"
                + " over engine REST, then approved there by sam, who did not submit the order)");
        for (int lines : LARGE_ORDER_LINES) {
            line("  %,5d lines %s", lines, largeOrder(lines));
        }
        line("  load average at the end %s", loadAverage());

        String text = report.toString();
        System.out.println(text);
        Files.writeString(Path.of("target", "benchmark-order-to-cash.txt"), text);
    }

    private void startTheServer() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "benchmark-data-");
        List<String> jvmOptions = new ArrayList<>();
        if (Boolean.getBoolean("benchmark.jfr")) {
            jvmOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of("target", "benchmark-server.jfr").toAbsolutePath());
        }
        server = DefaultServer.start(dataDir, DefaultServer.freePort(), Path.of("target", "benchmark-server.log"), jvmOptions);
        server.awaitUp(Duration.ofMinutes(4));
        database = server.database();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        }
    }

    /**
     * One account per client, like ACME-DE (dealer, gold, premium, EUR, Hamburg's region) but opened long ago with
     * ample credit, so no order waits for approval or a credit release; every product in stock in Hamburg.
     */
    private void prepareAccountsAndStock() throws Exception {
        try (Statement sql = database.createStatement()) {
            sql.executeUpdate("""
                    insert into customer_account (code, name, customer_group, tier, region, currency, payment_terms_days,
                                                  credit_limit, opened_on, sla, street, postal_code, city, country, vat_id)
                    select 'BENCH-' || n, 'Benchmark dealer ' || n, customer_group, tier, region, currency, payment_terms_days,
                           100000000, current_date - 3000, sla, street, postal_code, city, country, vat_id
                      from customer_account, generate_series(1, %d) n where code = 'ACME-DE'""".formatted(CLIENTS));
        }
        products = new ArrayList<>();
        try (Statement sql = database.createStatement();
             ResultSet rows = sql.executeQuery("select sku, pack_size from product where active and not discontinued order by sku")) {
            while (rows.next()) {
                products.add(new Product(rows.getString(1), rows.getInt(2)));
            }
        }
        List<Map<String, Object>> lines = products.stream()
                .<Map<String, Object>>map(p -> Map.of("sku", p.sku(), "quantity", 1_000_000)).toList();
        HttpResponse<String> receipt = post(clients.get(0), "/api/v1/receipts", WAREHOUSE,
                Map.of("warehouseCode", "WH-DE", "reference", "PO-BENCHMARK", "lines", lines), null);
        if (receipt.statusCode() >= 300) {
            throw new IllegalStateException("receipt refused: " + receipt.body());
        }
    }

    /** pgbench's simple-update in spirit: one autocommitted single-row update per transaction, random rows. */
    private double postgresCeiling() throws Exception {
        try (Statement sql = database.createStatement()) {
            sql.executeUpdate("create table benchmark_ceiling (id int primary key, v bigint not null default 0)");
            sql.executeUpdate("insert into benchmark_ceiling (id) select generate_series(1, " + CEILING_ROWS + ")");
            sql.execute("vacuum analyze benchmark_ceiling");
        }
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Integer>> counts = new ArrayList<>();
            long end = System.nanoTime() + CEILING_RUN.toNanos();
            for (int i = 0; i < CLIENTS; i++) {
                counts.add(pool.submit(() -> {
                    int done = 0;
                    try (Connection connection = server.database();
                         PreparedStatement update = connection.prepareStatement("update benchmark_ceiling set v = v + 1 where id = ?")) {
                        while (System.nanoTime() < end) {
                            update.setInt(1, ThreadLocalRandom.current().nextInt(1, CEILING_ROWS + 1));
                            update.executeUpdate();
                            done++;
                        }
                    }
                    return done;
                }));
            }
            long total = 0;
            for (Future<Integer> count : counts) {
                total += count.get();
            }
            return total / (double) CEILING_RUN.toSeconds();
        } finally {
            pool.shutdown();
            try (Statement sql = database.createStatement()) {
                sql.executeUpdate("drop table benchmark_ceiling");
            }
        }
    }

    /**
     * {@code orders} orders of {@code lines} lines, submitted by the clients as fast as they are answered; then
     * waits until all are allocated with their shipments requested, dispatches every shipment and waits until
     * all are invoiced.
     */
    private Throughput straightThrough(String batch, int orders, int lines) throws Exception {
        String poPrefix = "BENCH-" + batch + "-";
        Duration serverCpu = server.cpuTime();
        Duration databaseCpu = server.databaseCpuTime();
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[orders];
        long start = System.nanoTime();
        List<Integer> refused = inParallel(client -> {
            int refusals = 0;
            for (int order = next.getAndIncrement(); order < orders; order = next.getAndIncrement()) {
                long sent = System.nanoTime();
                HttpResponse<String> answer = post(clients.get(client), "/api/v1/orders", SUBMITTER,
                        orderOf("BENCH-" + (client + 1), poPrefix + order, lines, order), poPrefix + order);
                latencies[order] = System.nanoTime() - sent;
                if (answer.statusCode() != 201) {
                    refusals++;
                    System.err.println("order refused: " + answer.statusCode() + " " + answer.body());
                }
            }
            return refusals;
        });
        long captured = System.nanoTime();
        boolean allocated = awaitCount("""
                select count(*) from sales_order o where o.customer_po_number like ? and o.status = 'ALLOCATED'
                   and exists (select 1 from shipment s where s.order_id = o.id)
                   and not exists (select 1 from shipment s where s.order_id = o.id and s.status <> 'REQUESTED')""",
                poPrefix + "%", orders);
        long allocatedAt = System.nanoTime();

        List<Long> shipments = longs("""
                select s.id from shipment s join sales_order o on o.id = s.order_id
                 where o.customer_po_number like ? and s.status = 'REQUESTED' order by s.id""", poPrefix + "%");
        AtomicInteger nextShipment = new AtomicInteger();
        long dispatchStart = System.nanoTime();
        inParallel(client -> {
            for (int i = nextShipment.getAndIncrement(); i < shipments.size(); i = nextShipment.getAndIncrement()) {
                dispatch(clients.get(client), shipments.get(i));
            }
            return 0;
        });
        boolean invoiced = awaitCount("select count(*) from sales_order where customer_po_number like ? and status = 'INVOICED'",
                poPrefix + "%", orders);
        long invoicedAt = System.nanoTime();

        // CPU per order says what an order costs however busy the machine is with other work
        double serverCpuMs = server.cpuTime().minus(serverCpu).toMillis() / (double) orders;
        double databaseCpuMs = server.databaseCpuTime().minus(databaseCpu).toMillis() / (double) orders;
        Map<String, Long> statuses = statuses(poPrefix + "%");
        String outcome = (allocated && invoiced ? "all invoiced" : "NOT all done within " + STAGE_TIMEOUT.toMinutes()
                + " min: " + statuses) + (refused.stream().mapToInt(Integer::intValue).sum() > 0 ? ", some refused" : "");
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new Throughput(orders / seconds(captured - start), millis(sorted[sorted.length / 2]),
                millis(sorted[(int) Math.ceil(sorted.length * 0.99) - 1]), orders / seconds(allocatedAt - start),
                orders / seconds(invoicedAt - dispatchStart), serverCpuMs, databaseCpuMs, outcome);
    }

    /** One large order through every stage, the approval included; a stage not reached ends the run of this order. */
    private String largeOrder(int lines) throws Exception {
        HttpClient http = clients.get(0);
        Map<String, Double> stages = new LinkedHashMap<>();
        long start = System.nanoTime();
        long mark = start;
        HttpResponse<String> created = post(http, "/api/v1/orders", SUBMITTER, orderOf("BENCH-1", "BENCH-LARGE-" + lines, lines, 0),
                "BENCH-LARGE-" + lines);
        if (created.statusCode() != 201) {
            return "refused: " + created.statusCode() + " " + created.body();
        }
        JsonNode order = JSON.readTree(created.body());
        long orderId = order.get("id").asLong();
        String orderNumber = order.get("orderNumber").asText();
        mark = stage(stages, "capture", mark);

        String reached = "validated";
        try {
            awaitTrue(() -> count("""
                    select count(*) from act_hi_actinst a join act_hi_procinst p on p.proc_inst_id_ = a.proc_inst_id_
                     where p.business_key_ = ? and a.act_id_ = 'ServiceTaskValidateOrder' and a.end_time_ is not null""",
                    orderNumber) > 0, orderId);
            mark = stage(stages, reached, mark);

            reached = "approval task + form";
            String taskQuery = "/engine-rest/task?processInstanceBusinessKey=" + orderNumber + "&taskDefinitionKey=UserTaskApproveOrder";
            awaitTrue(() -> JSON.readTree(get(http, taskQuery, APPROVER).body()).size() == 1, orderId);
            String taskId = JSON.readTree(get(http, taskQuery, APPROVER).body()).get(0).get("id").asText();
            expectOk(get(http, "/engine-rest/task/" + taskId + "/deployed-form", APPROVER), "deployed form");
            expectOk(get(http, "/engine-rest/task/" + taskId + "/form-variables", APPROVER), "form variables");
            mark = stage(stages, reached, mark);

            reached = "approved";
            expectOk(post(http, "/engine-rest/task/" + taskId + "/complete", APPROVER, Map.of("variables", Map.of(
                    "approvalDecision", Map.of("value", "APPROVE", "type", "String"),
                    "decisionComment", Map.of("value", "benchmark", "type", "String"))), null), "approval");
            mark = stage(stages, reached, mark);

            reached = "allocated";
            awaitTrue(() -> count("""
                    select count(*) from sales_order o where o.id = ? and o.status = 'ALLOCATED'
                       and exists (select 1 from shipment s where s.order_id = o.id)
                       and not exists (select 1 from shipment s where s.order_id = o.id and s.status <> 'REQUESTED')""",
                    orderId) == 1, orderId);
            mark = stage(stages, reached, mark);

            reached = "dispatched";
            for (long shipment : longs("select id from shipment where order_id = ? order by id", orderId)) {
                dispatch(http, shipment);
            }
            mark = stage(stages, reached, mark);

            reached = "invoiced";
            awaitTrue(() -> count("select count(*) from sales_order where id = ? and status = 'INVOICED'", orderId) == 1, orderId);
            stage(stages, reached, mark);
        } catch (StageNotReached notReached) {
            return "%s; %s not reached within %d s: %s".formatted(stagesText(stages), reached, STAGE_TIMEOUT.toSeconds(),
                    notReached.getMessage());
        }
        return "%s  total %.2f".formatted(stagesText(stages), seconds(System.nanoTime() - start));
    }

    private static long stage(Map<String, Double> stages, String name, long since) {
        long now = System.nanoTime();
        stages.put(name, seconds(now - since));
        return now;
    }

    private static String stagesText(Map<String, Double> stages) {
        StringBuilder text = new StringBuilder();
        stages.forEach((name, secs) -> text.append(text.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(String.format(Locale.ROOT, "%.2f", secs)));
        return text.toString();
    }

    /** Whole packs of the demo products, each order starting at a different product. */
    private Map<String, Object> orderOf(String account, String po, int lines, int seed) {
        List<Map<String, Object>> orderLines = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            Product product = products.get((seed + i) % products.size());
            orderLines.add(Map.of("sku", product.sku(), "quantity", product.packSize() * (1 + (seed + i) % 3)));
        }
        return Map.of("accountCode", account, "customerPoNumber", po, "lines", orderLines);
    }

    private void dispatch(HttpClient http, long shipment) throws IOException, InterruptedException {
        expectOk(post(http, "/api/v1/shipments/" + shipment + "/dispatch", WAREHOUSE,
                Map.of("carrier", "DHL", "trackingNumber", "BENCH" + shipment), null), "dispatch of shipment " + shipment);
    }

    private boolean awaitCount(String sql, String poPattern, int expected) {
        try {
            Awaitility.await().atMost(STAGE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> count(sql, poPattern) >= expected);
            return true;
        } catch (ConditionTimeoutException notReached) {
            return false;
        }
    }

    private void awaitTrue(Callable<Boolean> condition, long orderId) throws Exception {
        try {
            Awaitility.await().atMost(STAGE_TIMEOUT).pollInterval(Duration.ofMillis(50)).until(condition);
            return;
        } catch (ConditionTimeoutException notReached) {
            // said below, with where the order got to
        }
        throw new StageNotReached("order " + orderId + " is " + statuses(orderId) + ", incidents: "
                + longs("select count(*) from act_ru_incident", null));
    }

    private long count(String sql, Object parameter) throws SQLException {
        return longs(sql, parameter).get(0);
    }

    private List<Long> longs(String sql, Object parameter) throws SQLException {
        try (PreparedStatement statement = database.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setObject(1, parameter);
            }
            List<Long> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        }
    }

    private Map<String, Long> statuses(Object poPatternOrId) throws SQLException {
        String where = poPatternOrId instanceof String ? "customer_po_number like ?" : "id = ?";
        Map<String, Long> statuses = new LinkedHashMap<>();
        try (PreparedStatement statement = database.prepareStatement(
                "select status, count(*) from sales_order where " + where + " group by status order by status")) {
            statement.setObject(1, poPatternOrId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return statuses;
    }

    private <T> List<T> inParallel(ClientWork<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int which = client;
                futures.add(pool.submit(() -> work.run(which)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private HttpResponse<String> post(HttpClient http, String path, String credentials, Object body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(HttpClient http, String path, String credentials) throws IOException, InterruptedException {
        return http.send(request(path, credentials).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String credentials) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }

    private static void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() >= 300) {
            throw new StageNotReached(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException unavailable) {
            return "unknown";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    @FunctionalInterface
    private interface ClientWork<T> {
        T run(int client) throws Exception;
    }

    private record Product(String sku, int packSize) {
    }

    private record Throughput(double captureRate, double p50, double p99, double allocatedRate, double invoicedRate,
                              double serverCpuMs, double databaseCpuMs, String outcome) {
    }

    private static final class StageNotReached extends RuntimeException {
        StageNotReached(String message) {
            super(message);
        }
    }
}
