package org.tradeflow.rules;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tradeflow.TradeflowApplication;
import org.tradeflow.pricing.LineRequest;
import org.tradeflow.pricing.PricingService;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;
import org.tradeflow.support.TestDatabase;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two servers on one database, as in production behind a load balancer: a table activated through one node
 * prices the orders of the other within seconds, and so does a rollback. The second node is a whole Spring
 * context of the application (its own rules registry, engine and pricing) without a web server.
 */
class SecondNodeTest extends IntegrationTest {

    /** ContractPrices columns: account, SKU, valid from, valid until, contract reference, unit price. */
    private static final int PRICE = 5;

    @Autowired
    RuleSetRegistry rules;

    private ConfigurableApplicationContext secondNode;
    private TableVersion before;

    @AfterEach
    void stopSecondNodeAndRestoreTheRules() throws RuleChangeRefusedException {
        if (secondNode != null) {
            secondNode.close();
        }
        rules.activate("pricing", before.version(), "test clean-up");
    }

    @Test
    void tableActivatedOnOneNodePricesOrdersOnTheOtherWithinSeconds() {
        before = rules.activeVersions().stream().filter(v -> v.table().equals("pricing")).findFirst().orElseThrow();
        secondNode = new SpringApplicationBuilder(TradeflowApplication.class).profiles("test").run(
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(),
                "--spring.datasource.username=" + TestDatabase.username(),
                "--spring.datasource.password=" + TestDatabase.password(),
                // One JVM holds both nodes: the second serves no HTTP (Camunda's webapps and REST keep static
                // state per JVM) and its engine needs a name of its own in Camunda's registry.
                "--spring.main.web-application-type=none",
                "--camunda.bpm.process-engine-name=second-node",
                "--tradeflow.rules.reload-interval=PT0.5S");
        PricingService other = secondNode.getBean(PricingService.class);
        assertThat(contractPriceOf85123A(other)).isEqualByComparingTo("2.95");

        byte[] cheaper = Spreadsheets.edit(rules.content("pricing", before.version()).orElseThrow(), "ACME-DE", PRICE, "2.45");
        Api.Response uploaded = api.putAs("rita", "demo", "/api/v1/rules/tables/pricing?comment=second%20node",
                RuleTableController.XLSX, cheaper);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(contractPriceOf85123A(other)).isEqualByComparingTo("2.45"));

        api.postAs("rita", "demo", "/api/v1/rules/tables/pricing/versions/" + before.version() + "/activate", Map.of());

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(contractPriceOf85123A(other)).isEqualByComparingTo("2.95"));
    }

    /** What the other node's order intake and quotes would charge. */
    private static BigDecimal contractPriceOf85123A(PricingService node) {
        return node.price("ACME-DE", null, List.of(new LineRequest("85123A", 6))).lines().get(0).unitPrice();
    }
}
