package org.tradeflow.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

class PriceQuoteApiTest extends IntegrationTest {

    @Test
    void quotePricesEachLineWithItsRuleAndCreatesNothing() {
        int orders = fixtures.count("select count(*) from sales_order");

        Api.Response quote = api.post("/api/v1/price-quotes", Map.of("accountCode", "ACME-DE",
                "lines", List.of(Map.of("sku", "85123A", "quantity", 12), Map.of("sku", "22423", "quantity", 3))));

        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        JsonNode lines = quote.json().get("lines");
        assertThat(lines.get(0).get("priceSource").asText()).isEqualTo("CONTRACT");
        assertThat(lines.get(0).get("priceRule").asText()).startsWith("ContractPrices_");
        BigDecimal sum = lines.get(0).get("netAmount").decimalValue().add(lines.get(1).get("netAmount").decimalValue());
        assertThat(quote.json().get("netTotal").decimalValue()).isEqualByComparingTo(sum);
        assertThat(lines.get(0).get("netAmount").decimalValue())
                .isEqualByComparingTo(lines.get(0).get("unitPrice").decimalValue().multiply(BigDecimal.valueOf(12)));
        assertThat(fixtures.count("select count(*) from sales_order")).isEqualTo(orders);
    }

    @Test
    void eachPriceIsExplainedInWordsWithTheOffersItBeat() {
        Api.Response quote = api.post("/api/v1/price-quotes", Map.of("accountCode", "ACME-DE",
                "lines", List.of(Map.of("sku", "85123A", "quantity", 120))));

        JsonNode explanation = quote.json().get("lines").get(0).get("explanation");
        assertThat(explanation.get("text").asText()).startsWith("ContractPrices row 12: contract price (C-2025-017) 2.95 EUR; ")
                .contains("VolumeTiers row 45: volume tier would give 3.3465", "list price would give 3.45");
        assertThat(explanation.get("candidates")).anySatisfy(c -> {
            assertThat(c.get("source").asText()).isEqualTo("CONTRACT");
            assertThat(c.get("chosen").asBoolean()).isTrue();
        });
    }

    @Test
    void quoteReportsPolicyViolationsNamingTheLine() {
        Api.Response quote = api.post("/api/v1/price-quotes", Map.of("accountCode", "ALPINE-AT",
                "lines", List.of(Map.of("sku", "85123A", "quantity", 13))));

        assertThat(quote.json().get("violations")).anySatisfy(v -> {
            assertThat(v.get("severity").asText()).isEqualTo("BLOCK");
            assertThat(v.get("message").asText()).contains("Line 1", "85123A");
        });
    }

    @Test
    void discontinuedProductIsStoppedWithItsSubstituteNamed() {
        Api.Response quote = api.post("/api/v1/price-quotes", Map.of("accountCode", "BRIT-UK",
                "lines", List.of(Map.of("sku", "22112", "quantity", 12))));

        assertThat(quote.json().get("violations")).anySatisfy(v -> {
            assertThat(v.get("code").asText()).isEqualTo("DISCONTINUED");
            assertThat(v.get("severity").asText()).isEqualTo("BLOCK");
            assertThat(v.get("message").asText()).isEqualTo("Line 1 (22112): discontinued; order 22111 instead");
        });
    }

    @Test
    void quoteForAnUnknownSkuIsAProblemNamingTheLine() {
        Api.Response quote = api.post("/api/v1/price-quotes", Map.of("accountCode", "ACME-DE",
                "lines", List.of(Map.of("sku", "85123A", "quantity", 6), Map.of("sku", "BOGUS", "quantity", 1))));

        assertThat(quote.status()).isEqualTo(422);
        assertThat(quote.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[1].sku");
    }

    @Test
    void retailChainQuantitiesAreRoundedUpAndTheCustomerIsToldWhy() {
        // Lone Star (retail chain, USD): bags by 20 or more, whole packs, and at least 500 USD an order.
        Api.Response quote = api.post("/api/v1/price-quotes", Map.of("accountCode", "LONESTAR-US",
                "lines", List.of(Map.of("sku", "85099B", "quantity", 7), Map.of("sku", "22086", "quantity", 5))));

        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        JsonNode bags = quote.json().get("lines").get(0);
        assertThat(bags.get("requestedQuantity").asInt()).isEqualTo(7);
        assertThat(bags.get("quantity").asInt()).isEqualTo(20);
        assertThat(bags.get("netAmount").decimalValue()).isEqualByComparingTo("45.00"); // 20 x contract 2.25
        assertThat(quote.json().get("lines").get(1).get("quantity").asInt()).isEqualTo(6);
        assertThat(quote.json().get("violations")).extracting(v -> v.get("severity").asText() + " " + v.get("message").asText())
                .containsExactly(
                        "CORRECTED Line 1 (85099B): retail chains take bags by 20 or more; rounded up from 7 to 20",
                        "CORRECTED Line 2 (22086): quantity is not a multiple of the pack size 6; rounded up from 5 to 6",
                        "BLOCK Order: retail chain orders start at 500 USD net (central buying)");
    }

    @Test
    void accountWithPriceMemoryKeepsTheLastPriceItPaid() {
        // Nordic Interiors (WHOLESALE, EUR) is flagged for price memory; its first order pays the 10.00 list price.
        String sku = fixtures.product(Map.of("WH-NL", 100));
        JsonNode first = api.post("/api/v1/orders", anOrder().forAccount("NORD-SE").line(sku, 5).body()).json();
        processes.runJobs(first.get("orderNumber").asText());
        fixtures.listPrice(sku, "EUR", "11.00");

        JsonNode nordic = api.post("/api/v1/price-quotes", Map.of("accountCode", "NORD-SE",
                "lines", List.of(Map.of("sku", sku, "quantity", 5)))).json().get("lines").get(0);
        JsonNode britannia = api.post("/api/v1/price-quotes", Map.of("accountCode", "BRIT-UK",
                "lines", List.of(Map.of("sku", sku, "quantity", 5)))).json().get("lines").get(0);

        assertThat(nordic.get("priceSource").asText()).isEqualTo("MEMORIZED");
        assertThat(nordic.get("unitPrice").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(nordic.get("explanation").get("text").asText()).startsWith("PriceMemory row 64: price memory (paid on "
                + first.get("orderNumber").asText() + ", " + LocalDate.now() + ") 10.00 EUR; list price would give 11.00");
        assertThat(britannia.get("unitPrice").decimalValue()).as("no price memory for Britannia").isEqualByComparingTo("11.00");
    }
}
