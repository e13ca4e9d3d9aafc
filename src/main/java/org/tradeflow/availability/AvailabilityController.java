package org.tradeflow.availability;

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
class AvailabilityController {

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    @GetMapping
    Availability check(@RequestParam @NotBlank @Size(max = 64) String sku,
                       @RequestParam(defaultValue = "1") @Min(1) @Max(1_000_000) int quantity,
                       @RequestParam(required = false) @Size(max = 32) String region,
                       @RequestParam(required = false) @Size(max = 32) String accountCode) {
        return availability.check(sku, quantity, region, accountCode);
    }
}
