package org.tradeflow.order;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.tradeflow.pricing.PriceHistory;
import org.tradeflow.pricing.PricingLine;

import java.sql.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The last price an account paid per product, read from its confirmed orders (pricing's price memory asks). */
@Repository
class PricesPaid implements PriceHistory {

    private final JdbcTemplate jdbc;

    PricesPaid(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Orders count once they are confirmed (allocated or later); rejected, cancelled and held ones do not, nor
     * lines whose units were all cancelled, nor substitute lines (they carry another product's price).
     */
    @Override
    public Map<Long, PricingLine.LastPaid> lastPaid(long accountId, String currency, Collection<Long> productIds) {
        Map<Long, PricingLine.LastPaid> byProduct = new HashMap<>();
        jdbc.query(connection -> {
            var statement = connection.prepareStatement("""
                    select distinct on (l.product_id) l.product_id, l.unit_price, o.order_number, o.created_at::date as paid_on
                      from sales_order o
                      join order_line l on l.order_id = o.id
                     where o.account_id = ? and o.currency = ? and l.product_id = any (?)
                       and l.quantity > l.cancelled_quantity and l.substitute_for is null
                       and o.status in ('ALLOCATED', 'BACKORDERED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'INVOICED', 'PAID', 'CLOSED')
                     order by l.product_id, o.created_at desc, o.id desc""");
            Array products = connection.createArrayOf("bigint", productIds.toArray());
            statement.setLong(1, accountId);
            statement.setString(2, currency);
            statement.setArray(3, products);
            return statement;
        }, rs -> {
            byProduct.put(rs.getLong("product_id"), new PricingLine.LastPaid(rs.getBigDecimal("unit_price"),
                    rs.getString("order_number"), rs.getDate("paid_on").toLocalDate()));
        });
        return byProduct;
    }
}
