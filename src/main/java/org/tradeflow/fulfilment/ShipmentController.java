package org.tradeflow.fulfilment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Warehouses and 3PLs confirm dispatch here (the shipment is then invoiced by its process) and book returned goods. */
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

    /** Returned goods back into stock; the answer says how many more may still come back. */
    @PostMapping("/{id}/returns")
    @ResponseStatus(HttpStatus.CREATED)
    ReturnedGoods receiveReturn(@PathVariable long id, @Valid @RequestBody ReturnRequest request, Authentication caller) {
        int stillReturnable = fulfilment.receiveReturn(id, request.sku(), request.quantity(), request.reason(), caller.getName());
        return new ReturnedGoods(request.sku(), request.quantity(), stillReturnable);
    }

    record ReturnRequest(@NotBlank @Size(max = 32) String sku, @Min(1) @Max(1_000_000) int quantity,
                         @NotBlank @Size(max = 40) String reason) {
    }

    record ReturnedGoods(String sku, int returned, int stillReturnable) {
    }

    record DispatchRequest(@NotBlank @Size(max = 64) String carrier, @NotBlank @Size(max = 64) String trackingNumber) {
    }

    record DispatchedShipment(long id, String shipmentNumber, String orderNumber, String warehouse, ShipmentStatus status,
                              String carrier, String trackingNumber, Instant dispatchedAt) {
    }
}
