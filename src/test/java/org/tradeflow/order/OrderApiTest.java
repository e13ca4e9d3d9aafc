package org.tradeflow.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.Fixtures;
import org.tradeflow.support.IntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** The public order API over real HTTP: what a calling ERP or webshop relies on. */
class OrderApiTest extends IntegrationTest {

    @Test
    void newOrderIsCreatedWithPricesAndTheRuleBehindEachPrice() {
        Api.Response response = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE")
                .line("85123A", 12).line("22423", 4).body());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith("/api/v1/orders/" + response.json().get("id").asLong());
        JsonNode order = response.json();
        assertThat(order.get("orderNumber").asText()).startsWith("SO-");
        assertThat(order.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(order.get("currency").asText()).isEqualTo("EUR");
        assertThat(order.get("ruleSetChecksum").asText()).hasSize(64);
        JsonNode contractLine = order.get("lines").get(0);
        assertThat(contractLine.get("priceSource").asText()).isEqualTo("CONTRACT");
        assertThat(contractLine.get("priceRule").asText()).startsWith("ContractPrices_");
        assertThat(contractLine.get("priceExplanation").asText()).startsWith("ContractPrices row 12: contract price (C-2025-017) 2.95 EUR");
        assertThat(order.get("lines").get(1).get("unitPrice").decimalValue()).isPositive();
        assertThat(order.get("audit").get(0).get("action").asText()).isEqualTo("ORDER_RECEIVED");
        assertThat(order.get("audit").get(0).get("actor").asText()).isEqualTo("demo");
    }

    @Test
    void orderCanBeReadBackAndFoundByAccountAndStatus() {
        JsonNode created = api.post("/api/v1/orders", anOrder().forAccount("NORD-SE").line("22423", 2).body()).json();

        JsonNode read = api.get("/api/v1/orders/" + created.get("id").asLong()).json();
        assertThat(read.get("orderNumber")).isEqualTo(created.get("orderNumber"));
        assertThat(read.get("lines").get(0).get("sku").asText()).isEqualTo("22423");

        JsonNode found = api.get("/api/v1/orders?accountCode=NORD-SE&status=RECEIVED").json();
        assertThat(found).extracting(o -> o.get("orderNumber").asText()).contains(created.get("orderNumber").asText());
        assertThat(found).allSatisfy(o -> assertThat(o.get("accountCode").asText()).isEqualTo("NORD-SE"));
    }

    @Test
    void sameIdempotencyKeyReturnsTheFirstOrderInsteadOfASecond() {
        Map<String, Object> body = anOrder().forAccount("ACME-DE").line("22423", 2).body();
        String key = "idem-" + System.nanoTime();
        Api.Response first = api.post("/api/v1/orders", body, Map.of("Idempotency-Key", key));
        int before = fixtures.count("select count(*) from sales_order");

        Api.Response replay = api.post("/api/v1/orders", body, Map.of("Idempotency-Key", key));

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(fixtures.count("select count(*) from sales_order")).isEqualTo(before);
    }

    @Test
    void sameIdempotencyKeyWithADifferentBodyIsRefused() {
        String key = "idem-" + System.nanoTime();
        api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line("22423", 2).body(), Map.of("Idempotency-Key", key));

