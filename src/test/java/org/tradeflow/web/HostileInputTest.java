package org.tradeflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API body is read exactly as written, whichever endpoint takes it: each class of malformed input is
 * refused with a 400 problem naming the field or place, in the caller's words, and nothing is written.
 */
class HostileInputTest extends IntegrationTest {

    /** What the parser, the database or Java would say: never shown to a caller. */
    private static final List<String> INTERNALS = List.of("com.fasterxml", "Exception", "(code ", "Source:", "org.", "jackson");

    /** Endpoints that write, each with a valid body in which {@code §} marks where a field's value goes. */
    private record Endpoint(String user, String path, String template, String textField, String numberField) {
        String with(String field, String json) {
            return template.replace("\"§" + field + "\"", json);
        }

        String valid() {
            return with(textField, "\"fine\"").replace("\"§" + numberField + "\"", "2");
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("demo", "/api/v1/orders",
                        "{\"accountCode\":\"ACME-DE\",\"customerPoNumber\":\"§po\",\"lines\":[{\"sku\":\"22423\",\"quantity\":\"§quantity\"}]}",
                        "po", "quantity"),
                new Endpoint("demo", "/api/v1/price-quotes",
                        "{\"accountCode\":\"§account\",\"lines\":[{\"sku\":\"22423\",\"quantity\":\"§quantity\"}]}",
                        "account", "quantity"),
                new Endpoint("wendy", "/api/v1/receipts",
                        "{\"warehouseCode\":\"WH-DE\",\"reference\":\"§reference\",\"lines\":[{\"sku\":\"22423\",\"quantity\":\"§quantity\"}]}",
                        "reference", "quantity"),
                new Endpoint("wendy", "/api/v1/stock-adjustments",
                        "{\"warehouseCode\":\"WH-DE\",\"sku\":\"22423\",\"quantity\":\"§quantity\",\"reason\":\"§reason\"}",
                        "reason", "quantity"));
    }

