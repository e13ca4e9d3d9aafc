package org.tradeflow.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogApiTest extends IntegrationTest {

    @Test
    void accountsListTheDemoCustomersWithTheirTerms() {
        JsonNode accounts = api.get("/api/v1/accounts").json();

        assertThat(accounts.size()).isGreaterThanOrEqualTo(6);
        assertThat(accounts).extracting(a -> a.get("currency").asText()).contains("EUR", "USD");
        JsonNode pacific = find(accounts, "code", "PACIFIC-US");
        assertThat(pacific.get("creditLimit").decimalValue()).isEqualByComparingTo("5000");
        assertThat(pacific.get("paymentTermsDays").asInt()).isEqualTo(15);
    }

    @Test
    void productsCarryPackSizeAndListPriceInTheAskedCurrency() {
        JsonNode eur = api.get("/api/v1/products").json();
        JsonNode usd = api.get("/api/v1/products?currency=USD").json();

        assertThat(eur.size()).isGreaterThanOrEqualTo(60);
        JsonNode holder = find(eur, "sku", "85123A");
        assertThat(holder.get("name").asText()).isEqualTo("White Hanging Heart T-Light Holder");
        assertThat(holder.get("category").asText()).isEqualTo("LIGHTING");
        assertThat(holder.get("packSize").asInt()).isEqualTo(6);
        assertThat(holder.get("listPrice").decimalValue()).isEqualByComparingTo("3.45"); // 2.95 GBP x 1.17
        assertThat(find(usd, "sku", "85123A").get("currency").asText()).isEqualTo("USD");
        assertThat(api.get("/api/v1/products?currency=euro").status()).isEqualTo(400);
    }

    @Test
    void apiIsDescribedByAnOpenApiDocument() {
        JsonNode document = api.get("/v3/api-docs").json();

        assertThat(document.get("paths").has("/api/v1/orders")).isTrue();
        assertThat(document.get("paths").has("/api/v1/shipments/{id}/dispatch")).isTrue();
        assertThat(api.getAnonymously("/v3/api-docs").status()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode node : array) {
            if (node.get(field).asText().equals(value)) {
                return node;
            }
        }
        throw new AssertionError("No " + field + "=" + value + " in " + array);
    }
}
