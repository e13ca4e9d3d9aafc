package org.tradeflow.fulfilment;

import org.tradeflow.order.OrderLine;
import org.tradeflow.order.SalesOrder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How much of each order line the order's shipments already carry, and what is still open (backordered). */
public record ShipmentPlan(Map<Long, Integer> plannedByLine) {

    public static ShipmentPlan of(List<Shipment> shipments) {
        Map<Long, Integer> planned = new HashMap<>();
        shipments.stream().filter(shipment -> shipment.getStatus() != ShipmentStatus.CANCELLED)
                .flatMap(shipment -> shipment.getLines().stream())
                .forEach(line -> planned.merge(line.getOrderLine().getId(), line.getQuantity(), Integer::sum));
        return new ShipmentPlan(planned);
    }

    /** Units of the line in no shipment and not cancelled. */
    public int openUnits(OrderLine line) {
        return line.getQuantity() - line.getCancelledQuantity() - plannedByLine.getOrDefault(line.getId(), 0);
    }

    public int openUnits(SalesOrder order) {
        return order.getLines().stream().mapToInt(this::openUnits).sum();
    }
}
