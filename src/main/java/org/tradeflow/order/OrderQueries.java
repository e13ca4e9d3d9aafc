package org.tradeflow.order;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.audit.AuditTrail;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order module's published queries: the order's read model (shipments and invoices told by their
 * owners through {@link OrderDocuments}), orders waiting for stock, open orders of an account.
 */
@Component
public class OrderQueries {

    private final OrderRepository orders;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final OrderProcessProblems processProblems;

    private final Clock clock;
    private final OrderDocuments.Shipments shipmentsOfOrder;
    private final OrderDocuments.Invoices invoicesOfOrder;

    OrderQueries(OrderRepository orders, NamedParameterJdbcTemplate jdbc, AuditTrail audit, OrderProcessProblems processProblems,
                 OrderDocuments.Shipments shipmentsOfOrder, OrderDocuments.Invoices invoicesOfOrder, Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.shipmentsOfOrder = shipmentsOfOrder;
        this.invoicesOfOrder = invoicesOfOrder;
        this.jdbc = jdbc;
        this.audit = audit;
        this.processProblems = processProblems;
    }

    @Transactional(readOnly = true)
    public OrderView view(SalesOrder order) {
        List<OrderView.Shipment> shipments = shipmentsOfOrder.ofOrder(order.getId());
        Map<Integer, Integer> shippedOrPlanned = new HashMap<>();
        shipments.stream().filter(s -> !"CANCELLED".equals(s.status())).flatMap(s -> s.lines().stream())
                .forEach(l -> shippedOrPlanned.merge(l.lineNo(), l.quantity(), Integer::sum));
        List<OrderView.Line> lines = order.getLines().stream()
                .map(l -> new OrderView.Line(l.getLineNo(), l.getProduct().getSku(), l.getProduct().getName(),
                        l.getQuantity(), backordered(order, l, shippedOrPlanned), l.getCancelledQuantity(), l.getShipTo(),
                        l.getUnitPrice(), l.getNetAmount(), l.getPriceSource(), l.getPriceRule(), l.getPriceExplanation(),
                        l.getExpectedUnitPrice()))
                .toList();
        return new OrderView(order.getId(), order.getOrderNumber(), order.getAccount().getCode(),
                order.getAccount().getName(), order.getCustomerPoNumber(), order.getRequestedDeliveryDate(), order.getStatus(), order.getStatusReason(),
                order.getCurrency(), order.getNetTotal(), order.getRuleSetChecksum(), order.getCreatedAt(),
                order.getCreatedBy(), order.getFillPolicy(), order.getMinFillRate(), order.getUrgency(),
                order.getAllocationPriority(), lines, order.policyViolations(), shipments, invoicesOfOrder.ofOrder(order.getId()),
                processProblems.of(order.getOrderNumber()), audit.forOrder(order.getId()));
    }

    /** Units waiting for stock: only once allocation has started (before, nothing is short yet). */
    private static int backordered(SalesOrder order, OrderLine line, Map<Integer, Integer> shippedOrPlanned) {
        boolean allocating = order.getStatus() == OrderStatus.BACKORDERED || order.getStatus() == OrderStatus.PARTIALLY_SHIPPED;
        return allocating ? line.getQuantity() - line.getCancelledQuantity() - shippedOrPlanned.getOrDefault(line.getLineNo(), 0) : 0;
    }

    @Transactional(readOnly = true)
    public OrderView view(long orderId) {
        return view(orders.findById(orderId).orElseThrow(() -> new OrderNotFound(orderId)));
    }

    /** Orders with units waiting for one of these products, highest allocation priority first, then oldest first. */
    @Transactional(readOnly = true)
    public List<String> waitingFor(Collection<Long> productIds) {
        return jdbc.queryForList("""
                select o.order_number from sales_order o
                 where o.status in ('BACKORDERED', 'PARTIALLY_SHIPPED')
                   and exists (select 1 from order_line l where l.order_id = o.id and l.product_id in (:products))
                 order by o.allocation_priority desc, o.created_at, o.id""",
                new MapSqlParameterSource("products", productIds), String.class);
    }

    /** An order held for credit, and what it would add to the account's exposure. */
    public record HeldOrder(String orderNumber, BigDecimal netTotal) {
    }

    /** The account's orders on credit hold, in the order they are released: highest allocation priority, then oldest. */
    @Transactional(readOnly = true)
    public List<HeldOrder> heldForCredit(long accountId) {
        return jdbc.query("""
                select order_number, net_total from sales_order where account_id = :account and status = 'CREDIT_HOLD'
                 order by allocation_priority desc, created_at, id""",
                new MapSqlParameterSource("account", accountId),
                (rs, row) -> new HeldOrder(rs.getString("order_number"), rs.getBigDecimal("net_total")));
    }

    /** Net total of the account's open orders (not yet fully invoiced or ended), except one. */
    @Transactional(readOnly = true)
    public BigDecimal openOrdersTotal(long accountId, long exceptOrderId) {
        return orders.openTotal(accountId, exceptOrderId, OrderStatus.OPEN);
    }

    /** Orders placed on these days (in the server's time zone), not rejected or cancelled, with lines and products. */
    @Transactional(readOnly = true)
    public List<SalesOrder> placedBetween(LocalDate from, LocalDate to) {
        return orders.findPlacedBetween(from.atStartOfDay(clock.getZone()).toInstant(),
                to.plusDays(1).atStartOfDay(clock.getZone()).toInstant(), List.of(OrderStatus.REJECTED, OrderStatus.CANCELLED));
    }

    /** Ids of paid orders unchanged since before this instant, after the given id, ascending: candidates for closing. */
    @Transactional(readOnly = true)
    public List<Long> paidUnchangedSince(Instant before, long afterId, int limit) {
        return jdbc.queryForList("""
                select id from sales_order where status = 'PAID' and updated_at < :before and id > :after order by id limit :limit""",
                new MapSqlParameterSource("before", Timestamp.from(before)).addValue("after", afterId).addValue("limit", limit),
                Long.class);
    }
}
