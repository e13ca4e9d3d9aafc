package org.tradeflow.operations;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.tradeflow.support.DefaultServer;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server killed with SIGKILL in the middle of a burst of orders, started again on the same data: it starts
 * first time (its orphaned PostgreSQL is stopped), no acknowledged order is lost or doubled, a retried request
 * whose answer was lost creates nothing twice, every order moves on within the documented recovery time, no
 * incident is raised, and the stock ledger still balances.
 */
class CrashRecoveryTest {

    /**
     * README, "Operations": a crashed node's jobs run again once their lock expires (30 s after they were
     * taken) and an acquisition finds them (at most 5 s later), counted from the crash.
     */
    private static final Duration RECOVERY = Duration.ofSeconds(35);
    /** For starting the server again (about 25 s on the two-core build machine) and working off the burst. */
    private static final Duration RESTART_MARGIN = Duration.ofSeconds(90);
    private static final Duration START_UP = Duration.ofMinutes(3);
    private static final int ORDERS = 240;
    private static final int CLIENTS = 8;
    /** What a client learns when the server dies before answering. */
    private static final int NO_ANSWER = -1;

    @TempDir
    Path dataDir;

    private final List<DefaultServer> servers = new ArrayList<>();
    private final Map<Integer, Answer> answers = new ConcurrentHashMap<>();

