package org.tradeflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.support.Api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/**
 * Issue 8: Drools copies a whole-number cell into the rules as its number format shows it, so a custom format
 * could carry Java into the generated rules. Drools must only ever read the value the checks saw.
 */
class CellFormatInjectionTest extends RuleChangingTest {

    private static final String PWNED = "tradeflow.pwned";
    /** The note of ContractPrices row 12 (ACME-DE's contract on 85123A). */
    private static final String ACME_NOTE = "White Hanging Heart T-Light Holder (LIGHTING), list 3.45 EUR";

    @Autowired
    RuleTableVersions versions;
    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void clearMarker() {
        System.clearProperty(PWNED);
    }

    @AfterEach
    void clearMarkerAgain() {
        System.clearProperty(PWNED);
    }

    /**
     * A number format whose quoted literal text is Java: ACME-DE's contract price 3 shows as
     * {@code 3 + (System.setProperty("tradeflow.pwned", "yes") == null ? 0 : 0)}. POI's DataFormatter drops double
     * quotes from number formats, so the strings are spelled as char arrays.
     */
    static String javaInNumberFormat() {
        return "0' + (System.setProperty(" + chars(PWNED) + ", " + chars("yes") + ") == null ? 0 : 0)'";
    }

    @Test
    void javaInTheNumberFormatOfAnUploadedPriceNeverRunsAndThePriceIsTheCellsValue() throws Exception {
        byte[] malicious = Spreadsheets.editFormatted(activeContent("pricing"), "ACME-DE", PRICE, 3, javaInNumberFormat());

        Api.Response uploaded = api.putAs("rita", "demo", "/api/v1/rules/tables/pricing?comment=format",
                RuleTableController.XLSX, malicious);
        BigDecimal price = contractPriceOf85123A();

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(System.getProperty(PWNED)).isNull();
        assertThat(price).isEqualByComparingTo("3");
    }

    @Test
    void javaInTheNumberFormatOfAPreviewedPriceNeverRuns() {
        String sku = fixtures.product(Map.of("WH-DE", 100));
        JsonNode order = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line(sku, 10).body()).json();
        byte[] candidate = activeContent("pricing");
        candidate = Spreadsheets.edit(candidate, "ACME-DE", 1, sku);
        candidate = Spreadsheets.edit(candidate, "ACME-DE", 2, ""); // valid from: open
        candidate = Spreadsheets.editFormatted(candidate, "ACME-DE", PRICE, 3, javaInNumberFormat());
        String today = LocalDate.now().toString();

        Api.Response preview = api.postBytesAs("rita", "demo", "/api/v1/rules/tables/pricing/preview?from=" + today
                + "&to=" + today, RuleTableController.XLSX, candidate);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(System.getProperty(PWNED)).isNull();
        assertThat(preview.json().get("affectedOrders")).extracting(JsonNode::asText)
                .contains(order.get("orderNumber").asText());
    }

    @Test
    void noteThatWouldEndTheCommentDroolsWritesItIntoIsRefused() throws Exception {
        // Drools writes the note column into the rule as /* note */: a note holding */ would continue as rules.
        byte[] breakout = Spreadsheets.edit(activeContent("pricing"), ACME_NOTE, 0,
                "x */ when then System.setProperty(\"" + PWNED + "\", \"yes\"); end rule \"Evil\" /* y");

        Api.Response refused = api.putAs("rita", "demo", "/api/v1/rules/tables/pricing?comment=note",
                RuleTableController.XLSX, breakout);
        contractPriceOf85123A();

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("sheet Pricing, cell H12", "a note must not contain */");
        assertThat(System.getProperty(PWNED)).isNull();
    }

    @Test
    void rollbackToAStoredVersionWithJavaInANumberFormatRunsOnlyItsValues() throws Exception {
        int stored = storedAsAnOlderReleaseWould(Spreadsheets.editFormatted(activeContent("pricing"), "ACME-DE", PRICE, 3,
                javaInNumberFormat()));

        Api.Response activated = api.postAs("rita", "demo", "/api/v1/rules/tables/pricing/versions/" + stored + "/activate", Map.of());
        BigDecimal price = contractPriceOf85123A();

        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(System.getProperty(PWNED)).isNull();
        assertThat(price).isEqualByComparingTo("3");
    }

    @Test
    void nodeRefreshingFromAnActiveVersionWithJavaInANumberFormatCompilesOnlyItsValues() throws Exception {
        int stored = storedAsAnOlderReleaseWould(Spreadsheets.editFormatted(activeContent("pricing"), "ACME-DE", PRICE, 3,
                javaInNumberFormat()));
        activatedInTheDatabaseOnly(stored); // as another node of an older release would have done

        RuleSet refreshed = rules.refreshFromDatabase();
        BigDecimal price = contractPriceOf85123A();

        assertThat(refreshed.tableDrl().get("pricing.xlsx")).contains("PriceOffer.contract($l, 3, contract")
                .doesNotContain("System.setProperty");
        assertThat(System.getProperty(PWNED)).isNull();
        assertThat(price).isEqualByComparingTo("3");
    }

    @Test
    void activeVersionThatFailsTodaysChecksNeverBecomesLiveAndCannotBeRolledBackTo() throws Exception {
        String liveBefore = rules.current().checksum();
        int stored = storedAsAnOlderReleaseWould(Spreadsheets.edit(activeContent("pricing"), ACME_NOTE, 0,
                "x */ when then System.setProperty(\"" + PWNED + "\", \"yes\"); end rule \"Evil\" /* y"));
        activatedInTheDatabaseOnly(stored);

        RuleSet afterRefresh = rules.refreshFromDatabase();
        contractPriceOf85123A();
        Api.Response rollback = api.postAs("rita", "demo", "/api/v1/rules/tables/pricing/versions/" + stored + "/activate", Map.of());

        assertThat(afterRefresh.checksum()).isEqualTo(liveBefore);
        assertThat(System.getProperty(PWNED)).isNull();
        assertThat(rollback.status()).isEqualTo(422);
        assertThat(rollback.body()).contains("sheet Pricing, cell H12", "a note must not contain */");
    }

    /** Stored without any check, as a release before this one may have accepted it. */
    private int storedAsAnOlderReleaseWould(byte[] content) {
        return transaction.execute(status -> versions.add("pricing", content, RuleSetRegistry.sha256(content),
                "rita", "stored by an older release"));
    }

    private void activatedInTheDatabaseOnly(int version) {
        transaction.executeWithoutResult(status -> versions.activate("pricing", version));
    }

    private static String chars(String text) {
        return "String.valueOf(new char[]{" + text.chars().mapToObj(Integer::toString).collect(Collectors.joining(","))
                + "})";
    }

    private BigDecimal contractPriceOf85123A() {
        JsonNode quote = api.post("/api/v1/price-quotes", Map.of("accountCode", "ACME-DE",
                "lines", List.of(Map.of("sku", "85123A", "quantity", 6)))).json();
        return quote.get("lines").get(0).get("unitPrice").decimalValue();
    }

    private byte[] activeContent(String table) {
        int active = rules.activeVersions().stream().filter(v -> v.table().equals(table)).findFirst().orElseThrow().version();
        return rules.content(table, active).orElseThrow();
    }
}
