package org.tradeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;
import org.tradeflow.support.TasklistSession;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/**
 * A person holding a task decides what its form asks and nothing more: whichever way the task is completed
 * (Tasklist, engine REST complete, submit-form, resolve), ids, priorities and outcomes stay the process's own,
 * the decision must be one the form offers, and nobody decides on an order they submitted themselves.
 */
class TaskCompletionGuardTest extends IntegrationTest {

    @Autowired
    RuntimeService runtime;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    org.camunda.bpm.engine.ManagementService management;

    /** The ways a person completes a task with variables. */
    enum Channel {
        ENGINE_REST_COMPLETE, ENGINE_REST_SUBMIT_FORM, ENGINE_REST_RESOLVE, TASKLIST_SUBMIT_FORM, TASKLIST_COMPLETE
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void anApproverCannotPointTheProcessAtAnotherOrder(Channel channel) {
        JsonNode approved = largeOrderAwaitingApproval("demo");
        JsonNode onHold = submitAndRun(anOrder().forAccount("ALPINE-AT").line("85123A", 13).body());
        Task approval = processes.task(approved.get("orderNumber").asText(), "UserTaskApproveOrder");
        Object priorityBefore = runtime.getVariable(approval.getProcessInstanceId(), "allocationPriority");

        Answer answer = completeAs("sam", channel, approval, Map.of(
                "approvalDecision", string("APPROVE"),
                "decisionComment", string("looks fine"),
                "orderId", Map.of("value", onHold.get("id").asLong(), "type", "Long"),
                "allocationPriority", Map.of("value", 999, "type", "Integer")));
        processes.runJobs(approved.get("orderNumber").asText());
        processes.runJobs(onHold.get("orderNumber").asText());

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains("orderId");
        assertThat(processes.task(approved.get("orderNumber").asText(), "UserTaskApproveOrder")).isNotNull();
        assertThat(reload(approved).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(processes.task(onHold.get("orderNumber").asText(), "UserTaskResolveOrderExceptions")).isNotNull();
        assertThat(reload(onHold).get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(runtime.getVariable(approval.getProcessInstanceId(), "orderId")).isEqualTo(approved.get("id").asLong());
        assertThat(runtime.getVariable(approval.getProcessInstanceId(), "allocationPriority")).isEqualTo(priorityBefore);
    }

    /** Resolving a delegated task hands it back to its owner, who completes it: it does not decide on its own. */
    @ParameterizedTest
    @EnumSource(value = Channel.class, mode = EnumSource.Mode.EXCLUDE, names = "ENGINE_REST_RESOLVE")
    void theFormsDecisionAloneCompletesTheTask(Channel channel) {
        JsonNode order = largeOrderAwaitingApproval("demo");
        Task approval = processes.task(order.get("orderNumber").asText(), "UserTaskApproveOrder");

        Answer answer = completeAs("sam", channel, approval, Map.of(
                "approvalDecision", string("APPROVE"), "decisionComment", string("good customer")));
        processes.runJobs(order.get("orderNumber").asText());

        assertThat(answer.status()).as(answer.body()).isIn(200, 204);
        assertThat(processes.task(order.get("orderNumber").asText(), "UserTaskApproveOrder")).isNull();
        assertThat(reload(order).get("status").asText()).as("on to credit and allocation").isNotEqualTo("AWAITING_APPROVAL");
        assertThat(reload(order).get("audit").toString()).contains("approvalDecision=APPROVE", "good customer");
    }

    @Test
    void taskVariableEndpointsAreClosed() {
        JsonNode order = largeOrderAwaitingApproval("demo");
        Task approval = processes.task(order.get("orderNumber").asText(), "UserTaskApproveOrder");
        String task = "/engine-rest/task/" + approval.getId();
        Object priority = runtime.getVariable(approval.getProcessInstanceId(), "allocationPriority");

        List<Api.Response> attempts = List.of(
                api.requestAs("sam", "demo", "PUT", task + "/variables/allocationPriority", Map.of("value", 999, "type", "Integer")),
                api.requestAs("sam", "demo", "PUT", task + "/localVariables/allocationPriority", Map.of("value", 999, "type", "Integer")),
                api.requestAs("sam", "demo", "POST", task + "/variables", Map.of("modifications",
                        Map.of("orderId", Map.of("value", 1, "type", "Long")))),
                api.requestAs("sam", "demo", "POST", task + "/localVariables", Map.of("modifications",
                        Map.of("approvalDecision", string("APPROVE")))),
                api.requestAs("sam", "demo", "DELETE", task + "/variables/orderId", null),
                api.requestAs("sam", "demo", "POST", task + "/bpmnError", Map.of("errorCode", "any")),
                api.requestAs("sam", "demo", "POST", task + "/bpmnEscalation", Map.of("escalationCode", "any")),
                api.requestAs("demo", "demo", "PUT", "/engine-rest/process-instance/" + approval.getProcessInstanceId()
                        + "/variables/orderId", Map.of("value", 1, "type", "Long")),
                api.requestAs("demo", "demo", "POST", "/engine-rest/process-instance/" + approval.getProcessInstanceId()
                        + "/variables", Map.of("modifications", Map.of("allocationPriority", Map.of("value", 999, "type", "Integer")))));

        assertThat(attempts).allSatisfy(response -> {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
        });
        assertThat(runtime.getVariable(approval.getProcessInstanceId(), "allocationPriority")).isEqualTo(priority);
        assertThat(runtime.getVariable(approval.getProcessInstanceId(), "orderId")).isEqualTo(order.get("id").asLong());
        assertThat(processes.task(order.get("orderNumber").asText(), "UserTaskApproveOrder")).isNotNull();
    }

    @Test
    void nobodyMovesAProcessFromOutsideNotEvenAnAdministrator() {
        String sku = fixtures.product(Map.of("WH-DE", 10));
        JsonNode allocated = submitAndRun(anOrder().forAccount("ACME-DE").line(sku, 2).body());
        String orderNumber = allocated.get("orderNumber").asText();
        String shipmentNumber = orderNumber + "-S1";
        String orderProcess = runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNumber).singleResult().getId();
        String shipmentProcess = runtime.createProcessInstanceQuery().processInstanceBusinessKey(shipmentNumber).singleResult().getId();
        String waiting = runtime.createExecutionQuery().processInstanceId(shipmentProcess).activityId("ReceiveTaskAwaitDispatch")
                .singleResult().getId();

        Map<String, Api.Response> attempts = new LinkedHashMap<>();
        attempts.put("a dispatch message for a shipment that never left", api.postAs("demo", "demo", "/engine-rest/message",
                Map.of("messageName", "ShipmentDispatched", "businessKey", shipmentNumber)));
        attempts.put("a message carrying another order's id", api.postAs("demo", "demo", "/engine-rest/message",
                Map.of("messageName", "ShipmentDispatched", "businessKey", shipmentNumber,
                        "processVariables", Map.of("orderId", Map.of("value", 1, "type", "Long")))));
        attempts.put("variables set in a batch", api.postAs("demo", "demo", "/engine-rest/process-instance/variables-async",
                Map.of("processInstanceIds", List.of(orderProcess),
                        "variables", Map.of("allocationPriority", Map.of("value", 999, "type", "Integer")))));
        attempts.put("signalling the waiting execution", api.postAs("demo", "demo", "/engine-rest/execution/" + waiting + "/signal",
                Map.of()));
        attempts.put("modifying the instance", api.postAs("demo", "demo", "/engine-rest/process-instance/" + shipmentProcess
                + "/modification", Map.of("instructions", List.of(Map.of("type", "startBeforeActivity",
                "activityId", "ServiceTaskInvoiceShipment")))));
        attempts.put("starting at an activity, skipping listeners", api.postAs("demo", "demo",
                "/engine-rest/process-definition/key/order-to-cash/start", Map.of("skipCustomListeners", true,
                        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "ServiceTaskAllocateStock")),
                        "variables", Map.of("orderId", Map.of("value", allocated.get("id").asLong(), "type", "Long")))));
        attempts.put("deleting the instance", api.requestAs("demo", "demo", "DELETE", "/engine-rest/process-instance/" + orderProcess, null));

