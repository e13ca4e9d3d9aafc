package org.tradeflow.returns;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/**
 * Returns with an RMA, each path of processes/return-authorisation.bpmn: returns.xlsx decides on the request, a sales
 * manager approves when it says so (never the one who asked), the warehouse books the goods back against the RMA
 * (never more than authorised and shipped), inspection decides what becomes of them, and the accepted value is a
 * credit note at the invoiced prices less the restocking fee, applied to the account.
 */
class ReturnAuthorisationTest extends IntegrationTest {

    private static final String APPROVE = "UserTaskApproveReturn";
    private static final String INSPECT = "UserTaskInspectReturn";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    OrderClosing orderClosing;

    @Test
    void damagedGoodsGetAnRmaAtOnceAreSetAsideForInspectionAndTheAcceptedOnesAreCredited() {
        Delivered delivered = delivered("ACME-DE", 4);

        Api.Response asked = askForReturn(delivered, "DAMAGED", 3);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        JsonNode rma = asked.json();
        assertThat(rma.get("status").asText()).isEqualTo("AUTHORISED");
        assertThat(rma.get("rmaNumber").asText()).matches("RMA-\\d{4}-\\d{6}");
        assertThat(rma.get("decision").get("inspection").asBoolean()).isTrue();
        assertThat(rma.get("decision").get("approval").asBoolean()).isFalse();
        assertThat(rma.get("decision").get("rule").asText()).startsWith("ReturnAuthorisation");

        Api.Response tooMany = receive(delivered, rma, 4);
        Api.Response back = receive(delivered, rma, 3);
        assertProblem(tooMany, 409, "at most 3 more");
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        assertThat(back.json().get("stillExpected").asInt()).isZero();
        assertThat(back.json().get("stillReturnable").asInt()).isEqualTo(1);
        assertThat(back.json().get("status").asText()).isEqualTo("RECEIVED");
        assertThat(fixtures.onHand(delivered.sku(), "WH-DE")).as("50 - 4 shipped; the 3 back wait for inspection").isEqualTo(46);
        Task inspection = processes.task(businessKey(rma), INSPECT);
        assertThat(processes.candidateGroups(inspection)).containsExactly("warehouse");

        Api.Response unbalanced = inspect(rma, List.of(Map.of("lineNo", 1, "restock", 2, "scrap", 0, "returnToVendor", 0, "refuse", 0)));
        Api.Response bySales = api.postAs("sam", "demo", "/api/v1/returns/" + rma.get("id").asLong() + "/inspection",
                Map.of("lines", List.of(Map.of("lineNo", 1, "restock", 3, "scrap", 0, "returnToVendor", 0, "refuse", 0))));
        Api.Response inspected = inspect(rma, List.of(Map.of("lineNo", 1, "restock", 2, "scrap", 0, "returnToVendor", 0, "refuse", 1)));
        assertThat(unbalanced.status()).isEqualTo(422);
        assertThat(unbalanced.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0]");
        assertThat(bySales.status()).isEqualTo(403);
        assertThat(inspected.status()).as(inspected.body()).isEqualTo(200);
        assertThat(processes.task(businessKey(rma), INSPECT)).as("the recorded inspection completed the task").isNull();
        assertThat(fixtures.onHand(delivered.sku(), "WH-DE")).as("the 2 restocked are sellable again").isEqualTo(48);
        assertThat(fixtures.stock(delivered.sku()).ledgerOnHand()).isEqualTo(48);

        processes.runJobsOf(businessKey(rma));
        processes.awaitEventsHandled();
        JsonNode credited = api.get("/api/v1/returns/" + rma.get("id").asLong()).json();
        assertThat(credited.get("status").asText()).isEqualTo("CREDITED");
        assertThat(credited.get("lines").get(0).get("restocked").asInt()).isEqualTo(2);
        assertThat(credited.get("lines").get(0).get("refused").asInt()).isEqualTo(1);
        JsonNode note = creditNote(credited);
        assertThat(note.get("creditedInvoiceNumber").asText()).isEqualTo(delivered.invoice().get("invoiceNumber").asText());
        BigDecimal net = delivered.unitPrice().multiply(BigDecimal.valueOf(2));
        assertThat(note.get("netTotal").decimalValue()).as("2 accepted at the invoiced price, no fee").isEqualByComparingTo(net);
        assertThat(note.get("grossTotal").decimalValue()).as("at the invoice's 19 %").isEqualByComparingTo(withTax(net));
        assertThat(note.get("status").asText()).as("applied to the invoice it corrects").isEqualTo("APPLIED");
        JsonNode invoice = api.get("/api/v1/invoices/" + delivered.invoice().get("id").asLong()).json();
        assertThat(invoice.get("amountCredited").decimalValue()).isEqualByComparingTo(withTax(net));
        assertThat(processes.isEnded(businessKey(rma))).isTrue();
        assertThat(announced("ReturnAuthorised", rma)).contains("\"lines\": [{\"sku\": \"" + delivered.sku() + "\", \"lineNo\": 1, \"quantity\": 3}]");
        assertThat(announced("ReturnSettled", rma)).contains("\"status\": \"CREDITED\"", note.get("invoiceNumber").asText());
        assertProblem(askForReturn(delivered, "DAMAGED", 2), 422, "at most 1 can come back");
    }

