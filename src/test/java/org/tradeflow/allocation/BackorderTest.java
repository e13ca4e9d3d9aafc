package org.tradeflow.allocation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;
import org.tradeflow.support.OrderRequests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** Fill policies, backorders woken by receipts in priority order, and cancellations giving stock back. */
class BackorderTest extends IntegrationTest {

    @Test
    void shipCompleteWaitsUntilAReceiptCoversEveryLine() {
        String sku = fixtures.product(Map.of("WH-DE", 4));
        fixtures.incoming(sku, "WH-DE", 30, LocalDate.now().plusDays(3), "PO-88001");
        String order = place(anOrder().forAccount("ACME-DE").line(sku, 10).with("fillPolicy", "SHIP_COMPLETE"));
        assertThat(status(order)).isEqualTo("BACKORDERED");
        assertThat(view(order).get("statusReason").asText()).endsWith("short by 6 in [WH-DE, WH-NL], supply expected "
                + LocalDate.now().plusDays(3));
        assertThat(view(order).get("lines").get(0).get("backorderedQuantity").asInt()).isEqualTo(10);
        assertThat(fixtures.reserved(sku, "WH-DE")).isZero();

        JsonNode receipt = receive("WH-DE", "PO-88001", sku, 30);
        processes.runJobs(order);

        assertThat(receipt.has("wokenOrders")).as("orders are woken after the receipt's commit").isFalse();
        assertThat(status(order)).isEqualTo("ALLOCATED");
        assertThat(fixtures.reserved(sku, "WH-DE")).isEqualTo(10);
        assertThat(fixtures.onHand(sku, "WH-DE")).isEqualTo(34);
        assertThat(fixtures.count("select count(*) from incoming_supply where reference = 'PO-88001'"))
                .as("the purchase order's supply is no longer expected").isZero();
        assertThat(actions(order)).contains("STOCK_SHORT", "STOCK_ARRIVED", "STOCK_ALLOCATED");
    }

    @Test
    void shipPartialShipsWhatIsThereAndTheRestFollowsInASecondShipment() {
        String sku = fixtures.product(Map.of("WH-DE", 6));
        String order = place(anOrder().forAccount("ACME-DE").line(sku, 10).with("fillPolicy", "SHIP_PARTIAL"));

        JsonNode first = view(order);
        assertThat(first.get("status").asText()).isEqualTo("BACKORDERED");
        assertThat(first.get("statusReason").asText()).contains("4 units backordered");
        assertThat(first.get("shipments")).singleElement().satisfies(s -> assertThat(s.get("lines").get(0).get("quantity").asInt()).isEqualTo(6));
        dispatch(first.get("shipments").get(0));
        processes.runJobs(order);
        assertThat(status(order)).isEqualTo("PARTIALLY_SHIPPED");

        receive("WH-DE", "PO-88002", sku, 4);
        processes.runJobs(order);
        JsonNode second = view(order);
        assertThat(second.get("status").asText()).as("part of it shipped already").isEqualTo("PARTIALLY_SHIPPED");
        assertThat(second.get("statusReason").asText()).contains(order + "-S2 from WH-DE");
        assertThat(second.get("shipments")).extracting(s -> s.get("shipmentNumber").asText())
                .containsExactly(order + "-S1", order + "-S2");
        dispatch(second.get("shipments").get(1));
        processes.runJobs(order);

        JsonNode invoiced = view(order);
        assertThat(invoiced.get("status").asText()).isEqualTo("INVOICED");
        BigDecimal billed = invoiced.get("invoices").get(0).get("netTotal").decimalValue()
                .add(invoiced.get("invoices").get(1).get("netTotal").decimalValue());
        assertThat(billed).isEqualByComparingTo(invoiced.get("netTotal").decimalValue());
    }

