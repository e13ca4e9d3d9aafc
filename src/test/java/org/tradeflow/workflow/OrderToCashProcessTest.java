package org.tradeflow.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** One test per path through processes/order-to-cash.bpmn, on the real engine, rules and database. */
class OrderToCashProcessTest extends IntegrationTest {

    @Test
    void smallOrderRunsStraightThroughToInvoiced() {
        String sku = fixtures.product(Map.of("WH-DE", 100));
        JsonNode order = submit(anOrder().forAccount("ACME-DE").line(sku, 10).body());
        String orderNumber = order.get("orderNumber").asText();

        processes.runJobs(orderNumber);
        JsonNode allocated = reload(order);
        assertThat(allocated.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("shipments")).hasSize(1);
        JsonNode shipment = allocated.get("shipments").get(0);
        assertThat(shipment.get("warehouse").asText()).isEqualTo("WH-DE");
        assertThat(shipment.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(fixtures.reserved(sku, "WH-DE")).isEqualTo(10);

        dispatch(shipment);
        assertThat(reload(order).get("status").asText()).isEqualTo("SHIPPED");
        processes.runJobs(orderNumber);

        JsonNode invoiced = reload(order);
        assertThat(invoiced.get("status").asText()).isEqualTo("INVOICED");
        assertThat(invoiced.get("invoices")).hasSize(1);
        assertThat(new BigDecimal(invoiced.get("invoices").get(0).get("netTotal").asText()))
                .isEqualByComparingTo(new BigDecimal(invoiced.get("netTotal").asText()));
        assertThat(fixtures.onHand(sku, "WH-DE")).isEqualTo(90);
        assertThat(fixtures.reserved(sku, "WH-DE")).isZero();
        assertThat(processes.isEnded(orderNumber)).isTrue();
        assertThat(actions(invoiced)).containsSubsequence("ORDER_RECEIVED", "ORDER_VALIDATED", "CREDIT_OK",
                "STOCK_ALLOCATED", "SHIPMENT_REQUESTED", "SHIPMENT_DISPATCHED", "SHIPMENT_INVOICED", "ORDER_INVOICED");
    }

    @Test
    void orderSplitsAcrossTwoWarehousesWhenNeitherHasEverything() {
        // Listed at 3.525 EUR, 8 % dealer discount: 3.2430 a unit, where 5 + 6 units rounded apart would bill a cent more.
        // Neither warehouse has all 11, so even fewest-shipments sourcing (EU-CENTRAL) splits: the bigger share first.
        String sku = fixtures.product(Map.of("WH-DE", 5, "WH-NL", 6), "3.525");
        JsonNode order = submit(anOrder().forAccount("ACME-DE").line(sku, 11).body());
        String orderNumber = order.get("orderNumber").asText();

        processes.runJobs(orderNumber);
        JsonNode allocated = reload(order);
        assertThat(allocated.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("shipments")).extracting(s -> s.get("warehouse").asText() + ":"
                + s.get("lines").get(0).get("quantity").asInt()).containsExactly("WH-NL:6", "WH-DE:5");

        dispatch(allocated.get("shipments").get(0));
        assertThat(reload(order).get("status").asText()).isEqualTo("PARTIALLY_SHIPPED");
        dispatch(allocated.get("shipments").get(1));
        processes.runJobs(orderNumber);

        JsonNode invoiced = reload(order);
        assertThat(invoiced.get("status").asText()).isEqualTo("INVOICED");
        assertThat(invoiced.get("invoices")).hasSize(2);
        BigDecimal invoicedTotal = invoiced.get("invoices").get(0).get("netTotal").decimalValue()
                .add(invoiced.get("invoices").get(1).get("netTotal").decimalValue());
        assertThat(invoicedTotal).isEqualByComparingTo(invoiced.get("netTotal").decimalValue()).isEqualByComparingTo("35.67");
        assertThat(fixtures.stock(sku).onHand()).isZero();
    }

    @Test
    void orderWithoutEnoughStockWaitsAsABackorderAndAWeekLaterTheOrderDeskChasesIt() {
        // ACME-DE ships complete: 10 wanted, 5 in Europe, so nothing is reserved and the order waits for stock.
        String sku = fixtures.product(Map.of("WH-DE", 3, "WH-NL", 2));
        JsonNode order = submit(anOrder().forAccount("ACME-DE").line(sku, 10).body());
        String orderNumber = order.get("orderNumber").asText();

        processes.runJobs(orderNumber);
        JsonNode backordered = reload(order);
        assertThat(backordered.get("status").asText()).isEqualTo("BACKORDERED");
        assertThat(backordered.get("statusReason").asText()).contains("fill policy SHIP_COMPLETE", "short by 5");
        assertThat(fixtures.stock(sku).reserved()).isZero();
        assertThat(processes.task(orderNumber, "UserTaskChaseBackorder")).isNull();

        processes.fireTimer(orderNumber, "BoundaryEventBackorderOverdue");

        Task chase = processes.task(orderNumber, "UserTaskChaseBackorder");
        assertThat(processes.candidateGroups(chase)).containsExactly("order-desk");
        assertThat(processes.formData(chase).get("task").get("reason").asText()).startsWith("No stock has arrived for a week.")
                .contains("short by 5");
        processes.complete(chase, Map.of("decisionComment", "supplier promises Friday"));
        assertThat(processes.isEnded(orderNumber)).as("the order still waits for its stock").isFalse();
        assertThat(reload(order).get("status").asText()).isEqualTo("BACKORDERED");
    }

    @Test
    void blockingViolationGoesToTheOrderDeskWhichCanRejectTheOrder() {
        // Demo policy: DEALER accounts must order LIGHTING in multiples of the pack (85123A comes in 6s).
        JsonNode order = submit(anOrder().forAccount("ALPINE-AT").line("85123A", 13).body());
        String orderNumber = order.get("orderNumber").asText();
        assertThat(order.get("violations")).anySatisfy(v -> assertThat(v.get("severity").asText()).isEqualTo("BLOCK"));

        processes.runJobs(orderNumber);
        assertThat(reload(order).get("status").asText()).isEqualTo("ON_HOLD");
        Task exceptions = processes.task(orderNumber, "UserTaskResolveOrderExceptions");
        assertThat(processes.candidateGroups(exceptions)).containsExactly("order-desk");
        assertThat(processes.formData(exceptions).toString()).contains("85123A", "ALPINE-AT");

        processes.complete(exceptions, Map.of("exceptionsDecision", "REJECT", "decisionComment", "ask for full packs"));
        processes.runJobs(orderNumber);

        JsonNode rejected = reload(order);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("statusReason").asText()).contains("ask for full packs");
        assertThat(actions(rejected)).contains("TASK_COMPLETED", "ORDER_REJECTED");
    }

