package org.tradeflow.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Warehouses (or the order desk) correct the books after a count. */
@RestController
@Tag(name = "Inventory", description = "Goods receipts and stock counts")
class StockAdjustmentController {

    private final StockAdjustments adjustments;

    StockAdjustmentController(StockAdjustments adjustments) {
        this.adjustments = adjustments;
    }

    @PostMapping("/api/v1/stock-adjustments")
    @Operation(summary = "Correct stock after a count", description = "Positive: more found than booked; negative: fewer.")
    @ApiResponse(responseCode = "201", description = "Booked", content = @Content(schema = @Schema(implementation = StockAdjustments.Adjusted.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ResponseStatus(HttpStatus.CREATED)
    StockAdjustments.Adjusted adjust(@Valid @RequestBody Adjustment adjustment, Authentication caller) {
        return adjustments.adjust(adjustment.warehouseCode(), adjustment.sku(), adjustment.quantity(), adjustment.reason(),
                caller.getName());
    }

    @Schema(example = """
            {"warehouseCode": "WH-DE", "sku": "85123A", "quantity": 2, "reason": "Cycle count"}""")
    record Adjustment(@NotBlank @Size(max = 16) String warehouseCode, @NotBlank @Size(max = 32) String sku,
                      @Min(-1_000_000) @Max(1_000_000) int quantity, @NotBlank @Size(max = 40) String reason) {
    }
}