    @Test
    void anUnneededReturnNeedsAnotherSalesManagersApprovalAndPaysTheRestockingFee() {
        Delivered delivered = delivered("ACME-DE", 4);

        Api.Response asked = api.postAs("oscar", "demo", "/api/v1/returns", returnOf(delivered, "NOT_NEEDED", 2));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        JsonNode rma = asked.json();
        assertThat(rma.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(rma.get("rmaNumber").isNull()).isTrue();
        assertThat(rma.get("decision").get("restockingFeePercent").decimalValue()).isEqualByComparingTo("15");
        assertProblem(receive(delivered, "RMA-2026-999999", 2), 422, "rmaNumber");
        Task approval = processes.task(businessKey(rma), APPROVE);
        assertThat(processes.candidateGroups(approval)).containsExactly("sales-managers");

        Api.Response byRequester = decide("oscar", approval, "returnDecision", "APPROVE", "fine");
        Api.Response bySam = decide("sam", approval, "returnDecision", "APPROVE", "good customer");
        assertThat(byRequester.status()).as(byRequester.body()).isEqualTo(403);
        assertThat(bySam.status()).as(bySam.body()).isEqualTo(204);
        JsonNode authorised = api.get("/api/v1/returns/" + rma.get("id").asLong()).json();
        assertThat(authorised.get("status").asText()).isEqualTo("AUTHORISED");
        assertThat(authorised.get("decidedBy").asText()).isEqualTo("sam");

        Api.Response back = receive(delivered, authorised, 2);
        assertThat(back.status()).as(back.body()).isEqualTo(201);
        assertThat(fixtures.onHand(delivered.sku(), "WH-DE")).as("no inspection: restocked at once").isEqualTo(48);
        processes.runJobsOf(businessKey(rma));
        processes.awaitEventsHandled();

        JsonNode credited = api.get("/api/v1/returns/" + rma.get("id").asLong()).json();
        assertThat(credited.get("status").asText()).isEqualTo("CREDITED");
        JsonNode note = creditNote(credited);
        BigDecimal value = delivered.unitPrice().multiply(BigDecimal.valueOf(2));
        BigDecimal fee = value.multiply(new BigDecimal("0.15")).setScale(2, RoundingMode.HALF_EVEN);
        assertThat(note.get("lines").get(0).get("allowanceAmount").decimalValue()).as("15 % of the value").isEqualByComparingTo(fee);
        assertThat(note.get("lines").get(0).get("allowanceReason").asText()).isEqualTo("Restocking fee 15%");
        assertThat(note.get("netTotal").decimalValue()).isEqualByComparingTo(value.subtract(fee));
        assertThat(note.get("grossTotal").decimalValue()).isEqualByComparingTo(withTax(value.subtract(fee)));
    }

    @Test
    void aRejectedReturnNeedsAReasonAndNeverGetsAnRma() {
        Delivered delivered = delivered("ACME-DE", 2);
        JsonNode rma = askForReturn(delivered, "NOT_NEEDED", 1).json();
        Task approval = processes.task(businessKey(rma), APPROVE);

        Api.Response silent = decide("sam", approval, "returnDecision", "REJECT", "");
        Api.Response rejected = decide("sam", approval, "returnDecision", "REJECT", "outside contract terms");

        assertThat(silent.status()).as(silent.body()).isIn(400, 422);
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
        JsonNode refused = api.get("/api/v1/returns/" + rma.get("id").asLong()).json();
        assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("decisionComment").asText()).isEqualTo("outside contract terms");
        assertThat(refused.get("rmaNumber").isNull()).isTrue();
        assertThat(processes.isEnded(businessKey(rma))).isTrue();
        assertThat(askForReturn(delivered, "DAMAGED", 2).status()).as("a rejected return holds no units").isEqualTo(201);
    }

