package org.tradeflow.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;
import org.tradeflow.support.StatementCounter;
import org.tradeflow.support.StatementCounter.Count;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each use case costs in SQL statements (every JDBC round trip: Hibernate's, JdbcTemplate's and Camunda's),
 * for an order of 50 and one of 1,000 lines, each line its own product: capture over HTTP, the process run until
 * the order is allocated, reading it back, dispatching its shipment over HTTP, the process run until it is invoiced, and the catalog before and after it grew by 1,000 products. A use case
 * may cost a few statements more for the large order, and two more per batch of {@value #BATCH_SIZE} rows it
 * writes (the batch and the call for their ids), but nothing per line: a statement per line or product (an N+1) fails the test. The counts are printed.
 */
class StatementCountTest extends IntegrationTest {

    private static final int SMALL = 50;
    private static final int LARGE = 1_000;
    /** hibernate.jdbc.batch_size */
    private static final int BATCH_SIZE = 50;

    @Autowired
    StatementCounter counter;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void statementsPerUseCaseDoNotGrowWithTheOrder() {
        Count catalogBefore = counter.record(() -> assertThat(api.get("/api/v1/products").status()).isEqualTo(200));
        // 5.00 EUR a unit keeps 1,000 units under the approval threshold: the process runs straight to allocation
        List<String> skus = fixtures.products(LARGE + SMALL, Map.of("WH-DE", 100), "5.00");
        Count catalogAfter = counter.record(() -> assertThat(api.get("/api/v1/products").status()).isEqualTo(200));
        String account = fixtures.accountLike("ACME-DE", "100000000");

        run(account, skus.subList(LARGE, LARGE + SMALL)); // warm-up: caches and first-use statements do not count
        UseCases small = run(account, skus.subList(0, SMALL));
        UseCases large = run(account, skus.subList(0, LARGE));

        System.out.println(report(small, large, catalogBefore, catalogAfter));
        // statements per 50 rows: a batch of inserts and one call of the rows' pooled id sequence
        assertConstant("capture", small.capture(), large.capture(), 2); // order lines
        assertConstant("process run to ALLOCATED", small.process(), large.process(), 2); // shipment lines
        assertConstant("read-back", small.readBack(), large.readBack(), 0);
        assertConstant("dispatch", small.dispatch(), large.dispatch(), 0);
        assertConstant("process run to INVOICED", small.invoicing(), large.invoicing(), 2); // invoice lines
        assertConstant("GET /api/v1/products", catalogBefore, catalogAfter, 0);
    }

    /** Growth beyond a small constant and the given statements per batch of {@value #BATCH_SIZE} rows is growth per line. */
    private static void assertConstant(String useCase, Count small, Count large, int statementsPerBatch) {
        int allowed = 5 + statementsPerBatch * (LARGE - SMALL) / BATCH_SIZE;
        assertThat(large.statements() - small.statements())
                .as("%s: %d statements for %d lines, %d for %d lines; most frequent for %d lines:%n%s", useCase,
                        small.statements(), SMALL, large.statements(), LARGE, LARGE, large.top(12))
                .isLessThanOrEqualTo(allowed);
    }

    private UseCases run(String account, List<String> skus) {
        List<Map<String, Object>> lines = new ArrayList<>();
        skus.forEach(sku -> lines.add(Map.of("sku", sku, "quantity", 1)));
        AtomicReference<JsonNode> created = new AtomicReference<>();
        Count capture = counter.record(() -> {
            Api.Response response = api.post("/api/v1/orders", Map.of("accountCode", account,
                    "customerPoNumber", "COUNT-" + System.nanoTime(), "lines", lines));
            assertThat(response.status()).as(response.body().length() > 500 ? response.body().substring(0, 500) : response.body())
                    .isEqualTo(201);
            created.set(response.json());
        });
        String orderNumber = created.get().get("orderNumber").asText();
        Count process = counter.record(() -> runJobs(orderNumber));
        AtomicReference<JsonNode> read = new AtomicReference<>();
        Count readBack = counter.record(() -> read.set(reload(created.get())));
        assertThat(read.get().get("status").asText()).as(read.get().get("statusReason").asText()).isEqualTo("ALLOCATED");
        assertThat(read.get().get("lines")).hasSize(skus.size());
        JsonNode shipments = read.get().get("shipments");
        assertThat(shipments).as("one shipment, whatever the size of the order").hasSize(1);
        Count dispatch = counter.record(() -> dispatch(shipments.get(0)));
        Count invoicing = counter.record(() -> runJobs(orderNumber));
        JsonNode invoiced = counter.ignoring(() -> reload(created.get()));
        assertThat(invoiced.get("status").asText()).isEqualTo("INVOICED");
        assertThat(invoiced.get("invoices")).hasSize(1);
        return new UseCases(skus.size(), capture, process, readBack, dispatch, invoicing);
    }

    /** As the job executor would run them; the test's own look-ups for due jobs are not counted. */
    private void runJobs(String orderNumber) {
        for (int round = 0; round < 100; round++) {
            List<Job> due = counter.ignoring(() -> runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(orderNumber + "%").list().stream()
                    .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId())
                            .messages().executable().list().stream())
                    .toList());
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("Jobs of " + orderNumber + " keep coming");
    }

    private static String report(UseCases small, UseCases large, Count catalogBefore, Count catalogAfter) {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%nSQL statements per use case (round trips; batches count once, rows sent in batches in brackets)%n"
                        + "  %-34s %14s %14s%n", "", small.lines() + " lines", large.lines() + " lines"));
        row(report, "capture (POST /api/v1/orders)", small.capture(), large.capture());
        row(report, "process run to ALLOCATED", small.process(), large.process());
        row(report, "read-back (GET /api/v1/orders/{id})", small.readBack(), large.readBack());
        row(report, "dispatch (POST .../dispatch)", small.dispatch(), large.dispatch());
        row(report, "process run to INVOICED", small.invoicing(), large.invoicing());
        report.append(String.format(Locale.ROOT, "  %-34s %14s %14s%n", "", "catalog", "+" + LARGE + " products"));
        row(report, "GET /api/v1/products", catalogBefore, catalogAfter);
        report.append("Most frequent statements of the ").append(large.lines()).append("-line process run:\n")
                .append(large.process().top(8)).append('\n');
        return report.toString();
    }

    private static void row(StringBuilder report, String useCase, Count small, Count large) {
        report.append(String.format(Locale.ROOT, "  %-34s %14s %14s%n", useCase, cell(small), cell(large)));
    }

    private static String cell(Count count) {
        return count.statements() + (count.batchedRows() > 0 ? " [" + count.batchedRows() + "]" : "");
    }

    private record UseCases(int lines, Count capture, Count process, Count readBack, Count dispatch, Count invoicing) {
    }
}
