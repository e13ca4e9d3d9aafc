package org.tradeflow.fulfilment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Warehouses and 3PLs confirm dispatch here; the shipment is then invoiced by its process. */
@RestController
@RequestMapping("/api/v1/shipments")
class ShipmentController {

    private final FulfilmentService fulfilment;

    ShipmentController(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @PostMapping("/{id}/dispatch")
    DispatchedShipment dispatch(@PathVariable long id, @Valid @RequestBody DispatchRequest request) {
        Shipment shipment = fulfilment.dispatch(id, request.carrier(), request.trackingNumber());
        return new DispatchedShipment(shipment.getId(), shipment.getShipmentNumber(), shipment.getOrder().getOrderNumber(),
                shipment.getWarehouse().getCode(), shipment.getStatus(), shipment.getCarrier(),
                shipment.getTrackingNumber(), shipment.getDispatchedAt());
    }

    record DispatchRequest(@NotBlank @Size(max = 64) String carrier, @NotBlank @Size(max = 64) String trackingNumber) {
    }

    record DispatchedShipment(long id, String shipmentNumber, String orderNumber, String warehouse, ShipmentStatus status,
                              String carrier, String trackingNumber, Instant dispatchedAt) {
    }
}
