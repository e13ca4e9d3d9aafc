package org.tradeflow.order;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.audit.AuditTrail;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the order's read model. Shipments and invoices are read with SQL so that the order capability
 * does not depend on fulfilment and invoicing, which depend on it.
 */
@Component
public class OrderQueries {

    private final OrderRepository orders;
    private final NamedParameterJdbcTemplate jdbc;
    private final AuditTrail audit;
    private final OrderProcessProblems processProblems;

    OrderQueries(OrderRepository orders, NamedParameterJdbcTemplate jdbc, AuditTrail audit, OrderProcessProblems processProblems) {
        this.orders = orders;
        this.jdbc = jdbc;
        this.audit = audit;
        this.processProblems = processProblems;
    }

    @Transactional(readOnly = true)
    public OrderView view(SalesOrder order) {
        List<OrderView.Shipment> shipments = shipments(order.getId());
        Map<Integer, Integer> shippedOrPlanned = new HashMap<>();
        shipments.stream().filter(s -> !"CANCELLED".equals(s.status())).flatMap(s -> s.lines().stream())
                .forEach(l -> shippedOrPlanned.merge(l.lineNo(), l.quantity(), Integer::sum));
        List<OrderView.Line> lines = order.getLines().stream()
                .map(l -> new OrderView.Line(l.getLineNo(), l.getProduct().getSku(), l.getProduct().getName(),
                        l.getQuantity(), backordered(order, l, shippedOrPlanned), l.getCancelledQuantity(), l.getShipTo(),
                        l.getUnitPrice(), l.getNetAmount(), l.getPriceSource(), l.getPriceRule(), l.getPriceExplanation()))
                .toList();
        return new OrderView(order.getId(), order.getOrderNumber(), order.getAccount().getCode(),
                order.getAccount().getName(), order.getCustomerPoNumber(), order.getRequestedDeliveryDate(), order.getStatus(), order.getStatusReason(),
                order.getCurrency(), order.getNetTotal(), order.getRuleSetChecksum(), order.getCreatedAt(),
                order.getCreatedBy(), order.getFillPolicy(), order.getMinFillRate(), order.getUrgency(),
                order.getAllocationPriority(), lines, order.policyViolations(), shipments, invoices(order.getId()),
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

    private List<OrderView.Shipment> shipments(long orderId) {
        Map<Long, OrderView.Shipment> shipments = new LinkedHashMap<>();
        jdbc.query("""
                select s.id, s.shipment_number, w.code as warehouse, s.ship_to, s.status, s.carrier, s.tracking_number, s.dispatched_at,
                       ol.line_no, p.sku, sl.quantity
                  from shipment s
                  join warehouse w on w.id = s.warehouse_id
                  left join shipment_line sl on sl.shipment_id = s.id
                  left join order_line ol on ol.id = sl.order_line_id
                  left join product p on p.id = ol.product_id
                 where s.order_id = :orderId
                 order by s.sequence_no, ol.line_no""", new MapSqlParameterSource("orderId", orderId), rs -> {
            OrderView.Shipment shipment = shipments.computeIfAbsent(rs.getLong("id"), id -> {
                try {
                    return new OrderView.Shipment(id, rs.getString("shipment_number"), rs.getString("warehouse"),
                            rs.getString("ship_to"), rs.getString("status"), rs.getString("carrier"), rs.getString("tracking_number"),
                            rs.getObject("dispatched_at", OffsetDateTime.class), new ArrayList<>());
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (rs.getString("sku") != null) { // a cancelled shipment may have lost all its lines to an order change
                shipment.lines().add(new OrderView.ShipmentLine(rs.getInt("line_no"), rs.getString("sku"), rs.getInt("quantity")));
            }
        });
        return List.copyOf(shipments.values());
    }

    private List<OrderView.Invoice> invoices(long orderId) {
        return jdbc.query("""
                select i.invoice_number, s.shipment_number, i.net_total, i.currency, i.issued_on, i.due_on, i.status
                  from invoice i left join shipment s on s.id = i.shipment_id
                 where i.order_id = :orderId order by i.id""", new MapSqlParameterSource("orderId", orderId),
                (rs, row) -> new OrderView.Invoice(rs.getString("invoice_number"), rs.getString("shipment_number"),
                        rs.getBigDecimal("net_total"), rs.getString("currency"), rs.getObject("issued_on", LocalDate.class),
                        rs.getObject("due_on", LocalDate.class), rs.getString("status")));
    }
}
