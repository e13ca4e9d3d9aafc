package org.tradeflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.rules.RuleSetRegistry;
import org.tradeflow.rules.Spreadsheets;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** "What would this table change do to last month's orders?" — checked against a case worked out by hand. */
class RuleImpactPreviewTest extends IntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    RuleSetRegistry rules;

    @Test
    void candidateContractPriceIsPreviewedAgainstTheOrdersOfThePeriod() {
        // Lone Star (retail chain, USD) buys 10 of a gift listed at 12.00 USD: 10 % group price = 10.80, 108.00 a line.
        String sku = fixtures.product(Map.of("WH-US", 100));
        JsonNode order = api.post("/api/v1/orders", anOrder().forAccount("LONESTAR-US").line(sku, 10).body()).json();
        assertThat(order.get("netTotal").decimalValue()).isEqualByComparingTo("108.00");
        int versionsBefore = rules.versions("pricing").size();
        String liveBefore = rules.current().checksum();
        // The candidate gives Lone Star a 7.00 contract on that gift instead of its 85099B contract row.
        byte[] candidate = activePricing();
        candidate = Spreadsheets.edit(candidate, "LONESTAR-US", 1, sku);
        candidate = Spreadsheets.edit(candidate, "LONESTAR-US", 2, ""); // valid from: open
        candidate = Spreadsheets.edit(candidate, "LONESTAR-US", 3, ""); // valid until: open
        candidate = Spreadsheets.edit(candidate, "LONESTAR-US", 5, "7.00");
        String today = LocalDate.now().toString();

        Api.Response preview = api.postBytesAs("rita", "demo", "/api/v1/rules/tables/pricing/preview?from=" + today + "&to=" + today, XLSX, candidate);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        JsonNode report = preview.json();
        assertThat(report.get("affectedOrders")).extracting(JsonNode::asText).contains(order.get("orderNumber").asText());
        JsonNode lonestar = find(report.get("revenueByAccount"), "LONESTAR-US USD");
        assertThat(lonestar.get("delta").decimalValue()).isEqualByComparingTo("-38.00"); // 70.00 instead of 108.00
        assertThat(report.get("newApprovals")).isEmpty();
        assertThat(rules.versions("pricing")).hasSize(versionsBefore);
        assertThat(rules.current().checksum()).isEqualTo(liveBefore);
    }

    @Test
    void lineWhoseProductLostItsPriceIsNamedInsteadOfSilentlyDropped() {
        String kept = fixtures.product(Map.of("WH-US", 100));
        String withdrawn = fixtures.product(Map.of("WH-US", 100));
        JsonNode order = api.post("/api/v1/orders", anOrder().forAccount("HUDSON-US").line(kept, 3).line(withdrawn, 2).body()).json();
        fixtures.dropListPrice(withdrawn, "USD");
        String today = LocalDate.now().toString();

        JsonNode report = api.postBytesAs("rita", "demo", "/api/v1/rules/tables/pricing/preview?from=" + today + "&to=" + today,
                XLSX, activePricing()).json();

        assertThat(report.get("linesNotRepriced")).extracting(JsonNode::asText)
                .contains(order.get("orderNumber").asText() + " line 2 (" + withdrawn + "): no USD list price today");
    }

    @Test
    void previewOfABrokenTableIsRefusedLikeTheChangeItself() {
        byte[] broken = Spreadsheets.edit(activePricing(), "accountCode == \"$param\"", 0, "accountCode != \"$param\"");

        Api.Response preview = api.postBytesAs("rita", "demo", "/api/v1/rules/tables/pricing/preview?from=" + LocalDate.now() + "&to=" + LocalDate.now(), XLSX, broken);

        assertThat(preview.status()).isEqualTo(422);
        assertThat(preview.body()).contains("code rows differ");
    }

    private byte[] activePricing() {
        int active = rules.activeVersions().stream().filter(v -> v.table().equals("pricing")).findFirst().orElseThrow().version();
        return rules.content("pricing", active).orElseThrow();
    }

    private static JsonNode find(JsonNode array, String key) {
        for (JsonNode node : array) {
            if (node.get("key").asText().equals(key)) {
                return node;
            }
        }
        throw new AssertionError("No " + key + " in " + array);
    }
}
