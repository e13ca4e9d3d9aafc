package org.tradeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dealer's 5,000-line order goes through the whole process over HTTP: validation, approval with its task form
 * rendered as Tasklist renders it, credit, allocation across two warehouses, the dispatch of every shipment and
 * invoicing; no process variable grows with its lines.
 */
class LargeOrderTest extends IntegrationTest {

    private static final int LINES = 5_000;

    @Autowired
    ObjectMapper objectMapper;

    @Test
    void aFiveThousandLineOrderIsApprovedAllocatedAcrossWarehousesDispatchedAndInvoiced() throws Exception {
        // 40 products, 125 units each ordered; neither warehouse has them all, so the order ships from both
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            skus.add(fixtures.product(Map.of("WH-DE", 70, "WH-NL", 70), "10.00", "6.00"));
        }
        String account = fixtures.accountLike("ACME-DE", "100000000");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            lines.add(Map.of("sku", skus.get(i % skus.size()), "quantity", 1));
        }
        Api.Response created = api.post("/api/v1/orders", Map.of("accountCode", account, "customerPoNumber", "BIG-" + System.nanoTime(),
                "lines", lines));
        assertThat(created.status()).as(created.body().substring(0, Math.min(500, created.body().length()))).isEqualTo(201);
        String orderNumber = created.json().get("orderNumber").asText();

        processes.runJobs(orderNumber);
        assertThat(reload(created.json()).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        Task approval = processes.task(orderNumber, "UserTaskApproveOrder");
        assertThat(approval.getName()).startsWith("Approve " + orderNumber + " · " + account + " · ").endsWith(" EUR");

        // what Tasklist fetches to render the form: the deployed form and the task's form variables
        Api.Response deployedForm = api.getAs("sam", "demo", "/engine-rest/task/" + approval.getId() + "/deployed-form");
        assertThat(deployedForm.status()).as(deployedForm.body()).isEqualTo(200);
        assertThat(deployedForm.json().findValuesAsText("dataSource")).contains("=orderLines");
        assertThat(deployedForm.json().findValuesAsText("key")).contains("margin", "approvalDecision");
        Api.Response variables = api.getAs("sam", "demo", "/engine-rest/task/" + approval.getId()
                + "/form-variables?deserializeValues=false");
        assertThat(variables.status()).as(variables.body().substring(0, Math.min(500, variables.body().length()))).isEqualTo(200);
        JsonNode orderLines = objectMapper.readTree(variables.json().get("orderLines").get("value").asText());
        assertThat(orderLines).hasSize(LINES);
        assertThat(orderLines.get(LINES - 1).get("line").asText()).isEqualTo("5000");
        assertThat(orderLines.get(0).get("netAmount").asText()).endsWith(" EUR");
        assertThat(orderLines.get(0).get("margin").asText()).endsWith(" %)");
        JsonNode order = objectMapper.readTree(variables.json().get("order").get("value").asText());
        assertThat(order.get("lineCount").asText()).isEqualTo("5,000");
        assertThat(order.get("netTotal").asText()).matches("\\d{1,3}(,\\d{3})*\\.\\d{2} EUR");
        assertThat(order.get("margin").asText()).contains(" EUR (").endsWith(" %)");
        assertThat(processes.runtimeVariableSizes(approval.getProcessInstanceId())).as("no variable grows with the order")
                .allSatisfy((name, size) -> assertThat(size).as(name).isLessThan(200));

        Api.Response approved = api.postAs("sam", "demo", "/engine-rest/task/" + approval.getId() + "/complete",
                Map.of("variables", Map.of("approvalDecision", Map.of("value", "APPROVE", "type", "String"),
                        "decisionComment", Map.of("value", "large order checked", "type", "String"))));
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        processes.runJobs(orderNumber);

        JsonNode allocated = reload(created.json());
        assertThat(allocated.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("shipments")).extracting(s -> s.get("warehouse").asText()).containsExactlyInAnyOrder("WH-DE", "WH-NL");
        String instance = approval.getProcessInstanceId();
        assertThat(processes.runtimeVariableSizes(instance)).as("no variable grows with the order or its shipments")
                .allSatisfy((name, size) -> assertThat(size).as(name).isLessThan(200)).doesNotContainKey("newShipments");

        for (JsonNode shipment : allocated.get("shipments")) {
            dispatch(shipment);
        }
        processes.runJobs(orderNumber);

        JsonNode invoiced = reload(created.json());
        assertThat(invoiced.get("status").asText()).isEqualTo("INVOICED");
        assertThat(invoiced.get("invoices")).hasSize(2);
        assertThat(fixtures.count("select count(*) from invoice_line l join invoice i on i.id = l.invoice_id where i.order_id = ?",
                invoiced.get("id").asLong())).isEqualTo(LINES);
        assertThat(invoiced.get("processProblems")).isEmpty();
        assertThat(processes.isEnded(orderNumber)).isTrue();
    }
}
