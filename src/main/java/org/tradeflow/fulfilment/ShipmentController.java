package org.tradeflow.fulfilment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Warehouses and 3PLs confirm dispatch here; the shipment is then invoiced by its process. Returned goods are booked against an RMA (returns). */
@RestController
@RequestMapping("/api/v1/shipments")
@Tag(name = "Fulfilment", description = "Warehouses confirm dispatches")
class ShipmentController {

    private final FulfilmentService fulfilment;

    ShipmentController(FulfilmentService fulfilment) {
        this.fulfilment = fulfilment;
    }

    @PostMapping("/{id}/dispatch")
    @Operation(summary = "Confirm a shipment's dispatch", description = "Takes the goods out of stock; the shipment is then invoiced.")
    @ApiResponse(responseCode = "200", description = "The dispatched shipment", content = @Content(schema = @Schema(implementation = DispatchedShipment.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    DispatchedShipment dispatch(@PathVariable long id, @Valid @RequestBody DispatchRequest request) {
        Shipment shipment = fulfilment.dispatch(id, request.carrier(), request.trackingNumber());
        return new DispatchedShipment(shipment.getId(), shipment.getShipmentNumber(), shipment.getOrder().getOrderNumber(),
                shipment.getWarehouse().getCode(), shipment.getStatus(), shipment.getCarrier(),
                shipment.getTrackingNumber(), shipment.getDispatchedAt());
    }

    @Schema(example = """
            {"carrier": "DHL", "trackingNumber": "JD014600003456789012"}""")
    record DispatchRequest(@NotBlank @Size(max = 64) String carrier, @NotBlank @Size(max = 64) String trackingNumber) {
    }

    record DispatchedShipment(long id, String shipmentNumber, String orderNumber, String warehouse, ShipmentStatus status,
                              String carrier, String trackingNumber, Instant dispatchedAt) {
    }
}
