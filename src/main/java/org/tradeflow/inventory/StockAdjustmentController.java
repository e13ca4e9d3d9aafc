package org.tradeflow.inventory;

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
class StockAdjustmentController {

    private final StockAdjustments adjustments;

    StockAdjustmentController(StockAdjustments adjustments) {
        this.adjustments = adjustments;
    }

    @PostMapping("/api/v1/stock-adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    StockAdjustments.Adjusted adjust(@Valid @RequestBody Adjustment adjustment, Authentication caller) {
        return adjustments.adjust(adjustment.warehouseCode(), adjustment.sku(), adjustment.quantity(), adjustment.reason(),
                caller.getName());
    }

    record Adjustment(@NotBlank @Size(max = 16) String warehouseCode, @NotBlank @Size(max = 32) String sku,
                      @Min(-1_000_000) @Max(1_000_000) int quantity, @NotBlank @Size(max = 40) String reason) {
    }
}
