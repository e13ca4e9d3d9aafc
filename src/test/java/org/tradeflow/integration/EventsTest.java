package org.tradeflow.integration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** Events between modules and to the outside: one mechanism, in the transaction of the change, delivered again. */
class EventsTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private EventRedelivery redelivery;

    @Test
    void anOrderToCashIsAnnouncedInTheOrderItHappened() {
        String sku = fixtures.product(Map.of("WH-DE", 10));
        JsonNode order = submitAndRun(anOrder().forAccount("ACME-DE").line(sku, 4).body());
        JsonNode shipment = reload(order).get("shipments").get(0);
        dispatch(shipment);
        processes.runJobs(order.get("orderNumber").asText());

        String orderNumber = order.get("orderNumber").asText();
        String shipmentNumber = shipment.get("shipmentNumber").asText();
        List<Map<String, Object>> events = jdbc.queryForList("""
                select event_type, aggregate_id, payload::text as payload from outbox_event
                 where aggregate_id = ? or aggregate_id = ? or payload->>'orderNumber' = ? order by id""",
                orderNumber, shipmentNumber, orderNumber);
        assertThat(events).extracting(e -> e.get("event_type"))
                .containsExactly("OrderAccepted", "ShipmentRequested", "ShipmentDispatched", "InvoiceIssued");
        assertThat(events.get(1).get("payload").toString()).contains("\"sku\": \"" + sku + "\"", "\"quantity\": 4");
        assertThat(events.get(3).get("payload").toString()).contains("\"orderNumber\": \"" + orderNumber + "\"");
    }

    @Test
    void aChangeThatIsRefusedAnnouncesNothing() {
        String sku = fixtures.product(Map.of("WH-DE", 10));
        JsonNode order = submitAndRun(anOrder().forAccount("ACME-DE").line(sku, 4).body());
        JsonNode shipment = reload(order).get("shipments").get(0);
        dispatch(shipment);

        Api.Response again = api.post("/api/v1/shipments/" + shipment.get("id").asLong() + "/dispatch",
                Map.of("carrier", "DHL", "trackingNumber", "JD-AGAIN"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(fixtures.count("select count(*) from outbox_event where event_type = 'ShipmentDispatched' and aggregate_id = ?",
                shipment.get("shipmentNumber").asText())).isEqualTo(1);
    }

    @Test
    void aWakeUpLostInACrashIsDeliveredAgainByOneNodeAndWakesTheOrderOnce() throws Exception {
        String sku = fixtures.product(Map.of());
        JsonNode order = submitAndRun(anOrder().forAccount("ACME-DE").line(sku, 6).with("fillPolicy", "SHIP_COMPLETE").body());
        String orderNumber = order.get("orderNumber").asText();
        assertThat(reload(order).get("status").asText()).isEqualTo("BACKORDERED");
        // the goods were booked and the node died before its listener ran: the stock is there, the publication open
        fixtures.receive(sku, "WH-DE", 6);
        long productId = jdbc.queryForObject("select id from product where sku = ?", Long.class, sku);
        UUID publication = UUID.randomUUID();
        jdbc.update("""
                insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)
                values (?, 'backorder-wake-up/stock-received', ?, ?, now() - interval '10 minutes')""",
                publication, "org.tradeflow.inventory.StockReceived",
                "{\"warehouseCode\":\"WH-DE\",\"reference\":\"PO-LOST-1\",\"productIds\":[" + productId + "],\"bookedBy\":\"wendy\"}");

        // two nodes' schedulers at the same moment
        CompletableFuture<Void> node1 = CompletableFuture.runAsync(redelivery::redeliver);
        CompletableFuture<Void> node2 = CompletableFuture.runAsync(redelivery::redeliver);
        CompletableFuture.allOf(node1, node2).get();
        processes.runJobs(orderNumber);
        redelivery.redeliver(); // a later run finds nothing left to deliver

        assertThat(jdbc.queryForObject("select completion_date is not null from event_publication where id = ?",
                Boolean.class, publication)).isTrue();
        assertThat(fixtures.count("""
                select count(*) from audit_event a join sales_order o on o.id = a.order_id
                 where o.order_number = ? and a.action = 'STOCK_ARRIVED'""", orderNumber)).isEqualTo(1);
        assertThat(reload(order).get("status").asText()).isEqualTo("ALLOCATED");
    }
}
