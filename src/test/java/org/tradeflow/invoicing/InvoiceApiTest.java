package org.tradeflow.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

class InvoiceApiTest extends IntegrationTest {

    @Autowired
    DocumentNumbers numbers;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aDispatchedShipmentsInvoiceIsFoundByItsOrderAndReadWithItsLines() {
        String sku = fixtures.product(Map.of("WH-DE", 50), "12.50");
        JsonNode order = dispatchedOrder(anOrder().forAccount("ACME-DE").line(sku, 4).body());

        Api.Response found = api.get("/api/v1/invoices?orderId=" + order.get("id").asLong());

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json()).hasSize(1);
        JsonNode summary = found.json().get(0);
        assertThat(summary.get("orderNumber").asText()).isEqualTo(order.get("orderNumber").asText());
        assertThat(summary.get("status").asText()).isEqualTo("OPEN");
        Api.Response read = api.get("/api/v1/invoices/" + summary.get("id").asLong());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode invoice = read.json();
        assertThat(invoice.get("invoiceNumber").asText())
                .matches("INV-" + invoice.get("issuedOn").asText().substring(0, 4) + "-\\d{6}");
        assertThat(invoice.get("accountCode").asText()).isEqualTo("ACME-DE");
        JsonNode line = invoice.get("lines").get(0);
        assertThat(line.get("sku").asText()).isEqualTo(sku);
        assertThat(line.get("quantity").asInt()).isEqualTo(4);
        assertThat(line.get("netAmount").decimalValue()).isEqualByComparingTo(invoice.get("netTotal").decimalValue());
        assertThat(invoice.get("netTotal").asText()).isEqualTo(reload(order).get("invoices").get(0).get("netTotal").asText());
    }

    @Test
    void invoicesIssuedOneAfterAnotherHaveConsecutiveNumbers() {
        String sku = fixtures.product(Map.of("WH-DE", 50));
        JsonNode first = dispatchedOrder(anOrder().forAccount("ACME-DE").line(sku, 1).body());
        JsonNode second = dispatchedOrder(anOrder().forAccount("ACME-DE").line(sku, 1).body());

        long firstNumber = sequenceNumber(reload(first).get("invoices").get(0).get("invoiceNumber").asText());
        long secondNumber = sequenceNumber(reload(second).get("invoices").get(0).get("invoiceNumber").asText());

        assertThat(secondNumber).isEqualTo(firstNumber + 1);
    }

    /** A transaction that rolls back gives its number back: what commits is 1, 2, 3, ... whatever the interleaving. */
    @Test
    void numbersDrawnConcurrentlyWithRollbacksHaveNoGapsAndNoDuplicates() throws Exception {
        String series = "T" + UUID.randomUUID().toString().substring(0, 7);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> draws = new ArrayList<>();
        try {
            for (int i = 0; i < 80; i++) {
                boolean rollBack = i % 3 == 0;
                Callable<String> draw = () -> transactions.execute(status -> {
                    String number = numbers.next(series, 2026);
                    if (rollBack) {
                        status.setRollbackOnly();
                        return null;
                    }
                    return number;
                });
                draws.add(pool.submit(draw));
            }
            List<String> committed = new ArrayList<>();
            for (Future<String> draw : draws) {
                String number = draw.get();
                if (number != null) {
                    committed.add(number);
                }
            }
            assertThat(committed).hasSize(53).doesNotHaveDuplicates();
            assertThat(committed.stream().mapToLong(InvoiceApiTest::sequenceNumber).sorted().toArray())
                    .containsExactly(LongStream.rangeClosed(1, 53).toArray());
            assertThat(committed).allMatch(n -> n.startsWith(series + "-2026-"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invoicesAreFilteredByAccountStatusAndDueDate() {
        String sku = fixtures.product(Map.of("WH-DE", 50));
        String account = fixtures.accountLike("ACME-DE");
        dispatchedOrder(anOrder().forAccount(account).line(sku, 2).body());
        JsonNode invoice = api.get("/api/v1/invoices?accountCode=" + account).json().get(0);
        String dueOn = invoice.get("dueOn").asText();

        assertThat(api.get("/api/v1/invoices?accountCode=" + account + "&status=OPEN&dueFrom=" + dueOn + "&dueTo=" + dueOn)
                .json()).hasSize(1);
        assertThat(api.get("/api/v1/invoices?accountCode=" + account + "&status=PAID").json()).isEmpty();
        assertThat(api.get("/api/v1/invoices?accountCode=" + account + "&dueTo="
                + LocalDate.parse(dueOn).minusDays(1)).json()).isEmpty();
    }

    @Test
    void unknownInvoicesAndMalformedFiltersAreClearProblems() {
        Api.Response unknown = api.get("/api/v1/invoices/987654321");
        Api.Response badStatus = api.get("/api/v1/invoices?status=SETTLED");
        Api.Response badDate = api.get("/api/v1/invoices?dueFrom=31.12.2026");
        Api.Response unknownParameter = api.get("/api/v1/invoices?orderNumber=SO-100001");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(badStatus.status()).as(badStatus.body()).isEqualTo(400);
        assertThat(badStatus.body()).contains("status");
        assertThat(badDate.status()).as(badDate.body()).isEqualTo(400);
        assertThat(badDate.body()).contains("dueFrom");
        assertThat(unknownParameter.status()).isEqualTo(400);
        assertThat(unknownParameter.body()).contains("orderNumber");
    }

    private JsonNode dispatchedOrder(Map<String, Object> body) {
        JsonNode order = submitAndRun(body);
        dispatch(reload(order).get("shipments").get(0));
        processes.runJobs(order.get("orderNumber").asText());
        return order;
    }

    private static long sequenceNumber(String documentNumber) {
        return Long.parseLong(documentNumber.substring(documentNumber.lastIndexOf('-') + 1));
    }
}
