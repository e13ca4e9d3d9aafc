package org.tradeflow.order;

import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** Money and time read the same in the 201, its replay and every later GET. */
class ResponseFormatTest extends IntegrationTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    @Test
    void anOrderReadsTheSameWhenCreatedReplayedAndRead() {
        Map<String, Object> body = anOrder().forAccount("ACME-DE").line("85123A", 24).line("22423", 3).body();
        Map<String, String> key = Map.of("Idempotency-Key", "format-" + System.nanoTime());

        Api.Response created = api.post("/api/v1/orders", body, key);
        Api.Response replayed = api.post("/api/v1/orders", body, key);
        Api.Response read = api.get("/api/v1/orders/" + created.json().get("id").asLong());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        for (Api.Response response : new Api.Response[]{replayed, read}) {
            assertThat(amounts(response.body())).isEqualTo(amounts(created.body()));
            assertThat(response.json().get("createdAt").asText()).isEqualTo(created.json().get("createdAt").asText());
        }
        assertThat(created.json().get("createdAt").asText()).matches(TIMESTAMP);
        assertThat(amounts(created.body())).isNotEmpty().allMatch(amount -> amount.matches(".*:\\d+\\.\\d{2,4}"));
        assertThat(amounts(created.body())).filteredOn(amount -> !amount.contains("unitPrice")).allMatch(amount -> amount.matches(".*:\\d+\\.\\d{2}"));
        created.json().get("audit").forEach(entry -> assertThat(entry.get("at").asText()).matches(TIMESTAMP));
    }

    @Test
    void listsAndQuotesWriteTheCurrencysDecimals() {
        submitAndRun(anOrder().forAccount("ACME-DE").line("85123A", 24).body());
        Api.Response summaries = api.get("/api/v1/orders?accountCode=ACME-DE&size=1");
        Api.Response quote = api.post("/api/v1/price-quotes", Map.of("accountCode", "ACME-DE",
                "lines", List.of(Map.of("sku", "85123A", "quantity", 24))));

        assertThat(amounts(summaries.body())).hasSize(1).allMatch(amount -> amount.matches("\"netTotal\":\\d+\\.\\d{2}"));
        assertThat(summaries.json().get(0).get("createdAt").asText()).matches(TIMESTAMP);
        assertThat(amounts(quote.body())).filteredOn(amount -> !amount.contains("unitPrice"))
                .hasSize(2).allMatch(amount -> amount.matches(".*:\\d+\\.\\d{2}"));
    }

    /** Every amount as written in the body (the JSON tree would read them as doubles), in document order. */
    private static List<String> amounts(String body) {
        return Pattern.compile("\"(netTotal|unitPrice|netAmount)\":-?[0-9.]+").matcher(body).results()
                .map(MatchResult::group).toList();
    }
}
