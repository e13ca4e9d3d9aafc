package org.tradeflow.sourcing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** routing.xlsx decides per region: the fewest shipments for the whole order, or each line on its own. */
class SourcingTest extends IntegrationTest {

    @Test
    void centralEuropeIsSourcedForTheFewestShipments() {
        // EU-CENTRAL prefers Hamburg, but only Rotterdam has both products: one shipment from Rotterdam.
        String both = fixtures.product(Map.of("WH-DE", 10, "WH-NL", 10));
        String rotterdamOnly = fixtures.product(Map.of("WH-NL", 10));

        JsonNode order = allocate(anOrder().forAccount("ACME-DE").line(both, 4).line(rotterdamOnly, 4).body());

        assertThat(order.get("shipments")).extracting(s -> s.get("warehouse").asText() + ":" + s.get("lines").size())
                .containsExactly("WH-NL:2");
    }

    @Test
    void northernEuropeIsSourcedLineByLineFromEachLinesFirstWarehouse() {
        // EU-NORTH prefers Rotterdam, which has the first product only: two shipments.
        String both = fixtures.product(Map.of("WH-DE", 10, "WH-NL", 10));
        String hamburgOnly = fixtures.product(Map.of("WH-DE", 10));

        JsonNode order = allocate(anOrder().forAccount("NORD-SE").line(both, 4).line(hamburgOnly, 4).body());

        assertThat(order.get("shipments")).extracting(s -> s.get("warehouse").asText() + ":" + s.get("lines").get(0).get("sku").asText())
                .containsExactly("WH-NL:" + both, "WH-DE:" + hamburgOnly);
    }

    @Test
    void whenNoWarehouseHasEverythingTheBiggestShareShipsFirst() {
        String sku = fixtures.product(Map.of("WH-DE", 3, "WH-NL", 8));

        JsonNode order = allocate(anOrder().forAccount("ACME-DE").line(sku, 10).body());

        assertThat(order.get("shipments")).extracting(s -> s.get("warehouse").asText() + ":" + s.get("lines").get(0).get("quantity").asInt())
                .containsExactly("WH-NL:8", "WH-DE:2");
    }

    @Test
    void lightingOutOfStockInOurWarehousesShipsFromTheSuppliersDropShip() {
        String lamp = fixtures.productIn("LIGHTING", Map.of("WH-DE", 2, "DS-LUMA", 50));

        JsonNode order = allocate(anOrder().forAccount("ACME-DE").line(lamp, 12).body());
        JsonNode options = api.get("/api/v1/availability?sku=" + lamp + "&quantity=12&accountCode=ACME-DE").json();

        assertThat(order.get("shipments")).extracting(s -> s.get("warehouse").asText()).containsExactly("DS-LUMA");
        assertThat(options.get("warehouses")).extracting(w -> w.get("warehouse").asText() + ":" + w.get("kind").asText())
                .containsExactly("WH-DE:DISTRIBUTION_CENTRE", "WH-NL:THIRD_PARTY", "DS-LUMA:DROP_SHIP");
        assertThat(options.get("warehouses").get(2).get("carrier").asText()).isEqualTo("GLS (supplier)");
    }

    @Test
    void linesForOtherDeliveryAddressesShipSeparatelyAndRouteByTheirRegion() {
        // Acme's Stockholm store is in EU-NORTH (Rotterdam first, line by line); the Vienna store and the head
        // office are in EU-CENTRAL (Hamburg first). Both products are in both warehouses.
        String first = fixtures.product(Map.of("WH-DE", 20, "WH-NL", 20));
        String second = fixtures.product(Map.of("WH-DE", 20, "WH-NL", 20));

        JsonNode order = allocate(anOrder().forAccount("ACME-DE").line(first, 2).line(second, 3, "STORE-STHLM")
                .line(first, 4, "STORE-WIEN").body());

        assertThat(order.get("lines")).extracting(l -> String.valueOf(l.get("shipTo").isNull() ? "-" : l.get("shipTo").asText()))
                .containsExactly("-", "STORE-STHLM", "STORE-WIEN");
        assertThat(order.get("shipments")).extracting(s -> s.get("warehouse").asText() + " to "
                        + (s.get("shipTo").isNull() ? "Acme" : s.get("shipTo").asText()))
                .containsExactlyInAnyOrder("WH-DE to Acme", "WH-DE to STORE-WIEN", "WH-NL to STORE-STHLM");
    }

    @Test
    void anAddressTheAccountDoesNotHaveIsRefusedNamingTheLine() {
        Api.Response refused = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line("85123A", 6)
                .line("85123A", 6, "STORE-PARIS").body());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[1].shipTo");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains("no delivery address 'STORE-PARIS'");
    }

    private JsonNode allocate(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        processes.runJobs(created.json().get("orderNumber").asText());
        JsonNode order = api.get("/api/v1/orders/" + created.json().get("id").asLong()).json();
        assertThat(order.get("status").asText()).isEqualTo("ALLOCATED");
        return order;
    }
}
