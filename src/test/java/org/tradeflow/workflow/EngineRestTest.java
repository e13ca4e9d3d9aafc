package org.tradeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** Camunda's engine REST API, as external systems and approvers' tools use it: authenticated and hardened. */
class EngineRestTest extends IntegrationTest {

    @Test
    void salesManagerCompletesTheApprovalTaskOverEngineRest() {
        JsonNode order = largeOrderAwaitingApproval();
        String orderNumber = order.get("orderNumber").asText();
        Task approval = processes.task(orderNumber, "UserTaskApproveOrder");

        Api.Response visible = api.getAs("sam", "demo", "/engine-rest/task?processInstanceBusinessKey=" + orderNumber);
        Api.Response completed = api.postAs("sam", "demo", "/engine-rest/task/" + approval.getId() + "/complete",
                Map.of("variables", Map.of(
                        "approvalDecision", Map.of("value", "APPROVE", "type", "String"),
                        "decisionComment", Map.of("value", "approved over REST", "type", "String"))));
        processes.runJobs(orderNumber);

        assertThat(visible.status()).isEqualTo(200);
        assertThat(visible.json()).extracting(t -> t.get("id").asText()).containsExactly(approval.getId());
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        JsonNode allocated = api.get("/api/v1/orders/" + order.get("id").asLong()).json();
        assertThat(allocated.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("audit")).anySatisfy(entry -> {
            assertThat(entry.get("actor").asText()).isEqualTo("sam");
            assertThat(entry.get("detail").asText()).contains("approvalDecision=APPROVE", "approved over REST");
        });
    }

    @Test
    void aUserSeesOnlyTheTasksOfTheirGroups() {
        String orderNumber = largeOrderAwaitingApproval().get("orderNumber").asText();

        Api.Response financeView = api.getAs("fiona", "demo", "/engine-rest/task?processInstanceBusinessKey=" + orderNumber);

        assertThat(financeView.status()).isEqualTo(200);
        assertThat(financeView.json()).isEmpty();
    }

    @Test
    void taskQueriesCannotSmuggleExpressionsThroughOrQueries() {
        Api.Response smuggled = api.postAs("demo", "demo", "/engine-rest/task", Map.of("orQueries",
                List.of(Map.of("assigneeExpression", "${''.getClass().forName('java.lang.Runtime')}"))));
        Api.Response topLevel = api.getAs("demo", "demo", "/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D");
        Api.Response plain = api.postAs("demo", "demo", "/engine-rest/task", Map.of("orQueries",
                List.of(Map.of("assignee", "sam"))));

        Api.Response oddlyCased = api.postRawAs("demo", "demo", "/engine-rest/task", "Application/JSON",
                "{\"orQueries\":[{\"assigneeExpression\":\"${noSuchBean.x}\"}]}");

        assertThat(smuggled.status()).isEqualTo(400);
        assertThat(oddlyCased.status()).isEqualTo(400);
        assertThat(smuggled.body()).contains("Expressions are not allowed");
        assertThat(topLevel.status()).isEqualTo(400);
        assertThat(plain.status()).isEqualTo(200);
    }

    /** 1,150 units at 10.00 EUR less the 6 % tier: over the 10,000 EUR approval threshold. */
    private JsonNode largeOrderAwaitingApproval() {
        String sku = fixtures.product(Map.of("WH-NL", 2000));
        JsonNode order = api.post("/api/v1/orders", anOrder().forAccount("BRIT-UK").line(sku, 1150).body()).json();
        processes.runJobs(order.get("orderNumber").asText());
        return order;
    }
}
