package org.tradeflow.pricing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The last price an account paid per SKU, read from its confirmed orders (for price memory). */
@Repository
class PriceHistory {

    private final JdbcTemplate jdbc;

    PriceHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Orders count once they are confirmed (allocated or later); rejected, cancelled and held ones do not, nor
     * lines whose units were all cancelled, nor substitute lines (they carry another product's price).
     */
    Map<String, PricingLine.LastPaid> lastPaid(long accountId, String currency, Collection<String> skus) {
        Map<String, PricingLine.LastPaid> bySku = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select distinct on (p.sku) p.sku, l.unit_price, o.order_number, o.created_at::date as paid_on
                      from sales_order o
                      join order_line l on l.order_id = o.id
                      join product p on p.id = l.product_id
                     where o.account_id = ? and o.currency = ? and p.sku = any (?)
                       and l.quantity > l.cancelled_quantity and l.substitute_for is null
                       and o.status in ('ALLOCATED', 'BACKORDERED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'INVOICED', 'PAID', 'CLOSED')
                     order by p.sku, o.created_at desc, o.id desc""");
            Array skuArray = connection.createArrayOf("varchar", skus.toArray());
            statement.setLong(1, accountId);
            statement.setString(2, currency);
            statement.setArray(3, skuArray);
            return statement;
        }, rs -> {
            bySku.put(rs.getString("sku"), new PricingLine.LastPaid(rs.getBigDecimal("unit_price"),
                    rs.getString("order_number"), rs.getDate("paid_on").toLocalDate()));
        });
        return bySku;
    }
}
