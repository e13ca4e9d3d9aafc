package org.tradeflow.availability;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityApiTest extends IntegrationTest {

    @Test
    void eachWarehouseOfTheRegionAnswersWithStockSupplyAndAPromiseDate() {
        // ACME-DE is in EU-CENTRAL: routed to Hamburg (5 on hand) and then Rotterdam (nothing yet, 20 on a PO).
        String sku = fixtures.product(Map.of("WH-DE", 5));
        LocalDate arrival = LocalDate.now().plusDays(10);
        fixtures.incoming(sku, "WH-NL", 20, arrival, "PO-77001");

        JsonNode ten = availability("sku=" + sku + "&quantity=10&accountCode=ACME-DE");
        JsonNode three = availability("sku=" + sku + "&quantity=3&accountCode=ACME-DE");

        assertThat(ten.get("region").asText()).isEqualTo("EU-CENTRAL");
        JsonNode hamburg = ten.get("warehouses").get(0);
        assertThat(hamburg.get("warehouse").asText()).isEqualTo("WH-DE");
        assertThat(hamburg.get("kind").asText()).isEqualTo("DISTRIBUTION_CENTRE");
        assertThat(hamburg.get("availableNow").asInt()).isEqualTo(5);
        assertThat(hamburg.get("promisedDelivery").isNull()).isTrue();
        assertThat(hamburg.get("basis").asText()).isEqualTo("not enough stock or expected supply");
        JsonNode rotterdam = ten.get("warehouses").get(1);
        assertThat(rotterdam.get("warehouse").asText()).isEqualTo("WH-NL");
        assertThat(rotterdam.get("incoming").get(0).get("availableThen").asInt()).isEqualTo(20);
        assertThat(rotterdam.get("goodsReadyOn").asText()).isEqualTo(arrival.toString());
        assertThat(rotterdam.get("basis").asText()).isEqualTo("with supply PO-77001 expected " + arrival);
        assertThat(rotterdam.get("transitDays").asInt()).isEqualTo(2);
        assertThat(rotterdam.get("carrier").asText()).isEqualTo("PostNL");
        // picked after arrival, two handling days and two transit days, on working days only
        LocalDate promised = LocalDate.parse(rotterdam.get("promisedDelivery").asText());
        assertThat(promised).isAfterOrEqualTo(arrival.plusDays(5));
        assertThat(promised.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

        JsonNode inStock = three.get("warehouses").get(0);
        assertThat(inStock.get("basis").asText()).isEqualTo("in stock");
        assertThat(LocalDate.parse(inStock.get("promisedDelivery").asText())).isBefore(promised);
    }

    @Test
    void theShipToRegionCanBeAskedWithoutAnAccount() {
        String sku = fixtures.product(Map.of("WH-US", 8));

        JsonNode west = availability("sku=" + sku + "&quantity=8&region=US-WEST");

        assertThat(west.get("warehouses")).singleElement().satisfies(newark -> {
            assertThat(newark.get("warehouse").asText()).isEqualTo("WH-US");
            assertThat(newark.get("transitDays").asInt()).isEqualTo(4);
            assertThat(newark.get("basis").asText()).isEqualTo("in stock");
        });
    }

    @Test
    void badQuestionsAreAnsweredWithTheParameterAtFault() {
        Api.Response noSku = api.get("/api/v1/availability?quantity=1&region=UK");
        Api.Response zero = api.get("/api/v1/availability?sku=85123A&quantity=0&region=UK");
        Api.Response letters = api.get("/api/v1/availability?sku=85123A&quantity=ten&region=UK");
        Api.Response unknownSku = api.get("/api/v1/availability?sku=NOPE&region=UK");
        Api.Response nowhere = api.get("/api/v1/availability?sku=85123A");
        Api.Response unknownAccount = api.get("/api/v1/availability?sku=85123A&accountCode=NOBODY");

        assertThat(noSku.status()).isEqualTo(400);
        assertThat(noSku.body()).contains("sku");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().get("errors").get(0).get("field").asText()).isEqualTo("quantity");
        assertThat(letters.status()).isEqualTo(400);
        assertThat(letters.json().get("errors").get(0).get("field").asText()).isEqualTo("quantity");
        assertThat(unknownSku.status()).isEqualTo(422);
        assertThat(unknownSku.json().get("errors").get(0).get("field").asText()).isEqualTo("sku");
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.json().get("errors").get(0).get("field").asText()).isEqualTo("region");
        assertThat(unknownAccount.json().get("errors").get(0).get("field").asText()).isEqualTo("accountCode");
        assertThat(noSku.header("Content-Type")).startsWith("application/problem+json");
    }

    private JsonNode availability(String query) {
        Api.Response response = api.get("/api/v1/availability?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
