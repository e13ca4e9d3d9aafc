package org.tradeflow.pricing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Prices lines for an account without creating anything. */
@RestController
@RequestMapping("/api/v1/price-quotes")
@Tag(name = "Pricing", description = "Prices as an order would get them, without ordering")
class PriceQuoteController {

    private final PricingService pricing;

    PriceQuoteController(PricingService pricing) {
        this.pricing = pricing;
    }

    @PostMapping
    @Operation(summary = "Quote prices", description = "Prices the lines with the live rules, with the rule and explanation behind each price.")
    @ApiResponse(responseCode = "200", description = "The priced lines and total", content = @Content(schema = @Schema(implementation = PricedOrder.class)))
    PricedOrder quote(@Valid @RequestBody QuoteRequest request) {
        return pricing.price(request.accountCode(), request.currency(), request.lines());
    }

    @Schema(example = """
            {"accountCode": "ACME-DE", "lines": [{"sku": "85123A", "quantity": 24}]}""")
    record QuoteRequest(@NotBlank @Size(max = 32) String accountCode,
                        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO currency code such as EUR") String currency,
                        @NotEmpty @Size(max = 5000) List<@NotNull @Valid LineRequest> lines) {
    }
}
