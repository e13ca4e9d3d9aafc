package org.tradeflow.orderdesk;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** A backordered product whose catalog substitute is in stock: the customer is asked, unless they agreed in advance. */
class SubstitutionTest extends IntegrationTest {

    @Test
    void theCustomerAcceptsTheSubstituteAndItShipsAtTheOriginalPrice() {
        String original = fixtures.product(Map.of());
        String substitute = fixtures.product(Map.of("WH-DE", 10), "12.00");
        fixtures.substitute(original, substitute);
        JsonNode order = submitAndRun(anOrder().forAccount("ACME-DE").line(original, 5).body());
        String orderNumber = order.get("orderNumber").asText();

        Task question = processes.task(orderNumber, "UserTaskConfirmSubstitution");
        assertThat(processes.candidateGroups(question)).containsExactly("order-desk");
        assertThat(processes.formData(question).get("task").get("reason").asText())
                .contains("5 x " + original + " (line 1) as " + substitute);

        Api.Response answered = api.post("/api/v1/orders/" + order.get("id").asLong() + "/substitution",
                Map.of("accept", true, "comment", "fine by phone"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        processes.runJobs(orderNumber);

        JsonNode allocated = reload(order);
        assertThat(allocated.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("lines").get(0).get("cancelledQuantity").asInt()).isEqualTo(5);
        JsonNode replacement = allocated.get("lines").get(1);
        assertThat(replacement.get("sku").asText()).isEqualTo(substitute);
        assertThat(replacement.get("unitPrice").decimalValue()).isEqualByComparingTo(allocated.get("lines").get(0).get("unitPrice").decimalValue());
        assertThat(allocated.get("netTotal").decimalValue()).isEqualByComparingTo(order.get("netTotal").decimalValue());
        assertThat(fixtures.reserved(substitute, "WH-DE")).isEqualTo(5);
        assertThat(allocated.get("audit").toString()).contains("PRODUCT_SUBSTITUTED", "accepted by the customer (demo: fine by phone)");
    }

    @Test
    void aDeclinedSubstituteLeavesTheOrderWaitingForTheOriginal() {
        String original = fixtures.product(Map.of());
        String substitute = fixtures.product(Map.of("WH-DE", 10));
        fixtures.substitute(original, substitute);
        JsonNode order = submitAndRun(anOrder().forAccount("ACME-DE").line(original, 5).body());
        String orderNumber = order.get("orderNumber").asText();

        processes.complete(processes.task(orderNumber, "UserTaskConfirmSubstitution"),
                Map.of("substitutionDecision", "DECLINE", "decisionComment", "customer wants the original"));
        processes.runJobs(orderNumber);

        assertThat(reload(order).get("status").asText()).isEqualTo("BACKORDERED");
        assertThat(fixtures.reserved(substitute, "WH-DE")).isZero();
        assertThat(processes.task(orderNumber, "UserTaskConfirmSubstitution")).as("asked once").isNull();
        Api.Response late = api.post("/api/v1/orders/" + order.get("id").asLong() + "/substitution", Map.of("accept", true));
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void anAccountThatAcceptsSubstitutesInAdvanceIsNotAsked() {
        // Hudson Home Supply accepts substitutes in advance (demo data).
        String original = fixtures.product(Map.of());
        String substitute = fixtures.product(Map.of("WH-US", 10));
        fixtures.substitute(original, substitute);

        JsonNode order = submitAndRun(anOrder().forAccount("HUDSON-US").line(original, 4).body());

        assertThat(processes.task(order.get("orderNumber").asText(), "UserTaskConfirmSubstitution")).isNull();
        JsonNode allocated = reload(order);
        assertThat(allocated.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("lines").get(1).get("sku").asText()).isEqualTo(substitute);
        assertThat(allocated.get("audit").toString()).contains("the account accepts substitutes in advance");
    }

    @Test
    void onlyUnitsThatAreShortAreOfferedAsASubstitute() {
        // The original is in stock; the order waits only because another line is short (ship complete).
        String original = fixtures.product(Map.of("WH-DE", 10));
        String substitute = fixtures.product(Map.of("WH-DE", 10));
        String missing = fixtures.product(Map.of());
        fixtures.substitute(original, substitute);

        JsonNode order = submitAndRun(anOrder().forAccount("ACME-DE").line(original, 5).line(missing, 5).body());

        assertThat(processes.task(order.get("orderNumber").asText(), "UserTaskConfirmSubstitution")).isNull();
        assertThat(reload(order).get("lines")).hasSize(2);
    }
}