    @Test
    void fillOrKillShipsWhatIsThereAndCancelsTheRest() {
        String sku = fixtures.product(Map.of("WH-US", 3));
        String partly = place(anOrder().forAccount("HUDSON-US").line(sku, 5).with("fillPolicy", "FILL_OR_KILL"));
        String nothing = place(anOrder().forAccount("HUDSON-US").line(sku, 5).with("fillPolicy", "FILL_OR_KILL"));

        JsonNode shipped = view(partly);
        assertThat(shipped.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(shipped.get("lines").get(0).get("cancelledQuantity").asInt()).isEqualTo(2);
        assertThat(actions(partly)).contains("UNITS_CANCELLED");
        assertThat(fixtures.reserved(sku, "WH-US")).isEqualTo(3);
        assertThat(status(nothing)).isEqualTo("CANCELLED");
        assertThat(processes.isEnded(nothing)).isTrue();
    }

    @Test
    void minimumFillRateShipsOnlyOnceEnoughOfTheOrderCanGo() {
        String sku = fixtures.product(Map.of("WH-DE", 7));
        String order = place(anOrder().forAccount("ACME-DE").line(sku, 10)
                .with("fillPolicy", "MIN_FILL_RATE").with("minFillRatePercent", 80));
        assertThat(status(order)).as("7 of 10 is below 80 %").isEqualTo("BACKORDERED");
        assertThat(fixtures.reserved(sku, "WH-DE")).isZero();

        receive("WH-DE", "PO-88003", sku, 1);
        processes.runJobs(order);

        assertThat(fixtures.reserved(sku, "WH-DE")).as("8 of 10 reaches 80 %").isEqualTo(8);
        assertThat(view(order).get("statusReason").asText()).contains("2 units backordered");
    }

    @Test
    void minimumFillRateNeedsARate() {
        Api.Response refused = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line("85123A", 6)
                .with("fillPolicy", "MIN_FILL_RATE").body());
        Api.Response unknownPolicy = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line("85123A", 6)
                .with("fillPolicy", "WHENEVER").body());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asText()).isEqualTo("minFillRatePercent");
        assertThat(unknownPolicy.status()).isEqualTo(400);
        assertThat(unknownPolicy.json().get("errors").get(0).get("field").asText()).isEqualTo("fillPolicy");
    }

    @Test
    void receiptWakesBackordersHighestPriorityFirstAndTheHigherPriorityGetsScarceStock() {
        // Bronze Pacific ordered first; Acme (gold, premium) orders RUSH later. 6 units arrive for 2 x 6 wanted.
        String sku = fixtures.product(Map.of());
        String bronze = place(anOrder().forAccount("PACIFIC-US").line(sku, 6).with("fillPolicy", "SHIP_COMPLETE"));
        String rush = place(anOrder().forAccount("HUDSON-US").line(sku, 6).with("urgency", "RUSH"));
        assertThat(status(bronze)).isEqualTo("BACKORDERED");
        assertThat(status(rush)).isEqualTo("BACKORDERED");

        JsonNode receipt = receive("WH-US", "PO-88004", sku, 6);
        processes.runJobsInPriorityOrder(List.of(bronze, rush));

        assertThat(wokenAt(rush)).as("the rush order is woken first").isLessThan(wokenAt(bronze));
        assertThat(status(rush)).isEqualTo("ALLOCATED");
        assertThat(status(bronze)).isEqualTo("BACKORDERED");
        assertThat(actions(rush)).contains("ALLOCATION_PRIORITY");
        assertThat(view(rush).get("audit").toString()).contains("Priority 80 (AllocationPriority_14)");
    }

    @Test
    void cancellingAnAllocatedOrderGivesItsStockBackAndEndsItsProcess() {
        String sku = fixtures.product(Map.of("WH-DE", 10));
        String order = place(anOrder().forAccount("ACME-DE").line(sku, 4));
        assertThat(fixtures.reserved(sku, "WH-DE")).isEqualTo(4);

        Api.Response cancelled = api.post("/api/v1/orders/" + view(order).get("id").asLong() + "/cancel",
                Map.of("reason", "customer found it cheaper"));

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("shipments").get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(fixtures.reserved(sku, "WH-DE")).isZero();
        assertThat(fixtures.stock(sku).ledgerReserved()).isZero();
        assertThat(processes.isEnded(order)).isTrue();
        assertThat(processes.isEnded(order + "-S1")).as("the shipment's process ends with it").isTrue();
        assertThat(cancelled.json().get("statusReason").asText()).contains("by demo: customer found it cheaper");
    }

    @Test
    void anOrderThatShippedCannotBeCancelledAndABadCancellationIsNamed() {
        String sku = fixtures.product(Map.of("WH-DE", 10));
        String order = place(anOrder().forAccount("ACME-DE").line(sku, 4));
        dispatch(view(order).get("shipments").get(0));
        long id = view(order).get("id").asLong();

        Api.Response late = api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "too late"));
        Api.Response noReason = api.post("/api/v1/orders/" + id + "/cancel", Map.of());
        Api.Response unknown = api.post("/api/v1/orders/999999999/cancel", Map.of("reason", "who?"));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("can no longer be cancelled");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void receiptsAreBookedByWarehousesOnlyAndBadLinesBookNothing() {
        String sku = fixtures.product(Map.of());
        Map<String, Object> body = Map.of("warehouseCode", "WH-DE", "reference", "PO-1",
                "lines", List.of(Map.of("sku", sku, "quantity", 5), Map.of("sku", "NO-SUCH", "quantity", 1)));

        Api.Response asSales = api.postAs("sam", "demo", "/api/v1/receipts", body);
        Api.Response unknownSku = api.postAs("wendy", "demo", "/api/v1/receipts", body);
        Api.Response unknownWarehouse = api.postAs("wendy", "demo", "/api/v1/receipts",
                Map.of("warehouseCode", "WH-XX", "reference", "PO-1", "lines", List.of(Map.of("sku", sku, "quantity", 5))));
        Api.Response zero = api.postAs("wendy", "demo", "/api/v1/receipts",
                Map.of("warehouseCode", "WH-DE", "reference", "PO-1", "lines", List.of(Map.of("sku", sku, "quantity", 0))));

        assertThat(asSales.status()).isEqualTo(403);
        assertThat(unknownSku.status()).isEqualTo(422);
        assertThat(unknownSku.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[1].sku");
        assertThat(unknownWarehouse.json().get("errors").get(0).get("field").asText()).isEqualTo("warehouseCode");
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(fixtures.stock(sku).onHand()).as("nothing was booked").isZero();
    }

    @Test
    void aRetriedReceiptWithItsIdempotencyKeyIsBookedOnce() {
        String sku = fixtures.product(Map.of());
        Map<String, Object> body = Map.of("warehouseCode", "WH-DE", "reference", "PO-88009",
                "lines", List.of(Map.of("sku", sku, "quantity", 12)));
        Map<String, String> key = Map.of("Idempotency-Key", "wms-delivery-4711");

        Api.Response first = api.post("/api/v1/receipts", body, key);
        Api.Response retry = api.post("/api/v1/receipts", body, key);
        Api.Response otherGoods = api.post("/api/v1/receipts", Map.of("warehouseCode", "WH-DE", "reference", "PO-88009",
                "lines", List.of(Map.of("sku", sku, "quantity", 13))), key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(otherGoods.status()).isEqualTo(422);
        assertThat(otherGoods.json().get("errors").get(0).get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(fixtures.onHand(sku, "WH-DE")).as("booked once").isEqualTo(12);
    }

    private final Map<String, Long> ids = new HashMap<>();

    /** Submits the order, runs its process until it waits, and returns its number (its id is kept for view). */
    private String place(OrderRequests request) {
        Api.Response response = api.post("/api/v1/orders", request.body());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String orderNumber = response.json().get("orderNumber").asText();
        ids.put(orderNumber, response.json().get("id").asLong());
        processes.runJobs(orderNumber);
        return orderNumber;
    }

    private JsonNode receive(String warehouse, String reference, String sku, int quantity) {
        Api.Response response = api.postAs("wendy", "demo", "/api/v1/receipts", Map.of("warehouseCode", warehouse,
                "reference", reference, "lines", List.of(Map.of("sku", sku, "quantity", quantity))));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode view(String orderNumber) {
        return api.get("/api/v1/orders/" + ids.get(orderNumber)).json();
    }

    private String status(String orderNumber) {
        return view(orderNumber).get("status").asText();
    }

    private List<String> actions(String orderNumber) {
        return StreamSupport.stream(view(orderNumber).get("audit").spliterator(), false)
                .map(a -> a.get("action").asText()).toList();
    }

    /** The sequence number of the audit entry that says the order was woken for stock. */
    private int wokenAt(String orderNumber) {
        return fixtures.count("""
                select min(a.id) from audit_event a join sales_order o on o.id = a.order_id
                 where o.order_number = ? and a.action = 'STOCK_ARRIVED'""", orderNumber);
    }
}