    @Test
    void orderDeskCanAcceptAnOrderDespiteViolations() {
        JsonNode order = submitAndRun(anOrder().forAccount("ALPINE-AT").line("85123A", 13).body());
        String orderNumber = order.get("orderNumber").asText();

        processes.complete(processes.task(orderNumber, "UserTaskResolveOrderExceptions"),
                Map.of("exceptionsDecision", "ACCEPT", "decisionComment", "long-standing customer"));
        processes.runJobs(orderNumber);

        assertThat(reload(order).get("status").asText()).isEqualTo("ALLOCATED");
    }

    @Test
    void orderDeskCorrectsTheLinesAndTheOrderIsValidatedAgain() {
        // line 1 breaks the pack multiple of 6; line 3 is not wanted any more
        String sku = fixtures.product(Map.of("WH-DE", 100));
        JsonNode order = submitAndRun(anOrder().forAccount("ALPINE-AT").line("85123A", 13).line(sku, 4).line(sku, 2).body());
        String orderNumber = order.get("orderNumber").asText();
        Task exceptions = processes.task(orderNumber, "UserTaskResolveOrderExceptions");

        Api.Response corrected = api.postAs("oscar", "demo", "/engine-rest/task/" + exceptions.getId() + "/complete",
                Map.of("variables", Map.of("exceptionsDecision", Map.of("value", "CORRECT", "type", "String"),
                        "lineCorrections", Map.of("value", "line 1: quantity 12\n\nLine 3: drop", "type", "String"))));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(204);
        processes.runJobs(orderNumber);

        JsonNode allocated = reload(order);
        assertThat(allocated.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(allocated.get("lines")).extracting(l -> l.get("lineNo").asInt() + ":" + l.get("quantity").asInt())
                .containsExactly("1:12", "2:4");
        assertThat(allocated.get("violations")).isEmpty();
        assertThat(new BigDecimal(allocated.get("netTotal").asText())).isLessThan(new BigDecimal(order.get("netTotal").asText()));
        assertThat(allocated.get("audit").toString()).contains("ORDER_CORRECTED", "By oscar: line 1 (85123A) quantity 13 -> 12",
                "line 3 (" + sku + ") dropped");
        assertThat(actions(allocated)).containsSubsequence("ORDER_ON_HOLD", "ORDER_CORRECTED", "ORDER_VALIDATED");
    }

    @Test
    void aCorrectionThatCannotBeAppliedIsRefusedAndChangesNothing() {
        JsonNode order = submitAndRun(anOrder().forAccount("ALPINE-AT").line("85123A", 13).body());
        String orderNumber = order.get("orderNumber").asText();
        Task exceptions = processes.task(orderNumber, "UserTaskResolveOrderExceptions");

        Map<String, String> attempts = Map.of(
                "line 9: quantity 12", "has no line 9",
                "line 1: twelve", "Row 1 ('line 1: twelve') is not a correction",
                "line 1: quantity 0", "write 'line 1: drop'",
                "line 1: drop", "Dropping every line leaves no order",
                "", "needs a reason in lineCorrections");
        attempts.forEach((text, why) -> {
            Api.Response refused = api.postAs("oscar", "demo", "/engine-rest/task/" + exceptions.getId() + "/complete",
                    Map.of("variables", Map.of("exceptionsDecision", Map.of("value", "CORRECT", "type", "String"),
                            "lineCorrections", Map.of("value", text, "type", "String"))));
            assertThat(refused.status()).as(text + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.json().get("detail").asText()).as(text).contains(why);
        });

        JsonNode unchanged = reload(order);
        assertThat(unchanged.get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(unchanged.get("lines")).extracting(l -> l.get("quantity").asInt()).containsExactly(13);
        assertThat(actions(unchanged)).doesNotContain("ORDER_CORRECTED", "TASK_COMPLETED");
        assertThat(processes.task(orderNumber, "UserTaskResolveOrderExceptions")).isNotNull();
    }

    @Test
    void largeOrderWaitsForSalesManagerWhoApprovesIt() {
        String sku = fixtures.product(Map.of("WH-NL", 2000));
        JsonNode order = submit(anOrder().forAccount("BRIT-UK").line(sku, 1200).body());
        String orderNumber = order.get("orderNumber").asText();
        assertThat(new BigDecimal(order.get("netTotal").asText())).isGreaterThanOrEqualTo(new BigDecimal("10000"));

        processes.runJobs(orderNumber);
        assertThat(reload(order).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        Task approval = processes.task(orderNumber, "UserTaskApproveOrder");
        assertThat(approval.getDueDate()).isInTheFuture();
        assertThat(processes.candidateGroups(approval)).containsExactly("sales-managers");
        JsonNode form = processes.formData(approval);
        assertThat(form.get("task").get("reason").asText()).contains("10,000");
        assertThat(form.get("order").get("margin").asText()).as("the fixture product has no known cost").isEqualTo("cost unknown");

        processes.complete(approval, Map.of("approvalDecision", "APPROVE", "decisionComment", "good customer"));
        processes.runJobs(orderNumber);
        assertThat(reload(order).get("status").asText()).isEqualTo("ALLOCATED");
    }

    @Test
    void smallOrderPricedBelowTheMarginFloorWaitsForASalesManager() {
        // Listed at 10.00, costs 9.00: the 8 % dealer price of 9.20 is less than 15 % over cost.
        String sku = fixtures.product(Map.of("WH-DE", 50), "10.00", "9.00");
        JsonNode order = submitAndRun(anOrder().forAccount("ACME-DE").line(sku, 5).body());

        JsonNode waiting = reload(order);
        assertThat(waiting.get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(waiting.get("statusReason").asText()).contains("Price below the margin floor");
        assertThat(waiting.get("violations")).anySatisfy(v -> {
            assertThat(v.get("code").asText()).isEqualTo("MARGIN");
            assertThat(v.get("severity").asText()).isEqualTo("APPROVAL");
        });
        Task approval = processes.task(order.get("orderNumber").asText(), "UserTaskApproveOrder");
        assertThat(processes.candidateGroups(approval)).containsExactly("sales-managers");
        // 5 x 9.20 = 46.00 EUR against 5 x 9.00 cost
        JsonNode form = processes.formData(approval);
        assertThat(form.get("order").get("margin").asText()).isEqualTo("1.00 EUR (2.2 %)");
        assertThat(form.get("orderLines").get(0).get("margin").asText()).isEqualTo("1.00 EUR (2.2 %)");
    }

    @Test
    void salesManagerCanRejectALargeOrder() {
        String sku = fixtures.product(Map.of("WH-NL", 2000));
        JsonNode order = submitAndRun(anOrder().forAccount("BRIT-UK").line(sku, 1100).body());
        String orderNumber = order.get("orderNumber").asText();

        processes.complete(processes.task(orderNumber, "UserTaskApproveOrder"),
                Map.of("approvalDecision", "REJECT", "decisionComment", "margin too thin"));
        processes.runJobs(orderNumber);

        JsonNode rejected = reload(order);
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("statusReason").asText()).contains("margin too thin");
        assertThat(fixtures.stock(sku).reserved()).isZero();
    }

    @Test
    void overdueApprovalIsEscalatedWhileTheTaskStaysOpen() {
        String sku = fixtures.product(Map.of("WH-NL", 2000));
        JsonNode order = submitAndRun(anOrder().forAccount("BRIT-UK").line(sku, 1100).body());
        String orderNumber = order.get("orderNumber").asText();

        processes.fireTimer(orderNumber, "BoundaryEventApprovalOverdue");
        processes.runJobs(orderNumber);

        assertThat(actions(reload(order))).contains("APPROVAL_OVERDUE");
        assertThat(processes.task(orderNumber, "UserTaskApproveOrder")).isNotNull();
        assertThat(reload(order).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void orderOverTheCreditLimitIsHeldForFinanceWhoReleaseIt() {
        // Pacific Party Co owes 4,650 USD of its 5,000 USD limit.
        String sku = fixtures.product(Map.of("WH-US", 500));
        JsonNode order = submit(anOrder().forAccount("PACIFIC-US").line(sku, 40).body());
        String orderNumber = order.get("orderNumber").asText();

        processes.runJobs(orderNumber);
        JsonNode held = reload(order);
        assertThat(held.get("status").asText()).isEqualTo("CREDIT_HOLD");
        assertThat(held.get("statusReason").asText()).contains("exceeds the credit limit of 5000.00 USD");
        Task hold = processes.task(orderNumber, "UserTaskReleaseCreditHold");
        assertThat(processes.candidateGroups(hold)).containsExactly("finance");

        processes.complete(hold, Map.of("creditDecision", "RELEASE", "decisionComment", "payment promised"));
        processes.runJobs(orderNumber);
        assertThat(reload(order).get("status").asText()).isEqualTo("ALLOCATED");
    }

    @Test
    void financeCanRejectAnOrderOnCreditHold() {
        String sku = fixtures.product(Map.of("WH-US", 500));
        JsonNode order = submitAndRun(anOrder().forAccount("PACIFIC-US").line(sku, 45).body());
        String orderNumber = order.get("orderNumber").asText();

        processes.complete(processes.task(orderNumber, "UserTaskReleaseCreditHold"),
                Map.of("creditDecision", "REJECT", "decisionComment", "overdue invoices"));
        processes.runJobs(orderNumber);

        assertThat(reload(order).get("status").asText()).isEqualTo("REJECTED");
    }

    private JsonNode submit(Map<String, Object> body) {
        Api.Response response = api.post("/api/v1/orders", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static List<String> actions(JsonNode order) {
        return StreamSupport.stream(order.get("audit").spliterator(), false).map(a -> a.get("action").asText()).toList();
    }
}