        Api.Response conflict = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line("22423", 4).body(),
                Map.of("Idempotency-Key", key));

        assertThat(conflict.status()).isEqualTo(422);
        assertThat(conflict.isProblem()).isTrue();
        assertThat(conflict.json().get("detail").asText()).contains("Idempotency-Key", "different request body");
    }

    @Test
    void sameCustomerPoOfTheSameAccountReturnsTheFirstOrder() {
        String po = Fixtures.poNumber();
        Map<String, Object> body = anOrder().forAccount("NORD-SE").withPo(po).line("22423", 2).body();
        JsonNode first = api.post("/api/v1/orders", body).json();

        Api.Response resubmitted = api.post("/api/v1/orders", body);

        assertThat(resubmitted.status()).isEqualTo(200);
        assertThat(resubmitted.json().get("id")).isEqualTo(first.get("id"));
        Api.Response changed = api.post("/api/v1/orders", anOrder().forAccount("NORD-SE").withPo(po).line("22423", 8).body());
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.json().get("detail").asText()).contains(first.get("orderNumber").asText());
    }

    @Test
    void concurrentResubmissionsWithOneKeyCreateOneOrder() throws Exception {
        String key = "idem-race-" + System.nanoTime();
        Map<String, Object> body = anOrder().forAccount("ACME-DE").line("22423", 2).body();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Api.Response>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> api.post("/api/v1/orders", body, Map.of("Idempotency-Key", key))));
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (var call : calls) {
                Api.Response response = call.get();
                assertThat(response.status()).as(response.body()).isIn(200, 201);
                ids.add(response.json().get("id").asLong());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(fixtures.count("select count(*) from sales_order where customer_po_number = ?", body.get("customerPoNumber"))).isEqualTo(1);
    }

    @Test
    void unknownAccountAndSkuAreNamedAndNothingIsWritten() {
        int before = fixtures.count("select count(*) from sales_order");

        Api.Response unknownAccount = api.post("/api/v1/orders", anOrder().forAccount("NOPE").line("22423", 1).body());
        Api.Response unknownSku = api.post("/api/v1/orders", anOrder().line("22423", 1).line("NO-SUCH-SKU", 3).body());

        assertThat(unknownAccount.status()).isEqualTo(422);
        assertThat(unknownAccount.json().get("errors").get(0).get("field").asText()).isEqualTo("accountCode");
        assertThat(unknownSku.status()).isEqualTo(422);
        assertThat(unknownSku.isProblem()).isTrue();
        assertThat(unknownSku.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[1].sku");
        assertThat(unknownSku.json().get("detail").asText()).contains("NO-SUCH-SKU", "line 2");
        assertThat(fixtures.count("select count(*) from sales_order")).isEqualTo(before);
    }

    @Test
    void orderInAnotherCurrencyThanTheAccountsIsRefused() {
        Map<String, Object> body = new java.util.HashMap<>(anOrder().forAccount("ACME-DE").line("22423", 2).body());
        body.put("currency", "USD");

        Api.Response refused = api.post("/api/v1/orders", body);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("currency");
        assertThat(refused.json().get("detail").asText()).contains("buys in EUR");
    }

    @Test
    void invalidQuantitiesAndMissingFieldsAreNamed() {
        Api.Response zero = api.post("/api/v1/orders", anOrder().line("22423", 0).body());
        Api.Response absurd = api.post("/api/v1/orders", anOrder().line("22423", 2_000_000_000).body());
        Api.Response missing = api.post("/api/v1/orders", Map.of("lines", List.of(Map.of("sku", "22423"))));
        Api.Response noLines = api.post("/api/v1/orders", Map.of("accountCode", "ACME-DE", "customerPoNumber", "X1", "lines", List.of()));

        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(absurd.status()).isEqualTo(422);
        assertThat(absurd.json().get("detail").asText()).contains("lines[0].quantity", "at most 1000000");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors")).extracting(e -> e.get("field").asText())
                .contains("accountCode", "customerPoNumber", "lines[0].quantity");
        assertThat(noLines.status()).isEqualTo(422);
        assertThat(noLines.json().get("errors").get(0).get("field").asText()).isEqualTo("lines");
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAreRefusedWithTheirPlace() {
        Api.Response broken = api.postRaw("/api/v1/orders", "{\"accountCode\": \"ACME-DE\",\n \"lines\": [", Map.of());
        Api.Response wrongType = api.postRaw("/api/v1/orders",
                "{\"accountCode\":\"ACME-DE\",\"customerPoNumber\":\"P1\",\"lines\":[{\"sku\":\"22423\",\"quantity\":\"many\"}]}", Map.of());
        Api.Response unknownField = api.postRaw("/api/v1/orders",
                "{\"accountCode\":\"ACME-DE\",\"customerPoNumber\":\"P1\",\"discount\":90,\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}", Map.of());

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.isProblem()).isTrue();
        assertThat(broken.json().get("detail").asText()).contains("line 2");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").get(0).get("field").asText()).isEqualTo("discount");
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        String huge = "{\"accountCode\":\"" + "A".repeat(3 * 1024 * 1024) + "\"}";

        Api.Response response = api.postRaw("/api/v1/orders", huge, Map.of());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void unknownOrderIsNotFoundAsProblem() {
        Api.Response response = api.get("/api/v1/orders/987654321");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
        assertThat(api.get("/api/v1/orders/not-a-number").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/orders?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void everyApiCallNeedsAValidUser() {
        assertThat(api.getAnonymously("/api/v1/accounts").status()).isEqualTo(401);
        assertThat(api.getAnonymously("/api/v1/accounts").isProblem()).isTrue();
        // An unknown user: a wrong password for a real one would trip Camunda's login delay for that user.
        assertThat(api.getAs("mallory", "guess", "/api/v1/products").status()).isEqualTo(401);
        assertThat(api.getAnonymously("/engine-rest/task").status()).isEqualTo(401);
        assertThat(api.getAs("sam", "demo", "/api/v1/accounts").status()).isEqualTo(200);
    }
}
