package org.tradeflow.inventory;

import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.Fixtures;
import org.tradeflow.support.IntegrationTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

class StockAdjustmentTest extends IntegrationTest {

    @Test
    void aCountBelowTheBooksIsBookedButReservedStockCannotBeAdjustedAway() {
        String sku = fixtures.product(Map.of("WH-DE", 10));
        String order = api.post("/api/v1/orders", anOrder().forAccount("ACME-DE").line(sku, 4).body()).json()
                .get("orderNumber").asText();
        processes.runJobs(order);

        Api.Response damaged = adjust("wendy", Map.of("warehouseCode", "WH-DE", "sku", sku, "quantity", -3, "reason", "damaged in storage"));
        Api.Response tooMuch = adjust("wendy", Map.of("warehouseCode", "WH-DE", "sku", sku, "quantity", -4, "reason", "lost"));

        assertThat(damaged.status()).as(damaged.body()).isEqualTo(201);
        assertThat(damaged.json().get("availableNow").asInt()).isEqualTo(3);
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.body()).contains("Only 3 units");
        Fixtures.Stock stock = fixtures.stock(sku);
        assertThat(stock.onHand()).isEqualTo(7);
        assertThat(stock.reserved()).isEqualTo(4);
        assertThat(stock.ledgerOnHand()).isEqualTo(stock.onHand());
        assertThat(fixtures.count("""
                select count(*) from stock_movement m join product p on p.id = m.product_id
                 where p.sku = ? and m.kind = 'ADJUSTMENT' and m.reference = 'wendy: damaged in storage'""", sku)).isEqualTo(1);
    }

    @Test
    void onlyWarehousesAdjustAndBadAdjustmentsAreNamed() {
        String sku = fixtures.product(Map.of("WH-DE", 10));

        Api.Response asSales = adjust("sam", Map.of("warehouseCode", "WH-DE", "sku", sku, "quantity", 1, "reason", "found"));
        Api.Response zero = adjust("wendy", Map.of("warehouseCode", "WH-DE", "sku", sku, "quantity", 0, "reason", "nothing"));
        Api.Response nowhere = adjust("wendy", Map.of("warehouseCode", "WH-XX", "sku", sku, "quantity", 1, "reason", "found"));

        assertThat(asSales.status()).isEqualTo(403);
        assertThat(zero.json().get("errors").get(0).get("field").asText()).isEqualTo("quantity");
        assertThat(nowhere.json().get("errors").get(0).get("field").asText()).isEqualTo("warehouseCode");
        assertThat(fixtures.stock(sku).onHand()).isEqualTo(10);
    }

    private Api.Response adjust(String user, Map<String, Object> body) {
        return api.postAs(user, "demo", "/api/v1/stock-adjustments", body);
    }
}
