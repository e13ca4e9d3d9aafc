package org.tradeflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.TradeflowApplication;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;
import org.tradeflow.support.TestDatabase;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two servers on one database, as in production behind a load balancer: a table activated through one node
 * prices the orders of the other within seconds, and so does a rollback; each node stores the rule set it makes
 * live, also one the first never had (here the second runs another release's hand-written DRL). The second node is the application
 * in a JVM of its own (Camunda keeps engines in JVM-wide registries), answering over HTTP.
 */
class SecondNodeTest extends IntegrationTest {

    /** How long the other node may take to pick a change up before the test calls it lost. */
    private static final Duration REFRESHED = Duration.ofMinutes(1);

    /** ContractPrices columns: account, SKU, valid from, valid until, contract reference, unit price. */
    private static final int PRICE = 5;
    private static final String ANOTHER_RELEASE = "\n// as another release ships it\n";

    @Autowired
    RuleSetRegistry rules;

    private final HttpClient http = HttpClient.newHttpClient();
    private Process secondNode;
    private TableVersion before;

    @AfterEach
    void stopSecondNodeAndRestoreTheRules() throws Exception {
        if (secondNode != null) {
            secondNode.destroy();
            secondNode.waitFor();
        }
        rules.activate("pricing", before.version(), "test clean-up");
    }

    @Test
    void tableActivatedOnOneNodePricesOrdersOnTheOtherWithoutARestart(@TempDir Path release) throws Exception {
        before = rules.activeVersions().stream().filter(v -> v.table().equals("pricing")).findFirst().orElseThrow();
        Path drlDir = withHandWrittenDrlOfAnotherRelease(release);
        int port = freePort();
        secondNode = startSecondNode(port, drlDir);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get(port, "/actuator/health").contains("UP"));
        assertThat(contractPriceOf85123A(port)).isEqualByComparingTo("2.95");
        String startedWith = ruleSetChecksumOfAQuote(port);
        assertThat(startedWith).isNotEqualTo(rules.current().checksum());
        assertThat(storedHandWrittenPricingDrl(startedWith)).endsWith(ANOTHER_RELEASE);
        assertThat(api.get("/api/v1/rules/sets/" + startedWith).json().get("wentLiveBy").asText()).isEqualTo(RuleSetRegistry.STARTUP);

        byte[] cheaper = Spreadsheets.edit(rules.content("pricing", before.version()).orElseThrow(), "ACME-DE", PRICE, "2.45");
        assertThat(api.putAs("rita", "demo", "/api/v1/rules/tables/pricing?comment=second%20node",
                RuleTableController.XLSX, cheaper).status()).isEqualTo(201);

        // the other node looks every 2 s and then compiles every table again: the bound only says "it does happen"
        // (on a loaded 2-core machine compiling eight tables took longer than 10 s), how soon is not a test's business
        await().atMost(REFRESHED).untilAsserted(() ->
                assertThat(contractPriceOf85123A(port)).isEqualByComparingTo("2.45"));
        String refreshedTo = ruleSetChecksumOfAQuote(port);
        JsonNode refreshed = api.get("/api/v1/rules/sets/" + refreshedTo).json();
        assertThat(refreshed.get("wentLiveBy").asText()).isEqualTo(RuleSetRegistry.REFRESH);
        assertThat(storedHandWrittenPricingDrl(refreshedTo)).endsWith(ANOTHER_RELEASE);
        assertThat(member(refreshed, "pricing.xlsx").get("version").asInt()).isGreaterThan(before.version());

        api.postAs("rita", "demo", "/api/v1/rules/tables/pricing/versions/" + before.version() + "/activate", Map.of());

        await().atMost(REFRESHED).untilAsserted(() ->
                assertThat(contractPriceOf85123A(port)).isEqualByComparingTo("2.95"));
    }

    /** The project's hand-written DRL and approved headers, with pricing.drl as another release might ship it. */
    private static Path withHandWrittenDrlOfAnotherRelease(Path release) throws IOException {
        Path drl = Files.createDirectories(release.resolve("rules"));
        Files.createDirectories(drl.resolve("approved"));
        try (var approved = Files.list(Path.of("rules", "approved"))) {
            for (Path header : approved.toList()) {
                Files.copy(header, drl.resolve("approved").resolve(header.getFileName()));
            }
        }
        Files.writeString(drl.resolve("pricing.drl"), Files.readString(Path.of("rules", "pricing.drl")) + ANOTHER_RELEASE);
        return drl;
    }

    private String storedHandWrittenPricingDrl(String checksum) {
        Api.Response stored = api.get("/api/v1/rules/sets/" + checksum);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        return member(stored.json(), "pricing.drl").get("drl").asText();
    }

    private static JsonNode member(JsonNode ruleSet, String sourceName) {
        for (JsonNode member : ruleSet.get("members")) {
            if (member.get("sourceName").asText().equals(sourceName)) {
                return member;
            }
        }
        throw new AssertionError("no member " + sourceName + " in " + ruleSet);
    }

    private String ruleSetChecksumOfAQuote(int port) throws Exception {
        String body = "{\"accountCode\":\"ACME-DE\",\"lines\":[{\"sku\":\"85123A\",\"quantity\":6}]}";
        HttpResponse<String> quote = http.send(request(port, "/api/v1/price-quotes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
        return quote.body().replaceFirst("(?s).*\"ruleSetChecksum\":\"([0-9a-f]{64})\".*", "$1");
    }

    private static Process startSecondNode(int port, Path drlDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TradeflowApplication.class.getName(),
                "--spring.profiles.active=test",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=" + TestDatabase.username(),
                "--spring.datasource.password=" + TestDatabase.password(),
                "--server.port=" + port,
                "--tradeflow.rules.reload-interval=PT0.5S",
                "--tradeflow.rules.drl-dir=" + drlDir)
                .redirectErrorStream(true)
                .redirectOutput(new File("target", "second-node.log"))
                .start();
    }

    private BigDecimal contractPriceOf85123A(int port) throws Exception {
        String body = "{\"accountCode\":\"ACME-DE\",\"lines\":[{\"sku\":\"85123A\",\"quantity\":6}]}";
        HttpResponse<String> quote = http.send(request(port, "/api/v1/price-quotes")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(quote.statusCode()).as(quote.body()).isEqualTo(200);
        return new BigDecimal(quote.body().replaceFirst("(?s).*?\"unitPrice\":([0-9.]+).*", "$1"));
    }

    private String get(int port, String path) throws Exception {
        return http.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("demo:demo".getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
