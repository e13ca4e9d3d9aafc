package org.tradeflow.fulfilment;

import org.tradeflow.integration.ExternalEvent;

import java.util.List;

/** What a warehouse is told about a shipment: requested, changed or cancelled, with what to pick. */
public record ShipmentAnnouncement(String eventType, String shipmentNumber, String orderNumber, String warehouse,
                                   String shipTo, List<Line> lines) implements ExternalEvent {

    public record Line(String sku, int quantity) {
    }

    static ShipmentAnnouncement of(String eventType, Shipment shipment) {
        return new ShipmentAnnouncement(eventType, shipment.getShipmentNumber(), shipment.getOrder().getOrderNumber(),
                shipment.getWarehouse().getCode(),
                shipment.getShipTo() == null ? shipment.getOrder().getAccount().getCode() : shipment.getShipTo(),
                shipment.getLines().stream()
                        .map(line -> new Line(line.getOrderLine().getProduct().getSku(), line.getQuantity())).toList());
    }

    @Override
    public String aggregateId() {
        return shipmentNumber;
    }
}