        attempts.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(400);
            assertThat(response.isProblem()).as(what).isTrue();
        });
        assertThat(reload(allocated).get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(reload(allocated).get("invoices")).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNumber).count()).isEqualTo(1);
        assertThat(runtime.createExecutionQuery().processInstanceId(shipmentProcess).activityId("ReceiveTaskAwaitDispatch").count())
                .as("the shipment still waits for its dispatch").isEqualTo(1);
    }

    @Test
    void anOperatorRetryingAJobMovesTheOrderOn() {
        String sku = fixtures.product(Map.of("WH-DE", 10));
        JsonNode order = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line(sku, 2).body()).json();
        String orderNumber = order.get("orderNumber").asText();

        // every job of the order run by an operator over engine REST, the allocation's call activity included
        for (int round = 0; round < 20; round++) {
            List<String> due = runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike(orderNumber + "%").list().stream()
                    .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).executable().list().stream())
                    .map(org.camunda.bpm.engine.runtime.Job::getId).toList();
            if (due.isEmpty()) {
                break;
            }
            due.forEach(job -> assertThat(api.postAs("demo", "demo", "/engine-rest/job/" + job + "/execute", Map.of()).status())
                    .isEqualTo(204));
        }

        assertThat(reload(order).get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(orderNumber + "-S1").count()).isEqualTo(1);
    }

    @Test
    void aDecisionMustBeOneTheFormOffersAndARejectionNeedsAReason() {
        JsonNode order = largeOrderAwaitingApproval("demo");
        Task approval = processes.task(order.get("orderNumber").asText(), "UserTaskApproveOrder");

        Map<String, Map<String, Object>> attempts = new LinkedHashMap<>();
        attempts.put("no decision at all", Map.of("decisionComment", string("hmm")));
        attempts.put("a value the form does not offer", Map.of("approvalDecision", string("MAYBE")));
        attempts.put("the old checkbox", Map.of("approvalDecision", Map.of("value", true, "type", "Boolean")));
        attempts.put("a rejection without a reason", Map.of("approvalDecision", string("REJECT"), "decisionComment", string(" ")));
        attempts.put("a comment beyond the form's limit", Map.of("approvalDecision", string("APPROVE"),
                "decisionComment", string("x".repeat(2001))));
        attempts.put("a serialized object", Map.of("approvalDecision", Map.of("value", "\"APPROVE\"", "type", "Object",
                "valueInfo", Map.of("objectTypeName", "java.lang.String", "serializationDataFormat", "application/json"))));
        attempts.put("a NUL in the comment", Map.of("approvalDecision", string("APPROVE"), "decisionComment", string("ok\u0000")));
        attempts.put("line corrections, which only the exceptions form declares", Map.of("approvalDecision", string("APPROVE"),
                "lineCorrections", string("line 1: drop")));

        attempts.forEach((what, variables) -> {
            Api.Response refused = api.postAs("sam", "demo", "/engine-rest/task/" + approval.getId() + "/complete",
                    Map.of("variables", variables));
            assertThat(refused.status()).as(what + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.isProblem()).as(what).isTrue();
        });
        assertThat(processes.task(order.get("orderNumber").asText(), "UserTaskApproveOrder")).isNotNull();

        assertThat(reload(order).get("audit").toString()).doesNotContain("margin too thin");
        Api.Response rejected = api.postAs("sam", "demo", "/engine-rest/task/" + approval.getId() + "/complete",
                Map.of("variables", Map.of("approvalDecision", string("REJECT"), "decisionComment", string("margin too thin"))));
        processes.runJobs(order.get("orderNumber").asText());
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
        assertThat(reload(order).get("statusReason").asText()).contains("margin too thin");
    }

    @Test
    void whoeverSubmittedAnOrderCannotApproveIt() {
        JsonNode own = largeOrderAwaitingApproval("sam");
        Task approval = processes.task(own.get("orderNumber").asText(), "UserTaskApproveOrder");

        Api.Response completed = api.postAs("sam", "demo", "/engine-rest/task/" + approval.getId() + "/complete",
                Map.of("variables", Map.of("approvalDecision", string("APPROVE"), "decisionComment", string("mine"))));
        Api.Response claimed = api.postAs("sam", "demo", "/engine-rest/task/" + approval.getId() + "/claim",
                Map.of("userId", "sam"));
        Api.Response assignedBySaving = api.requestAs("demo", "demo", "PUT", "/engine-rest/task/" + approval.getId(),
                Map.of("name", approval.getName(), "assignee", "sam", "priority", 50));
        HttpResponse<String> inTasklist = TasklistSession.signIn(api.port(), "sam", "demo")
                .post("/task/" + approval.getId() + "/submit-form", Map.of("variables",
                        Map.of("approvalDecision", string("APPROVE"), "decisionComment", string("mine"))));

        assertThat(completed.status()).as(completed.body()).isEqualTo(403);
        assertThat(completed.json().get("detail").asText()).contains("sam submitted order", "four eyes");
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(403);
        assertThat(assignedBySaving.status()).as(assignedBySaving.body()).isEqualTo(403);
        assertThat(inTasklist.statusCode()).as(inTasklist.body()).isEqualTo(403);
        assertThat(processes.task(own.get("orderNumber").asText(), "UserTaskApproveOrder")).isNotNull();

        Api.Response byAnother = api.postAs("demo", "demo", "/engine-rest/task/" + approval.getId() + "/complete",
                Map.of("variables", Map.of("approvalDecision", string("APPROVE"), "decisionComment", string("checked"))));
        assertThat(byAnother.status()).as(byAnother.body()).isEqualTo(204);
    }

    @Test
    void whoeverSubmittedAnOrderCannotReleaseItsCreditHoldNorAcceptItsExceptions() {
        String sku = fixtures.product(Map.of("WH-US", 500));
        JsonNode held = createdAs("fiona", anOrder().forAccount(fixtures.accountLike("PACIFIC-US")).line(sku, 500).body());
        JsonNode onHold = createdAs("oscar", anOrder().forAccount("ALPINE-AT").line("85123A", 13).body());
        Task release = processes.task(held.get("orderNumber").asText(), "UserTaskReleaseCreditHold");
        Task exceptions = processes.task(onHold.get("orderNumber").asText(), "UserTaskResolveOrderExceptions");

        Api.Response released = api.postAs("fiona", "demo", "/engine-rest/task/" + release.getId() + "/complete",
                Map.of("variables", Map.of("creditDecision", string("RELEASE"))));
        Api.Response accepted = api.postAs("oscar", "demo", "/engine-rest/task/" + exceptions.getId() + "/complete",
                Map.of("variables", Map.of("exceptionsDecision", string("ACCEPT"))));

        assertThat(released.status()).as(released.body()).isEqualTo(403);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(403);
        assertThat(reload(held).get("status").asText()).isEqualTo("CREDIT_HOLD");
        assertThat(reload(onHold).get("status").asText()).isEqualTo("ON_HOLD");
    }

    @Test
    void aTaskCompletedTwiceAtOnceIsDecidedOnceAndTheLoserHearsWhy() throws Exception {
        JsonNode order = largeOrderAwaitingApproval("demo");
        Task approval = processes.task(order.get("orderNumber").asText(), "UserTaskApproveOrder");
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> racers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return api.postAs("sam", "demo", "/engine-rest/task/" + approval.getId() + "/complete",
                        Map.of("variables", Map.of("approvalDecision", string("APPROVE"))));
            }));
        }
        start.countDown();
        List<Api.Response> answers = racers.stream().map(CompletableFuture::join).toList();

        assertThat(answers).filteredOn(r -> r.status() == 204).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() != 204).allSatisfy(lost -> {
            assertThat(lost.status()).as(lost.body()).isIn(404, 409);
            assertThat(lost.isProblem()).isTrue();
        });
        assertThat(reload(order).get("audit").findValuesAsText("action")).containsOnlyOnce("TASK_COMPLETED");
    }

    /** The status and body of a completion attempt. */
    private record Answer(int status, String body) {
    }

    private Answer completeAs(String user, Channel channel, Task task, Map<String, Object> variables) {
        Map<String, Object> body = Map.of("variables", variables);
        return switch (channel) {
            case ENGINE_REST_COMPLETE -> answer(api.postAs(user, "demo", "/engine-rest/task/" + task.getId() + "/complete", body));
            case ENGINE_REST_SUBMIT_FORM -> answer(api.postAs(user, "demo", "/engine-rest/task/" + task.getId() + "/submit-form", body));
            case ENGINE_REST_RESOLVE -> {
                api.postAs("demo", "demo", "/engine-rest/task/" + task.getId() + "/delegate", Map.of("userId", user));
                yield answer(api.postAs(user, "demo", "/engine-rest/task/" + task.getId() + "/resolve", body));
            }
            case TASKLIST_SUBMIT_FORM -> answer(TasklistSession.signIn(api.port(), user, "demo")
                    .post("/task/" + task.getId() + "/submit-form", body));
            case TASKLIST_COMPLETE -> answer(TasklistSession.signIn(api.port(), user, "demo")
                    .post("/task/" + task.getId() + "/complete", body));
        };
    }

    private static Answer answer(Api.Response response) {
        return new Answer(response.status(), response.body());
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.body());
    }

    /** 1,150 units at 10.00 EUR less the 6 % tier: over the 10,000 EUR approval threshold. */
    private JsonNode largeOrderAwaitingApproval(String submitter) {
        String sku = fixtures.product(Map.of("WH-NL", 2000));
        return createdAs(submitter, anOrder().forAccount(fixtures.accountLike("BRIT-UK")).line(sku, 1150).body());
    }

    private JsonNode createdAs(String user, Map<String, Object> body) {
        Api.Response created = api.postAs(user, "demo", "/api/v1/orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        processes.runJobs(created.json().get("orderNumber").asText());
        return created.json();
    }
}
