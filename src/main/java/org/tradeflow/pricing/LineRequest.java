package org.tradeflow.pricing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A requested line: a SKU and a whole number of selling units. */
public record LineRequest(
        @NotBlank @Size(max = 32) String sku,
        @NotNull @Positive @Max(value = MAX_QUANTITY, message = "must be at most " + MAX_QUANTITY) Integer quantity) {

    /** Far beyond any real B2B line; anything larger is a typo or an attack, not an order. */
    public static final int MAX_QUANTITY = 1_000_000;
}
