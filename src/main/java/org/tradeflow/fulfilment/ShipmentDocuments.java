package org.tradeflow.fulfilment;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.order.OrderDocuments;
import org.tradeflow.order.OrderView;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/** The order's shipments as the order view shows them. */
@Component
class ShipmentDocuments implements OrderDocuments.Shipments {

    private final ShipmentRepository shipments;

    ShipmentDocuments(ShipmentRepository shipments) {
        this.shipments = shipments;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OrderView.Shipment> ofOrder(long orderId) {
        return shipments.findWithLinesByOrderId(orderId).stream().map(s -> new OrderView.Shipment(s.getId(),
                s.getShipmentNumber(), s.getWarehouse().getCode(), s.getShipTo(), s.getStatus().name(), s.getCarrier(),
                s.getTrackingNumber(), s.getDispatchedAt() == null ? null : s.getDispatchedAt().atOffset(ZoneOffset.UTC),
                s.getLines().stream()
                        .sorted(Comparator.comparingInt(l -> l.getOrderLine().getLineNo()))
                        .map(l -> new OrderView.ShipmentLine(l.getOrderLine().getLineNo(), l.getOrderLine().getProduct().getSku(),
                                l.getQuantity()))
                        .toList())).toList();
    }
}