    /** The newest server first: an older one's data directory is the newer one's now. */
    @AfterEach
    void stopWhatIsLeft() throws Exception {
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).cleanUp();
        }
    }

    @Test
    void aServerKilledMidAllocationRestartsFirstTimeAndLosesNothing() throws Exception {
        int port = DefaultServer.freePort();
        DefaultServer crashing = started(DefaultServer.start(dataDir, port, "crash-before-kill.log"));
        bookPlentyOfStock(crashing);

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        IntStream.rangeClosed(1, ORDERS).forEach(order -> clients.submit(() -> answers.put(order, submit(crashing, order))));
        await("allocations running with orders still waiting").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> created() >= ORDERS / 3 && count(crashing, "ALLOCATED") > 0 && count(crashing, "RECEIVED") > 0);
        crashing.kill();
        long killed = System.nanoTime();
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        assertThat(crashing.postmaster()).as("the killed server's PostgreSQL lives on as an orphan").isPresent();
        long lockedByTheKilledServer = jobsLocked(crashing);
        assertThat(lockedByTheKilledServer).as("jobs the killed server had taken").isPositive();
        Map<Integer, Answer> beforeTheCrash = Map.copyOf(answers);
        assertThat(beforeTheCrash.values()).as("every request was answered 201 or not at all")
                .allSatisfy(answer -> assertThat(answer.status()).isIn(201, NO_ANSWER));

        DefaultServer restarted = started(DefaultServer.start(dataDir, port, "crash-after-restart.log"));
        Duration restart = Duration.ofNanos(System.nanoTime() - killed);
        await("every order out of RECEIVED").atMost(RECOVERY.plus(RESTART_MARGIN).minus(restart)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(restarted, "RECEIVED") == 0);
        Duration recovery = Duration.ofNanos(System.nanoTime() - killed);
        System.out.printf("Crash test: killed with %d of %d orders acknowledged and %d jobs locked; up again %d s and"
                        + " every order out of RECEIVED %d s after the kill%n",
                beforeTheCrash.values().stream().filter(a -> a.status() == 201).count(), ORDERS, lockedByTheKilledServer,
                restart.toSeconds(), recovery.toSeconds());

        resendTheUnanswered(restarted, beforeTheCrash);
        resendSomeAnswered(restarted, beforeTheCrash);
        await("the resent orders out of RECEIVED").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> count(restarted, "RECEIVED") == 0);

        Map<String, String> orderNumberByPo = everyOrderExactlyOnce(restarted);
        beforeTheCrash.forEach((order, answer) -> {
            if (answer.status() == 201) {
                assertThat(orderNumberByPo).as("acknowledged before the crash").containsEntry(po(order), answer.orderNumber());
            }
        });
        JsonNode incidents = restarted.json(restarted.get("/engine-rest/incident/count", "demo:demo"));
        assertThat(incidents.get("count").asLong()).as("incidents").isZero();
        assertTheLedgerBalances(restarted);

        assertThat(restarted.stop(Duration.ofSeconds(60))).as("stopped on SIGTERM").isTrue();
        assertStoppedInOrderWithoutStackTraces(restarted);
    }

    private DefaultServer started(DefaultServer server) {
        servers.add(server);
        return server.awaitUp(START_UP);
    }

    private static void bookPlentyOfStock(DefaultServer server) throws Exception {
        HttpResponse<String> receipt = server.post("/api/v1/receipts", "wendy:demo", """
                {"warehouseCode":"WH-DE","reference":"PO-CRASH-TEST","lines":[{"sku":"85123A","quantity":100000},\
                {"sku":"22423","quantity":100000}]}""", Map.of());
        assertThat(receipt.statusCode()).as(receipt.body()).isIn(200, 201);
    }

    private static Answer submit(DefaultServer server, int order) {
        try {
            HttpResponse<String> response = server.post("/api/v1/orders", "demo:demo", orderBody(order),
                    Map.of("Idempotency-Key", "crash-test-" + order));
            String orderNumber = response.statusCode() < 300 ? server.json(response).get("orderNumber").asText() : null;
            return new Answer(response.statusCode(), orderNumber, response.headers().firstValue("Idempotent-Replayed").isPresent());
        } catch (IOException | InterruptedException lost) {
            return new Answer(NO_ANSWER, null, false);
        }
    }

    /** The client never learnt whether these were taken: it sends them again with the same Idempotency-Key. */
    private void resendTheUnanswered(DefaultServer server, Map<Integer, Answer> beforeTheCrash) {
        beforeTheCrash.forEach((order, answer) -> {
            if (answer.status() == NO_ANSWER) {
                Answer retried = submit(server, order);
                assertThat(retried.status()).as("retried order %d", order).isIn(200, 201);
                answers.put(order, retried);
            }
        });
    }

    /** Sent again although answered: the first order comes back, no second one is made. */
    private static void resendSomeAnswered(DefaultServer server, Map<Integer, Answer> beforeTheCrash) {
        beforeTheCrash.entrySet().stream().filter(entry -> entry.getValue().status() == 201 && entry.getKey() % 8 == 0)
                .forEach(entry -> {
                    Answer again = submit(server, entry.getKey());
                    assertThat(again.status()).isEqualTo(200);
                    assertThat(again.replayed()).isTrue();
                    assertThat(again.orderNumber()).isEqualTo(entry.getValue().orderNumber());
                });
    }

    /** Every customer PO of the burst exists once; its order number by PO. */
    private static Map<String, String> everyOrderExactlyOnce(DefaultServer server) throws Exception {
        JsonNode orders = server.json(server.get("/api/v1/orders?accountCode=ACME-DE&size=500", "demo:demo"));
        List<JsonNode> all = StreamSupport.stream(orders.spliterator(), false).toList();
        Map<String, Long> timesByPo = all.stream().collect(groupingBy(order -> order.get("customerPoNumber").asText(), counting()));
        Map<String, Long> once = new HashMap<>();
        IntStream.rangeClosed(1, ORDERS).forEach(order -> once.put(po(order), 1L));
        assertThat(timesByPo).isEqualTo(once);
        Map<String, String> orderNumbers = new HashMap<>();
        all.forEach(order -> orderNumbers.put(order.get("customerPoNumber").asText(), order.get("orderNumber").asText()));
        return orderNumbers;
    }

    /** The stock table is the sum of its movements, and no order holds more reserved stock than its shipments carry. */
    private static void assertTheLedgerBalances(DefaultServer server) throws Exception {
        try (Connection database = server.database()) {
            assertThat(rows(database, """
                    select s.warehouse_id, s.product_id from stock s
                      left join (select warehouse_id, product_id, sum(on_hand_delta) on_hand, sum(reserved_delta) reserved
                                   from stock_movement group by warehouse_id, product_id) m using (warehouse_id, product_id)
                     where s.on_hand <> coalesce(m.on_hand, 0) or s.reserved <> coalesce(m.reserved, 0)""")).isZero();
            assertThat(rows(database, """
                    select o.id from sales_order o
                      left join (select order_id, sum(reserved_delta) units from stock_movement group by order_id) r on r.order_id = o.id
                      left join (select s.order_id, sum(l.quantity) units from shipment s join shipment_line l on l.shipment_id = s.id
                                  group by s.order_id) planned on planned.order_id = o.id
                      join (select order_id, sum(quantity) units from order_line group by order_id) ordered on ordered.order_id = o.id
                     where coalesce(r.units, 0) <> coalesce(planned.units, 0) or coalesce(planned.units, 0) > ordered.units""")).isZero();
            assertThat(rows(database, "select 1 from stock_movement where kind = 'RESERVATION'")).as("allocations happened").isPositive();
        }
    }

    private static void assertStoppedInOrderWithoutStackTraces(DefaultServer server) throws IOException {
        List<String> log = server.logLines();
        // the job executor stops acquiring first (it would lock jobs the closing thread pool no longer takes), then
        // web requests finish, the engine closes, the pool, and PostgreSQL last
        List<String> shutdown = log.subList(indexOf(log, "ENGINE-14015 Shutting down the JobExecutor"), log.size());
        assertThat(shutdown).noneMatch(line -> line.startsWith("\tat ") || line.contains(" ERROR "));
        assertThat(indexOf(shutdown, "stopped job acquisition")).isLessThan(indexOf(shutdown, "Commencing graceful shutdown"));
        assertThat(indexOf(shutdown, "Graceful shutdown complete"))
                .isLessThan(indexOf(shutdown, "ENGINE-00007 Process Engine default closed"));
        assertThat(indexOf(shutdown, "ENGINE-00007 Process Engine default closed"))
                .isLessThan(indexOf(shutdown, "HikariPool-1 - Shutdown completed"));
        assertThat(indexOf(shutdown, "HikariPool-1 - Shutdown completed"))
                .isLessThan(indexOf(shutdown, "Embedded PostgreSQL stopped"));
        assertThat(server.postmaster()).as("PostgreSQL stopped with the server").isEmpty();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("No log line contains '" + text + "'");
    }

    /** Jobs whose lock has not expired yet, read from the orphaned PostgreSQL the killed server left behind. */
    private static long jobsLocked(DefaultServer server) throws Exception {
        try (Connection database = server.database()) {
            return rows(database, "select 1 from act_ru_job where lock_exp_time_ > now()");
        }
    }

    private long created() {
        return answers.values().stream().filter(answer -> answer.status() == 201).count();
    }

    private static int count(DefaultServer server, String status) throws Exception {
        return server.json(server.get("/api/v1/orders?accountCode=ACME-DE&size=500&status=" + status, "demo:demo")).size();
    }

    private static long rows(Connection database, String query) throws SQLException {
        try (ResultSet result = database.createStatement().executeQuery("select count(*) from (" + query + ") found")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static String orderBody(int order) {
        return """
                {"accountCode":"ACME-DE","customerPoNumber":"%s","lines":[{"sku":"85123A","quantity":12},{"sku":"22423","quantity":4}]}"""
                .formatted(po(order));
    }

    private static String po(int order) {
        return "CRASH-" + order;
    }

    private record Answer(int status, String orderNumber, boolean replayed) {
    }
}