    /** Each class of malformation, applied to an endpoint. */
    static Stream<Arguments> malformations() {
        return endpoints().flatMap(e -> Stream.of(
                Arguments.of(e, "NUL in text", e.valid().replace("\"fine\"", "\"fi\\u0000ne\"")),
                Arguments.of(e, "another control character in text", e.valid().replace("\"fine\"", "\"fi\\u0007ne\"")),
                Arguments.of(e, "a decimal for a whole number", e.with(e.numberField(), "1.5").replace("\"§" + e.textField() + "\"", "\"fine\"")),
                Arguments.of(e, "a whole number written as a decimal", e.with(e.numberField(), "6.0").replace("\"§" + e.textField() + "\"", "\"fine\"")),
                Arguments.of(e, "exponent notation", e.with(e.numberField(), "1E3").replace("\"§" + e.textField() + "\"", "\"fine\"")),
                Arguments.of(e, "a number in quotes", e.with(e.numberField(), "\"12\"").replace("\"§" + e.textField() + "\"", "\"fine\"")),
                Arguments.of(e, "a number for text", e.with(e.textField(), "4711").replace("\"§" + e.numberField() + "\"", "2")),
                Arguments.of(e, "true for a number", e.with(e.numberField(), "true").replace("\"§" + e.textField() + "\"", "\"fine\"")),
                Arguments.of(e, "a duplicate key", e.valid().replaceFirst("^\\{(\"[a-zA-Z]+\":\"[^\"]*\",)", "{$1$1")),
                Arguments.of(e, "content after the document", e.valid() + " {\"more\":1}"),
                Arguments.of(e, "a second document", e.valid() + e.valid()),
                Arguments.of(e, "an unknown field", e.valid().replaceFirst("\\{", "{\"discount\":90,")),
                Arguments.of(e, "a raw control character", e.valid().replace("\"fine\"", "\"fi\u0001ne\"")),
                Arguments.of(e, "broken JSON", e.valid().substring(0, e.valid().length() / 2))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformations")
    void malformedBodiesAreRefusedPreciselyAndWriteNothing(Endpoint endpoint, String what, String body) {
        Footprint before = footprint();

        Api.Response refused = api.postRawAs(endpoint.user(), "demo", endpoint.path(), "application/json", body);

        assertThat(refused.status()).as(what + ": " + body + " -> " + refused.body()).isEqualTo(400);
        assertThat(refused.isProblem()).as(what).isTrue();
        assertThat(refused.json().get("detail").asText()).as(what).isNotBlank().doesNotContain(INTERNALS);
        assertThat(footprint()).as(what + " wrote nothing").isEqualTo(before);
    }

    @Test
    void aFieldWithAWrongValueIsNamed() {
        Api.Response decimal = api.postRaw("/api/v1/orders", endpoints().findFirst().orElseThrow()
                .with("quantity", "1.5").replace("\"§po\"", "\"P-1\""), Map.of());
        Api.Response nul = api.postRaw("/api/v1/orders",
                "{\"accountCode\":\"ACME-DE\",\"customerPoNumber\":\"P-2\",\"lines\":[{\"sku\":\"224\\u000023\",\"quantity\":1}]}", Map.of());
        Api.Response duplicate = api.postRaw("/api/v1/orders",
                "{\"accountCode\":\"ACME-DE\",\"accountCode\":\"BRIT-UK\",\"customerPoNumber\":\"P-3\",\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}", Map.of());

        assertThat(decimal.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(decimal.json().get("detail").asText()).contains("whole number");
        assertThat(nul.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].sku");
        assertThat(nul.json().get("detail").asText()).contains("control character");
        assertThat(duplicate.json().get("detail").asText()).contains("appears twice", "accountCode");
    }

    @Test
    void datesAreCalendarDatesOfThisCentury() {
        String template = "{\"accountCode\":\"ACME-DE\",\"customerPoNumber\":\"%s\",\"requestedDeliveryDate\":\"%s\","
                + "\"lines\":[{\"sku\":\"22423\",\"quantity\":1}]}";
        Footprint before = footprint();

        Api.Response farYear = api.postRaw("/api/v1/orders", template.formatted("D-1", "+999999-01-01"), Map.of());
        Api.Response noSuchDay = api.postRaw("/api/v1/orders", template.formatted("D-2", "2027-02-30"), Map.of());
        Api.Response timestamp = api.postRaw("/api/v1/orders", template.formatted("D-3", "2027-01-05T10:00:00Z"), Map.of());
        Api.Response tooFar = api.postRaw("/api/v1/orders", template.formatted("D-4", LocalDate.now().plusYears(5)), Map.of());
        Api.Response previewFarYear = api.postBytesAs("rita", "demo",
                "/api/v1/rules/tables/pricing/preview?from=%2B999999-01-01&to=2026-01-01", "application/octet-stream", new byte[]{1});

        assertThat(farYear.status()).as(farYear.body()).isEqualTo(400);
        assertThat(farYear.json().get("errors").get(0).get("field").asText()).isEqualTo("requestedDeliveryDate");
        assertThat(noSuchDay.status()).isEqualTo(400);
        assertThat(timestamp.status()).isEqualTo(400);
        assertThat(tooFar.status()).as(tooFar.body()).isEqualTo(422);
        assertThat(tooFar.json().get("detail").asText()).contains("within 2 years");
        assertThat(previewFarYear.status()).as(previewFarYear.body()).isEqualTo(400);
        assertThat(footprint()).isEqualTo(before);
    }

    @Test
    void controlCharactersInParametersAndPathsAreRefused() {
        List<Api.Response> attempts = List.of(
                api.get("/api/v1/orders?accountCode=ACME%00"),
                api.get("/api/v1/availability?sku=85123A%00&region=EU-CENTRAL"),
                api.get("/api/v1/products?currency=EU%01R"),
                api.get("/api/v1/rules/tables/pri%00cing/versions"));

        assertThat(attempts).allSatisfy(response -> {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
        });
        assertThat(attempts.get(0).json().get("errors").get(0).get("field").asText()).isEqualTo("accountCode");
    }

    @Test
    void anUnknownRegionIsRefusedInsteadOfRoutedByDefault() {
        Api.Response unknown = api.get("/api/v1/availability?sku=85123A&region=ATLANTIS");

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("region");
        assertThat(unknown.json().get("detail").asText()).contains("ATLANTIS", "EU-CENTRAL");
        assertThat(api.get("/api/v1/availability?sku=85123A&region=EU-CENTRAL").status()).isEqualTo(200);
    }

    @Test
    void unknownPathsAndMethodsAreProblemsToo() {
        Api.Response noSuchPath = api.get("/api/v1/no-such-thing");
        Api.Response noSuchMethod = api.requestAs("demo", "demo", "DELETE", "/api/v1/accounts", null);

        assertThat(noSuchPath.status()).isEqualTo(404);
        assertThat(noSuchPath.isProblem()).isTrue();
        assertThat(noSuchPath.json().get("detail").asText()).contains("/api/v1/no-such-thing");
        assertThat(noSuchMethod.status()).as(noSuchMethod.body()).isIn(405, 415);
        assertThat(noSuchMethod.isProblem()).isTrue();
    }

    @Test
    void aRefusalForLackOfARoleNamesTheRoleNeeded() {
        Api.Response refused = api.postAs("sam", "demo", "/api/v1/receipts", Map.of("warehouseCode", "WH-DE",
                "reference", "PO-1", "lines", List.of(Map.of("sku", "22423", "quantity", 1))));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asText()).contains("book receipts", "warehouse or order-desk", "sam has sales-managers");
    }

    /** The probe's finding: a Basic call created a session whose cookie alone then signed the caller in. */
    @Test
    void anApiCallCreatesNoSession() {
        Api.Response signedIn = api.getAs("rita", "demo", "/api/v1/rules/tables");
        Api.Response changed = api.postAs("rita", "demo", "/api/v1/price-quotes",
                Map.of("accountCode", "ACME-DE", "lines", List.of(Map.of("sku", "22423", "quantity", 1))));

        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(signedIn.header("Set-Cookie")).as("no session cookie").isNull();
        assertThat(changed.header("Set-Cookie")).as("no session cookie").isNull();
    }

    @Test
    void aFormOnAnotherSiteCannotChangeAnything() {
        int active = activePricingVersion();
        String activate = "/api/v1/rules/tables/pricing/versions/" + active + "/activate";

        Api.Response form = api.postRawAs("rita", "demo", activate, "application/x-www-form-urlencoded", "x=1");
        Api.Response text = api.postRawAs("rita", "demo", activate, "text/plain", "x");
        Api.Response multipart = api.postRawAs("rita", "demo", activate, "multipart/form-data; boundary=b", "--b--");
        Api.Response explicit = api.postAs("rita", "demo", activate, Map.of());

        assertThat(List.of(form, text, multipart)).allSatisfy(response -> {
            assertThat(response.status()).as(response.body()).isEqualTo(415);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("detail").asText()).contains("X-Requested-With");
        });
        assertThat(explicit.status()).as(explicit.body()).isEqualTo(200);
    }

    private int activePricingVersion() {
        JsonNode tables = api.get("/api/v1/rules/tables").json();
        for (JsonNode table : tables) {
            if (table.get("table").asText().equals("pricing")) {
                return table.get("version").asInt();
            }
        }
        throw new AssertionError("no active pricing table");
    }

    private Footprint footprint() {
        return new Footprint(fixtures.count("select count(*) from sales_order"),
                fixtures.count("select count(*) from stock_movement"),
                fixtures.count("select count(*) from idempotency_key where scope = 'receipt'"),
                fixtures.count("select count(*) from audit_event"));
    }

    private record Footprint(int orders, int stockMovements, int receipts, int auditEntries) {
    }
}
