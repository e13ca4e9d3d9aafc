package org.tradeflow.orderdesk;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** What a customer changes after capture: fewer units, a cancelled line, another delivery date. */
class OrderChangesTest extends IntegrationTest {

    @Test
    void fewerUnitsReleaseTheirReservationAndACancelledLineCancelsItsShipment() {
        // Acme, fewest shipments: line 1 from Hamburg; line 2 exists only in Rotterdam, so it ships on its own.
        String kept = fixtures.product(Map.of("WH-DE", 10));
        String dropped = fixtures.product(Map.of("WH-NL", 10));
        JsonNode order = placed(anOrder().forAccount("ACME-DE").line(kept, 6).line(dropped, 3).body());
        assertThat(order.get("shipments")).hasSize(2);
        String droppedShipment = order.get("shipments").get(1).get("shipmentNumber").asText();

        Api.Response changed = change(order, Map.of("reason", "customer needs less",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 4), Map.of("lineNo", 2, "quantity", 0))));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode view = changed.json();
        assertThat(view.get("lines").get(0).get("cancelledQuantity").asInt()).isEqualTo(2);
        assertThat(view.get("lines").get(1).get("cancelledQuantity").asInt()).isEqualTo(3);
        assertThat(view.get("shipments").get(0).get("lines").get(0).get("quantity").asInt()).isEqualTo(4);
        assertThat(view.get("shipments").get(1).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(fixtures.reserved(kept, "WH-DE")).isEqualTo(4);
        assertThat(fixtures.reserved(dropped, "WH-NL")).isZero();
        assertThat(fixtures.stock(dropped).ledgerReserved()).isZero();
        assertThat(processes.isEnded(droppedShipment)).as("the emptied shipment's process ends").isTrue();
        assertThat(view.get("audit").toString()).contains("ORDER_CHANGED", "By demo: customer needs less: line 1 ("
                + kept + ") 6 -> 4; line 2 (" + dropped + ") 3 -> 0; shipments cancelled: " + droppedShipment);
    }

    @Test
    void whenAChangeEmptiesTheLastOpenShipmentTheOrderFinishesWithWhatShipped() {
        String first = fixtures.product(Map.of("WH-DE", 10));
        String second = fixtures.product(Map.of("WH-NL", 10));
        JsonNode order = placed(anOrder().forAccount("ACME-DE").line(first, 2).line(second, 2).body());
        String orderNumber = order.get("orderNumber").asText();
        dispatch(order.get("shipments").get(0));

        change(order, Map.of("reason", "second item no longer needed", "lines", List.of(Map.of("lineNo", 2, "quantity", 0))));
        processes.runJobs(orderNumber);

        assertThat(reload(order).get("status").asText()).isEqualTo("INVOICED");
        assertThat(processes.isEnded(orderNumber)).isTrue();
    }

    @Test
    void anAllocatedOrderCutToNothingEndsCancelled() {
        String sku = fixtures.product(Map.of("WH-DE", 10));
        JsonNode order = placed(anOrder().forAccount("ACME-DE").line(sku, 3).body());

        change(order, Map.of("reason", "customer changed supplier", "lines", List.of(Map.of("lineNo", 1, "quantity", 0))));
        processes.runJobs(order.get("orderNumber").asText());

        assertThat(reload(order).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(fixtures.reserved(sku, "WH-DE")).isZero();
        assertThat(processes.isEnded(order.get("orderNumber").asText())).isTrue();
    }

    @Test
    void stockGivenBackByACancellationWakesTheOrderWaitingForIt() {
        String sku = fixtures.product(Map.of("WH-DE", 5));
        JsonNode first = placed(anOrder().forAccount("ACME-DE").line(sku, 5).body());
        JsonNode waiting = placed(anOrder().forAccount("ALPINE-AT").line(sku, 5).body());
        assertThat(waiting.get("status").asText()).isEqualTo("BACKORDERED");

        api.post("/api/v1/orders/" + first.get("id").asLong() + "/cancel", Map.of("reason", "duplicate"));
        processes.runJobs(waiting.get("orderNumber").asText());

        assertThat(reload(waiting).get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(fixtures.reserved(sku, "WH-DE")).isEqualTo(5);
    }

    @Test
    void onlyTheOrderDeskChangesOrCancelsOrders() {
        String sku = fixtures.product(Map.of("WH-DE", 5));
        JsonNode order = placed(anOrder().forAccount("ACME-DE").line(sku, 1).body());

        Api.Response byWarehouse = api.postAs("wendy", "demo", "/api/v1/orders/" + order.get("id").asLong() + "/cancel",
                Map.of("reason", "not mine to decide"));

        assertThat(byWarehouse.status()).isEqualTo(403);
        assertThat(reload(order).get("status").asText()).isEqualTo("ALLOCATED");
    }

    @Test
    void aBackorderThatAsksForLessShipsWhatIsThere() {
        String sku = fixtures.product(Map.of("WH-DE", 4));
        JsonNode order = placed(anOrder().forAccount("ACME-DE").line(sku, 10).with("fillPolicy", "SHIP_COMPLETE").body());
        assertThat(order.get("status").asText()).isEqualTo("BACKORDERED");

        change(order, Map.of("reason", "four will do", "lines", List.of(Map.of("lineNo", 1, "quantity", 4))));
        processes.runJobs(order.get("orderNumber").asText());

        JsonNode allocated = reload(order);
        assertThat(allocated.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(fixtures.reserved(sku, "WH-DE")).isEqualTo(4);
    }

    @Test
    void aBackorderWhoseWaitingUnitsAreAllCancelledEndsCancelled() {
        String sku = fixtures.product(Map.of());
        JsonNode order = placed(anOrder().forAccount("ACME-DE").line(sku, 5).body());

        change(order, Map.of("reason", "no longer needed", "lines", List.of(Map.of("lineNo", 1, "quantity", 0))));
        processes.runJobs(order.get("orderNumber").asText());

        assertThat(reload(order).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(processes.isEnded(order.get("orderNumber").asText())).isTrue();
    }

    @Test
    void theRequestedDeliveryDateMovesAndTheAuditSaysWhoAndWhy() {
        String sku = fixtures.product(Map.of("WH-DE", 10));
        JsonNode order = placed(anOrder().forAccount("ACME-DE").line(sku, 2).body());
        LocalDate later = LocalDate.now().plusDays(20);

        Api.Response moved = api.postAs("oscar", "demo", "/api/v1/orders/" + order.get("id").asLong() + "/changes",
                Map.of("reason", "store opening delayed", "requestedDeliveryDate", later.toString()));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("requestedDeliveryDate").asText()).isEqualTo(later.toString());
        assertThat(moved.json().get("audit").toString()).contains("By oscar: store opening delayed: requested delivery date null -> " + later);
    }

    @Test
    void changesThatCannotBeMadeAreRefusedNamingWhy() {
        // 3 of 5 ship at once (ship partial) and are dispatched; 2 wait for stock.
        String sku = fixtures.product(Map.of("WH-DE", 3));
        JsonNode order = placed(anOrder().forAccount("ACME-DE").line(sku, 5).with("fillPolicy", "SHIP_PARTIAL").body());
        dispatch(order.get("shipments").get(0));

        Api.Response more = change(order, Map.of("reason", "more", "lines", List.of(Map.of("lineNo", 1, "quantity", 6))));
        Api.Response unknownLine = change(order, Map.of("reason", "x", "lines", List.of(Map.of("lineNo", 9, "quantity", 1))));
        Api.Response nothing = change(order, Map.of("reason", "nothing"));
        Api.Response past = change(order, Map.of("reason", "x", "requestedDeliveryDate", LocalDate.now().minusDays(1).toString()));
        Api.Response shipped = change(order, Map.of("reason", "x", "lines", List.of(Map.of("lineNo", 1, "quantity", 1))));

        assertThat(more.status()).isEqualTo(422);
        assertThat(more.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(unknownLine.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].lineNo");
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.body()).contains("name a new requestedDeliveryDate or at least one line");
        assertThat(past.json().get("errors").get(0).get("field").asText()).isEqualTo("requestedDeliveryDate");
        assertThat(shipped.status()).isEqualTo(409);
        assertThat(shipped.body()).contains("has 3 units dispatched already");
    }

    /** Submitted, processed until it waits, and read back with its shipments. */
    private JsonNode placed(Map<String, Object> body) {
        return reload(submitAndRun(body));
    }

    private Api.Response change(JsonNode order, Map<String, Object> body) {
        return api.post("/api/v1/orders/" + order.get("id").asLong() + "/changes", body);
    }
}
