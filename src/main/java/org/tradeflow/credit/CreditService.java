package org.tradeflow.credit;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.SalesOrder;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Credit exposure = open invoices + the uninvoiced value of the account's other open orders + this order,
 * measured against the account's credit limit.
 */
@Service
@Transactional
public class CreditService {

    private final OrderLifecycle orders;
    private final NamedParameterJdbcTemplate jdbc;

    CreditService(OrderLifecycle orders, NamedParameterJdbcTemplate jdbc) {
        this.orders = orders;
        this.jdbc = jdbc;
    }

    /** Checks the order against its account's credit limit and records the outcome (a hold when it is over). */
    public CreditCheck check(long orderId) {
        CreditCheck check = position(orderId);
        if (check.withinLimit()) {
            orders.note(orderId, "CREDIT_OK", check.describe());
        } else {
            orders.holdForCredit(orderId, check.describe());
        }
        return check;
    }

    /** The account's exposure with this order, without recording anything: what an approver looks at. */
    @Transactional(readOnly = true)
    public CreditCheck position(long orderId) {
        SalesOrder order = orders.get(orderId);
        BigDecimal otherExposure = jdbc.queryForObject("""
                select coalesce((select sum(net_total) from invoice where account_id = :accountId and status = 'OPEN'), 0)
                     + coalesce((select sum(o.net_total - coalesce((select sum(i.net_total) from invoice i where i.order_id = o.id), 0))
                                   from sales_order o
                                  where o.account_id = :accountId and o.id <> :orderId and o.status in (:openStatuses)), 0)""",
                new MapSqlParameterSource()
                        .addValue("accountId", order.getAccount().getId())
                        .addValue("orderId", orderId)
                        .addValue("openStatuses", OrderStatus.OPEN.stream().map(Enum::name).collect(Collectors.toList())),
                BigDecimal.class);
        return new CreditCheck(Objects.requireNonNull(otherExposure), order.getNetTotal(), order.getAccount().getCreditLimit(),
                order.getCurrency());
    }

    /** {@code otherExposure}: open invoices and the account's other open orders; {@code exposure} adds this order. */
    public record CreditCheck(BigDecimal otherExposure, BigDecimal orderValue, BigDecimal limit, String currency) {

        public BigDecimal exposure() {
            return otherExposure.add(orderValue);
        }

        public boolean withinLimit() {
            return exposure().compareTo(limit) <= 0;
        }

        String describe() {
            return "Exposure " + exposure().toPlainString() + " " + currency + (withinLimit() ? " within" : " exceeds")
                    + " the credit limit of " + limit.toPlainString() + " " + currency;
        }
    }
}
