package org.tradeflow.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

class DispatchApiTest extends IntegrationTest {

    @Test
    void dispatchBooksTheShipmentAndItsInvoiceFollows() {
        JsonNode shipment = requestedShipment();

        Api.Response dispatched = api.post("/api/v1/shipments/" + shipment.get("id").asLong() + "/dispatch",
                Map.of("carrier", "UPS", "trackingNumber", "1Z999AA10123456784"));

        assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
        assertThat(dispatched.json().get("status").asText()).isEqualTo("DISPATCHED");
        assertThat(dispatched.json().get("trackingNumber").asText()).isEqualTo("1Z999AA10123456784");
        String orderNumber = dispatched.json().get("orderNumber").asText();
        processes.runJobs(orderNumber);
        assertThat(fixtures.count("select count(*) from invoice i join shipment s on s.id = i.shipment_id where s.id = ?",
                shipment.get("id").asLong())).isEqualTo(1);
    }

    @Test
    void dispatchingTwiceIsAConflictAndChangesNothing() {
        JsonNode shipment = requestedShipment();
        String path = "/api/v1/shipments/" + shipment.get("id").asLong() + "/dispatch";
        assertThat(api.post(path, Map.of("carrier", "UPS", "trackingNumber", "T1")).status()).isEqualTo(200);
        int movements = fixtures.count("select count(*) from stock_movement");

        Api.Response again = api.post(path, Map.of("carrier", "UPS", "trackingNumber", "T2"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(fixtures.count("select count(*) from stock_movement")).isEqualTo(movements);
    }

    @Test
    void simultaneousDispatchesOfOneShipmentBookItOnce() throws Exception {
        JsonNode shipment = requestedShipment();
        String path = "/api/v1/shipments/" + shipment.get("id").asLong() + "/dispatch";
        String sku = shipment.get("lines").get(0).get("sku").asText();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Integer> statuses;
        try {
            List<Future<Api.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(pool.submit(() -> api.post(path, Map.of("carrier", "UPS", "trackingNumber", "RETRY"))));
            }
            statuses = new ArrayList<>();
            for (Future<Api.Response> call : calls) {
                Api.Response response = call.get();
                assertThat(response.isProblem() || response.status() == 200).as(response.body()).isTrue();
                statuses.add(response.status());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(fixtures.stock(sku).onHand()).isEqualTo(45);
    }

    @Test
    void onlyTheWarehouseOrTheOrderDeskConfirmsDispatch() {
        JsonNode shipment = requestedShipment();

        Api.Response salesManager = api.postAs("sam", "demo", "/api/v1/shipments/" + shipment.get("id").asLong() + "/dispatch",
                Map.of("carrier", "UPS", "trackingNumber", "T"));
        Api.Response warehouse = api.postAs("wendy", "demo", "/api/v1/shipments/" + shipment.get("id").asLong() + "/dispatch",
                Map.of("carrier", "UPS", "trackingNumber", "T"));

        assertThat(salesManager.status()).isEqualTo(403);
        assertThat(salesManager.isProblem()).isTrue();
        assertThat(warehouse.status()).isEqualTo(200);
    }

    @Test
    void dispatchOfAnUnknownShipmentOrWithoutCarrierIsRefused() {
        assertThat(api.post("/api/v1/shipments/99999999/dispatch", Map.of("carrier", "UPS", "trackingNumber", "T")).status())
                .isEqualTo(404);
        Api.Response missing = api.post("/api/v1/shipments/1/dispatch", Map.of("trackingNumber", "T"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("carrier");
    }

    @Test
    void goodsComeBackIntoStockOnlyOnceDispatchedAndNeverMoreThanShipped() {
        String sku = fixtures.product(Map.of("WH-DE", 50));
        JsonNode order = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line(sku, 5).body()).json();
        processes.runJobs(order.get("orderNumber").asText());
        long id = api.get("/api/v1/orders/" + order.get("id").asLong()).json().get("shipments").get(0).get("id").asLong();
        String returns = "/api/v1/shipments/" + id + "/returns";
        Api.Response beforeDispatch = api.post("/api/v1/returns", Map.of("orderId", order.get("id").asLong(),
                "reasonCode", "WRONG_ITEM", "lines", List.of(Map.of("lineNo", 1, "quantity", 1))));
        api.post("/api/v1/shipments/" + id + "/dispatch", Map.of("carrier", "UPS", "trackingNumber", "R1"));
        JsonNode rma = api.post("/api/v1/returns", Map.of("orderId", order.get("id").asLong(),
                "reasonCode", "WRONG_ITEM", "lines", List.of(Map.of("lineNo", 1, "quantity", 5)))).json();

        Api.Response back = api.postAs("wendy", "demo", returns, Map.of("rmaNumber", rma.get("rmaNumber").asText(), "sku", sku, "quantity", 2));
        Api.Response asSales = api.postAs("sam", "demo", returns, Map.of("rmaNumber", rma.get("rmaNumber").asText(), "sku", sku, "quantity", 1));

        assertThat(beforeDispatch.status()).isEqualTo(422);
        assertThat(beforeDispatch.body()).contains("was dispatched");
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        assertThat(back.json().get("stillReturnable").asInt()).isEqualTo(3);
        assertThat(asSales.status()).isEqualTo(403);
        assertThat(fixtures.onHand(sku, "WH-DE")).as("50 - 5 shipped + 2 back").isEqualTo(47);
        assertThat(fixtures.stock(sku).ledgerOnHand()).isEqualTo(47);
    }

    private JsonNode requestedShipment() {
        String sku = fixtures.product(Map.of("WH-DE", 50));
        JsonNode order = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line(sku, 5).body()).json();
        processes.runJobs(order.get("orderNumber").asText());
        return api.get("/api/v1/orders/" + order.get("id").asLong()).json().get("shipments").get(0);
    }
}