    @Test
    void requestsOutsideTheWindowOrBeyondWhatWasShippedAreRefusedAndStoreNothing() {
        Delivered delivered = delivered("ACME-DE", 4);
        int before = fixtures.count("select count(*) from return_authorisation");

        Api.Response tooMany = askForReturn(delivered, "DAMAGED", 5);
        Api.Response unknownLine = api.post("/api/v1/returns", Map.of("orderId", delivered.order().get("id").asLong(),
                "reasonCode", "DAMAGED", "lines", List.of(Map.of("lineNo", 1, "quantity", 1), Map.of("lineNo", 9, "quantity", 1))));
        Api.Response unknownOrder = api.post("/api/v1/returns", Map.of("orderId", 999_999_999, "reasonCode", "DAMAGED",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 1))));
        Api.Response badReason = api.post("/api/v1/returns", Map.of("orderId", delivered.order().get("id").asLong(),
                "reasonCode", "damaged'; drop table x", "lines", List.of(Map.of("lineNo", 1, "quantity", 1))));
        Api.Response byWarehouse = api.postAs("wendy", "demo", "/api/v1/returns", returnOf(delivered, "DAMAGED", 1));
        jdbc.update("update shipment set dispatched_at = dispatched_at - interval '31 days' where order_id = ?",
                delivered.order().get("id").asLong());
        Api.Response late = askForReturn(delivered, "DAMAGED", 1);

        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(unknownLine.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[1].lineNo");
        assertThat(unknownOrder.status()).isEqualTo(422);
        assertThat(unknownOrder.json().get("errors").get(0).get("field").asText()).isEqualTo("orderId");
        assertThat(badReason.status()).isEqualTo(422);
        assertThat(badReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reasonCode");
        assertThat(byWarehouse.status()).isEqualTo(403);
        assertProblem(late, 409, "within 30 days");
        assertThat(fixtures.count("select count(*) from return_authorisation")).isEqualTo(before);
        assertThat(askForReturn(delivered, "DEFECTIVE", 1).status()).as("defects have a year").isEqualTo(201);
    }

    @Test
    void returnsTogetherNeverHoldMoreThanWasShippedAndGoodsComeBackOnlyAgainstAnRmaOfTheirOrder() {
        Delivered delivered = delivered("ACME-DE", 4);
        Delivered other = delivered("ACME-DE", 2);
        JsonNode first = askForReturn(delivered, "DAMAGED", 3).json();

        Api.Response second = askForReturn(delivered, "WRONG_ITEM", 2);
        Api.Response rest = askForReturn(delivered, "WRONG_ITEM", 1);
        Api.Response fromOtherOrder = api.postAs("wendy", "demo", "/api/v1/shipments/" + other.shipment().get("id").asLong()
                + "/returns", Map.of("rmaNumber", first.get("rmaNumber").asText(), "sku", delivered.sku(), "quantity", 1));
        Api.Response otherSku = receive(delivered, first.get("rmaNumber").asText(), "NO-SUCH-SKU", 1);
        Api.Response withoutRma = api.postAs("wendy", "demo", "/api/v1/shipments/" + delivered.shipment().get("id").asLong()
                + "/returns", Map.of("sku", delivered.sku(), "quantity", 1));

        assertProblem(second, 422, "at most 1 can come back");
        assertThat(rest.status()).isEqualTo(201);
        assertProblem(fromOtherOrder, 409, "is not of order");
        assertThat(otherSku.json().get("errors").get(0).get("field").asText()).isEqualTo("sku");
        assertThat(withoutRma.status()).as(withoutRma.body()).isEqualTo(422);
        assertThat(withoutRma.json().get("errors").get(0).get("field").asText()).isEqualTo("rmaNumber");
        assertThat(fixtures.onHand(delivered.sku(), "WH-DE")).as("nothing was booked back").isEqualTo(46);
        long orderId = delivered.order().get("id").asLong();
        assertThat(api.get("/api/v1/returns?orderId=" + orderId + "&status=AUTHORISED").json())
                .extracting(found -> found.get("reasonCode").asText()).containsExactly("WRONG_ITEM", "DAMAGED");
        assertThat(api.get("/api/v1/returns?orderId=" + orderId + "&status=CREDITED").json()).isEmpty();
        assertThat(api.get("/api/v1/returns?status=SHIPPED").status()).isEqualTo(400);
    }

    @Test
    void receiptsOfOneRmaAtOnceNeverBookMoreThanItAuthorised() {
        Delivered delivered = delivered("ACME-DE", 4);
        JsonNode rma = askForReturn(delivered, "WRONG_ITEM", 3).json();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> receipts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            receipts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return receive(delivered, rma, 2);
            }));
        }
        start.countDown();
        List<Api.Response> answers = receipts.stream().map(CompletableFuture::join).toList();

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201)
                .allSatisfy(refused -> assertProblem(refused, 409, "at most 1 more"));
        assertThat(api.get("/api/v1/returns/" + rma.get("id").asLong()).json().get("lines").get(0).get("received").asInt()).isEqualTo(2);
        assertThat(fixtures.onHand(delivered.sku(), "WH-DE")).as("46 + the 2 booked once").isEqualTo(48);
    }

    @Test
    void whenNothingComesBackWithinTheReceiptPeriodTheReturnClosesWithoutCredit() {
        Delivered delivered = delivered("ACME-DE", 2);
        JsonNode rma = askForReturn(delivered, "WRONG_ITEM", 2).json();

        processes.fireTimer(businessKey(rma), "BoundaryEventReceiptPeriodOver");

        JsonNode closed = api.get("/api/v1/returns/" + rma.get("id").asLong()).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closedReason").asText()).startsWith("nothing came back within");
        assertThat(closed.get("creditNotes")).isEmpty();
        assertThat(processes.isEnded(businessKey(rma))).isTrue();
        assertThat(announced("ReturnSettled", rma)).contains("\"status\": \"CLOSED\"", "nothing came back within");
        assertProblem(receive(delivered, closed, 1), 409, "CLOSED");
    }

    @Test
    void theInspectorsTaskDecidesForAllGoodsAndARefusalCreditsNothing() {
        Delivered delivered = delivered("ACME-DE", 3);
        JsonNode rma = askForReturn(delivered, "DAMAGED", 2).json();
        assertThat(receive(delivered, rma, 1).json().get("status").asText()).isEqualTo("AUTHORISED");
        processes.fireTimer(businessKey(rma), "BoundaryEventReceiptPeriodOver");
        Task inspection = processes.task(businessKey(rma), INSPECT);

        Api.Response notRecorded = decide("wendy", inspection, "inspectionOutcome", "PER_LINE", "");
        Api.Response silentRefusal = decide("wendy", inspection, "inspectionOutcome", "REFUSE", "");
        Api.Response refused = decide("wendy", inspection, "inspectionOutcome", "REFUSE", "water damage from the customer's store");

        assertProblem(notRecorded, 409, "no inspection recorded line by line");
        assertProblem(silentRefusal, 400, "REFUSE needs a reason");
        assertThat(refused.status()).as(refused.body()).isEqualTo(204);
        processes.runJobsOf(businessKey(rma));
        JsonNode closed = api.get("/api/v1/returns/" + rma.get("id").asLong()).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("inspectedBy").asText()).isEqualTo("wendy");
        assertThat(closed.get("lines").get(0).get("received").asInt()).isEqualTo(1);
        assertThat(closed.get("lines").get(0).get("refused").asInt()).isEqualTo(1);
        assertThat(closed.get("creditNotes")).isEmpty();
        assertThat(fixtures.onHand(delivered.sku(), "WH-DE")).as("the refused unit never went back into stock").isEqualTo(47);
    }

    @Test
    void aPaidOrderClosesOnceItsReturnWindowIsOverAndNoReturnIsOpen() {
        Delivered settled = delivered("ACME-DE", 2);
        Delivered returning = delivered("ACME-DE", 2);
        Delivered recent = delivered("ACME-DE", 2);
        for (Delivered delivered : List.of(settled, returning, recent)) {
            pay(delivered);
        }
        askForReturn(returning, "DEFECTIVE", 1);
        jdbc.update("update sales_order set updated_at = now() - interval '366 days' where id in (?, ?)",
                settled.order().get("id").asLong(), returning.order().get("id").asLong());

        orderClosing.closeSettledOrders();

        JsonNode closed = reload(settled.order());
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("audit").findValuesAsText("action")).contains("ORDER_CLOSED");
        assertThat(reload(returning.order()).get("status").asText()).as("a return is open").isEqualTo("PAID");
        assertThat(reload(recent.order()).get("status").asText()).as("still inside the window").isEqualTo("PAID");
        assertProblem(askForReturn(settled, "DEFECTIVE", 1), 409, "CLOSED");
    }

    private void pay(Delivered delivered) {
        JsonNode invoice = delivered.invoice();
        Api.Response paid = api.postAs("fiona", "demo", "/api/v1/payments", Map.of("accountCode", invoice.get("accountCode").asText(),
                "amount", invoice.get("grossTotal").decimalValue(), "currency", invoice.get("currency").asText(),
                "valueDate", LocalDate.now().toString(), "reference", "WIRE-" + System.nanoTime(),
                "allocations", List.of(Map.of("invoiceId", invoice.get("id").asLong(), "amount", invoice.get("grossTotal").decimalValue()))));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        processes.awaitEventsHandled();
        assertThat(reload(delivered.order()).get("status").asText()).isEqualTo("PAID");
    }

    /** An order of a product shipped whole from WH-DE (50 in stock) and invoiced. */
    private record Delivered(String sku, JsonNode order, JsonNode shipment, JsonNode invoice) {

        BigDecimal unitPrice() {
            return invoice.get("lines").get(0).get("unitPrice").decimalValue();
        }
    }

    /** German VAT on a net amount, rounded as the invoice rounds it. */
    private static BigDecimal withTax(BigDecimal net) {
        return net.add(net.multiply(new BigDecimal("0.19")).setScale(2, RoundingMode.HALF_EVEN));
    }

    private Delivered delivered(String accountLike, int quantity) {
        String sku = fixtures.product(Map.of("WH-DE", 50), "12.50");
        JsonNode invoice = invoiceOf(anOrder().forAccount(fixtures.accountLike(accountLike)).line(sku, quantity).body());
        JsonNode order = api.get("/api/v1/orders/" + invoice.get("orderId").asLong()).json();
        return new Delivered(sku, order, order.get("shipments").get(0), invoice);
    }

    private static Map<String, Object> returnOf(Delivered delivered, String reason, int quantity) {
        return Map.of("orderId", delivered.order().get("id").asLong(), "reasonCode", reason, "comment", "as the customer says",
                "lines", List.of(Map.of("lineNo", 1, "quantity", quantity)));
    }

    private Api.Response askForReturn(Delivered delivered, String reason, int quantity) {
        return api.post("/api/v1/returns", returnOf(delivered, reason, quantity));
    }

    private Api.Response receive(Delivered delivered, JsonNode rma, int quantity) {
        return receive(delivered, rma.get("rmaNumber").asText(), quantity);
    }

    private Api.Response receive(Delivered delivered, String rmaNumber, int quantity) {
        return receive(delivered, rmaNumber, delivered.sku(), quantity);
    }

    private Api.Response receive(Delivered delivered, String rmaNumber, String sku, int quantity) {
        return api.postAs("wendy", "demo", "/api/v1/shipments/" + delivered.shipment().get("id").asLong() + "/returns",
                Map.of("rmaNumber", rmaNumber, "sku", sku, "quantity", quantity));
    }

    private Api.Response inspect(JsonNode rma, List<Map<String, Integer>> lines) {
        return api.postAs("wendy", "demo", "/api/v1/returns/" + rma.get("id").asLong() + "/inspection",
                Map.of("lines", lines, "comment", "checked at the dock"));
    }

    private Api.Response decide(String user, Task task, String decisionVariable, String decision, String comment) {
        return api.postAs(user, "demo", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables",
                Map.of(decisionVariable, string(decision), "decisionComment", string(comment))));
    }

    private JsonNode creditNote(JsonNode credited) {
        assertThat(credited.get("creditNotes")).hasSize(1);
        String number = credited.get("creditNotes").get(0).asText();
        JsonNode found = api.get("/api/v1/invoices?orderId=" + credited.get("orderId").asLong() + "&documentType=CREDIT_NOTE").json();
        for (JsonNode note : found) {
            if (note.get("invoiceNumber").asText().equals(number)) {
                return api.get("/api/v1/invoices/" + note.get("id").asLong()).json();
            }
        }
        throw new AssertionError("no credit note " + number + " in " + found);
    }

    /** The payload of the event the outbox holds for this return. */
    private String announced(String eventType, JsonNode rma) {
        String number = api.get("/api/v1/returns/" + rma.get("id").asLong()).json().get("rmaNumber").asText();
        return jdbc.queryForObject("select payload::text from outbox_event where event_type = ? and aggregate_id = ?", String.class,
                eventType, number);
    }

    private static String businessKey(JsonNode rma) {
        return "RET-" + rma.get("id").asLong();
    }
}
