package org.tradeflow.availability;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Available-to-promise for sales desks, webshops and dealer portals. */
@RestController
@RequestMapping("/api/v1/availability")
@Tag(name = "Availability", description = "Available to promise, by warehouse")
class AvailabilityController {

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    @GetMapping
    @Operation(summary = "Check availability", description = "Stock now and expected supply per warehouse that serves the region.")
    @ApiResponse(responseCode = "200", description = "Availability per warehouse", content = @Content(schema = @Schema(implementation = Availability.class)))
    Availability check(@Parameter(example = "85123A") @RequestParam @NotBlank @Size(max = 64) String sku,
                       @Parameter(example = "24") @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int quantity,
                       @RequestParam(required = false) @Size(max = 32) String region,
                       @Parameter(description = "Whose region to use when no region is given", example = "ACME-DE") @RequestParam(required = false) @Size(max = 32) String accountCode) {
        return availability.check(sku, quantity, region, accountCode);
    }
}
