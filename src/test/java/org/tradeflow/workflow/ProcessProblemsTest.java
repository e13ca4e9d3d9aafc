package org.tradeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tradeflow.support.OrderRequests.anOrder;

/**
 * An order whose process is stuck says so, and the order desk is told; and no order is too large for the
 * process: nothing it carries grows with the order's lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProcessProblemsTest extends IntegrationTest {

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOrderWhoseAllocationKeepsFailingSaysSoAndTheOrderDeskIsTold(CapturedOutput output) {
        String sku = fixtures.product(Map.of("WH-DE", 50));
        JsonNode order = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line(sku, 5).body()).json();
        String orderNumber = order.get("orderNumber").asText();
        // a fill rate policy without its rate: allocation fails on it, as a bug would
        jdbc.update("update sales_order set fill_policy = 'MIN_FILL_RATE', min_fill_rate = null where id = ?", order.get("id").asLong());
        runUntilAllocationFails(orderNumber);

        JsonNode retrying = reload(order);
        assertThat(retrying.get("processProblems")).singleElement().satisfies(problem -> {
            assertThat(problem.get("activity").asText()).isEqualTo("Allocate stock");
            assertThat(problem.get("retriesLeft").asInt()).isEqualTo(2);
            assertThat(problem.get("incident").asBoolean()).isFalse();
        });
        assertThat(numbers(api.get("/api/v1/orders?processProblems=true"))).contains(orderNumber);
        assertThat(numbers(api.get("/api/v1/orders?accountCode=ACME-DE&processProblems=true"))).contains(orderNumber);
        assertThat(numbers(api.get("/api/v1/orders?accountCode=BRIT-UK&processProblems=true"))).doesNotContain(orderNumber);

        int linesBefore = output.getAll().split("\n").length;
        Job job = failingJob(orderNumber);
        for (int retry = 0; retry < 2; retry++) {
            assertThatThrownBy(() -> management.executeJob(job.getId()));
        }
        int loggedLines = output.getAll().split("\n").length - linesBefore;

        JsonNode stuck = reload(order);
        assertThat(stuck.get("processProblems")).singleElement().satisfies(problem -> {
            assertThat(problem.get("incident").asBoolean()).isTrue();
            assertThat(problem.get("retriesLeft").asInt()).isZero();
            assertThat(problem.get("message").asText()).as("a bug's message stays internal").startsWith("A technical error")
                    .doesNotContain("minFillRate");
        });
        assertThat(stuck.get("audit").findValuesAsText("action")).contains("PROCESS_INCIDENT");
        Task investigate = tasks.createTaskQuery().taskCandidateGroup("order-desk").taskNameLike("Investigate " + orderNumber + "%")
                .singleResult();
        assertThat(investigate).isNotNull();
        assertThat(investigate.getName()).isEqualTo("Investigate " + orderNumber + " · Allocate stock failed");
        assertThat(investigate.getDescription()).contains("Allocate stock failed on every retry", "Cockpit");
        assertThat(api.getAs("oscar", "demo", "/engine-rest/task?nameLike=Investigate%20" + orderNumber + "%25").json())
                .as("the order desk sees it in Tasklist").hasSize(1);
        JsonNode metric = api.get("/actuator/metrics/tradeflow.orders.process.problems").json();
        assertThat(metric.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(loggedLines).as("two failures log a few bounded lines, not whole statements").isLessThan(120);
        assertThat(output.getAll().lines().mapToInt(String::length).max().orElse(0)).as("no line carries a whole batch")
                .isLessThanOrEqualTo(9000);

        jdbc.update("update sales_order set min_fill_rate = 100 where id = ?", order.get("id").asLong());
        management.setJobRetries(job.getId(), 1); // Cockpit's "retry"
        management.executeJob(job.getId());
        processes.runJobs(orderNumber);

        JsonNode recovered = reload(order);
        assertThat(recovered.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(recovered.get("processProblems")).isEmpty();
        assertThat(tasks.createTaskQuery().taskId(investigate.getId()).count()).as("gone once retried").isZero();
        assertThat(numbers(api.get("/api/v1/orders?processProblems=true"))).doesNotContain(orderNumber);
    }

    @ParameterizedTest(name = "{0} lines")
    @ValueSource(ints = {20, 1_000, 5_000})
    void largeOrdersGoThroughApprovalToAllocation(int lineCount) {
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < Math.min(lineCount, 40); i++) {
            skus.add(fixtures.product(Map.of("WH-NL", 20_000)));
        }
        String account = fixtures.accountLike("BRIT-UK", "100000000");
        List<Map<String, Object>> lines = new ArrayList<>();
        int quantity = lineCount == 20 ? 60 : lineCount == 1_000 ? 2 : 1; // always over the 10,000 EUR approval threshold
        for (int i = 0; i < lineCount; i++) {
            lines.add(Map.of("sku", skus.get(i % skus.size()), "quantity", quantity));
        }
        Api.Response created = api.post("/api/v1/orders", Map.of("accountCode", account, "customerPoNumber", "BIG-" + System.nanoTime(),
                "lines", lines));
        assertThat(created.status()).as(created.body().length() > 500 ? created.body().substring(0, 500) : created.body()).isEqualTo(201);
        String orderNumber = created.json().get("orderNumber").asText();

        processes.runJobs(orderNumber);
        assertThat(reload(created.json()).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        Task approval = processes.task(orderNumber, "UserTaskApproveOrder");
        assertThat(approval.getName()).startsWith("Approve " + orderNumber + " · " + account + " · ").endsWith(" EUR");
        JsonNode form = processes.formData(approval);
        assertThat(form.get("orderLines")).hasSize(lineCount);
        assertThat(form.get("order").get("lineCount").asText()).isEqualTo(String.format(java.util.Locale.ENGLISH, "%,d", lineCount));
        assertThat(processes.runtimeVariableSizes(approval.getProcessInstanceId())).as("no variable grows with the order")
                .allSatisfy((name, size) -> assertThat(size).as(name).isLessThan(200));

        processes.complete(approval, Map.of("approvalDecision", "APPROVE", "decisionComment", "large order checked"));
        processes.runJobs(orderNumber);

        JsonNode allocated = reload(created.json());
        assertThat(allocated.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("processProblems")).isEmpty();
        assertThat(management.createJobQuery().withException().processInstanceId(approval.getProcessInstanceId()).count()).isZero();
    }

    private void runUntilAllocationFails(String orderNumber) {
        assertThatThrownBy(() -> processes.runJobs(orderNumber)).hasStackTraceContaining("minFillRate");
    }

    private Job failingJob(String orderNumber) {
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNumber).singleResult().getId();
        return management.createJobQuery().withException().processInstanceId(instance).singleResult();
    }

    private static List<String> numbers(Api.Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().findValuesAsText("orderNumber");
    }
}
