package org.tradeflow.order;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.Fixtures;
import org.tradeflow.support.IntegrationTest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's own price on a line is compared with ours, and a difference is never silently taken either way. */
class ExpectedUnitPriceTest extends IntegrationTest {

    @Test
    void aLowerExpectedPriceHoldsTheOrderAtTheOrderDeskAndAHigherOneIsShown() {
        String sku = fixtures.product(Map.of("WH-DE", 100), "10.00");
        BigDecimal ours = ourUnitPrice(sku);

        JsonNode lower = submitAndRun(order(line(sku, ours.subtract(new BigDecimal("0.50")))));
        assertThat(priceMismatches(lower)).singleElement().satisfies(violation -> {
            assertThat(violation.get("severity").asText()).isEqualTo("BLOCK");
            assertThat(violation.get("lineNo").asInt()).isEqualTo(1);
            assertThat(violation.get("message").asText()).contains("expects " + ours.subtract(new BigDecimal("0.50"))
                    .stripTrailingZeros().toPlainString() + " EUR", "our price is " + ours.stripTrailingZeros().toPlainString());
        });
        assertThat(reload(lower).get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(reload(lower).get("lines").get(0).get("unitPrice").decimalValue())
                .as("our price stays until someone agrees another").isEqualByComparingTo(ours);
        assertThat(reload(lower).get("lines").get(0).get("expectedUnitPrice").decimalValue())
                .isEqualByComparingTo(ours.subtract(new BigDecimal("0.50")));

        JsonNode higher = submitAndRun(order(line(sku, ours.add(BigDecimal.ONE))));
        assertThat(priceMismatches(higher)).singleElement()
                .satisfies(violation -> assertThat(violation.get("severity").asText()).isEqualTo("WARN"));
        assertThat(reload(higher).get("status").asText()).isEqualTo("ALLOCATED");

        JsonNode same = submitAndRun(order(line(sku, ours.setScale(4))));
        assertThat(priceMismatches(same)).isEmpty();
        assertThat(reload(same).get("status").asText()).isEqualTo("ALLOCATED");
    }

    @Test
    void anOrderDeskCorrectionComparesTheCustomersPriceAgain() {
        String sku = fixtures.product(Map.of("WH-DE", 100), "10.00");
        String other = fixtures.product(Map.of("WH-DE", 100), "10.00");
        BigDecimal ours = ourUnitPrice(sku);
        JsonNode order = submitAndRun(order(line(sku, ours.subtract(BigDecimal.ONE)), Map.of("sku", other, "quantity", 4)));
        String orderNumber = order.get("orderNumber").asText();

        Api.Response corrected = api.postAs("oscar", "demo", "/engine-rest/task/"
                        + processes.task(orderNumber, "UserTaskResolveOrderExceptions").getId() + "/complete",
                Map.of("variables", Map.of("exceptionsDecision", Map.of("value", "CORRECT", "type", "String"),
                        "lineCorrections", Map.of("value", "line 2: quantity 5", "type", "String"))));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(204);
        processes.runJobs(orderNumber);

        JsonNode again = reload(order);
        assertThat(again.get("status").asText()).as("the price still differs").isEqualTo("ON_HOLD");
        assertThat(priceMismatches(again)).singleElement()
                .satisfies(violation -> assertThat(violation.get("severity").asText()).isEqualTo("BLOCK"));
    }

    @Test
    void anExpectedPriceThatIsNoPriceIsRefusedNamingTheField() {
        String sku = fixtures.product(Map.of("WH-DE", 100), "10.00");
        for (Object bad : List.of(-1, new BigDecimal("-0.01"), 1.23456, 1e20)) {
            Api.Response refused = api.post("/api/v1/orders", order(line(sku, bad)));
            assertProblem(refused, 422, "lines[0].expectedUnitPrice");
        }
        assertThat(api.post("/api/v1/orders", order(line(sku, "ten euros"))).status()).isEqualTo(400);
    }

    private BigDecimal ourUnitPrice(String sku) {
        Api.Response quote = api.post("/api/v1/price-quotes", Map.of("accountCode", "ACME-DE",
                "lines", List.of(Map.of("sku", sku, "quantity", 12))));
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        return quote.json().get("lines").get(0).get("unitPrice").decimalValue();
    }

    private static Map<String, Object> line(String sku, Object expectedUnitPrice) {
        Map<String, Object> line = new HashMap<>();
        line.put("sku", sku);
        line.put("quantity", 12);
        line.put("expectedUnitPrice", expectedUnitPrice);
        return line;
    }

    @SafeVarargs
    private static Map<String, Object> order(Map<String, Object>... lines) {
        return Map.of("accountCode", "ACME-DE", "customerPoNumber", Fixtures.poNumber(), "lines", List.of(lines));
    }

    private static List<JsonNode> priceMismatches(JsonNode order) {
        List<JsonNode> found = new java.util.ArrayList<>();
        order.get("violations").forEach(violation -> {
            if (violation.get("code").asText().equals("PRICE_MISMATCH")) {
                found.add(violation);
            }
        });
        return found;
    }
}
