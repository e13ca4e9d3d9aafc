package org.tradeflow.pricing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
                .contains("VolumeTiers row 43: volume tier would give 3.3465", "list price would give 3.45");
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
}
