package org.tradeflow.pricing;

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
class PriceQuoteController {

    private final PricingService pricing;

    PriceQuoteController(PricingService pricing) {
        this.pricing = pricing;
    }

    @PostMapping
    PricedOrder quote(@Valid @RequestBody QuoteRequest request) {
        return pricing.price(request.accountCode(), request.currency(), request.lines());
    }

    record QuoteRequest(@NotBlank @Size(max = 32) String accountCode,
                        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO currency code such as EUR") String currency,
                        @NotEmpty @Size(max = 5000) List<@NotNull @Valid LineRequest> lines) {
    }
}
