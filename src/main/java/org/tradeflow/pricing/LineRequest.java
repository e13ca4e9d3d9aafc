package org.tradeflow.pricing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A requested line: a SKU, a whole number of selling units and, optionally, the account's address it goes to. */
public record LineRequest(
        @NotBlank @Size(max = 32) String sku,
        @NotNull @Positive @Max(value = MAX_QUANTITY, message = "must be at most " + MAX_QUANTITY) Integer quantity,
        /** The code of one of the account's delivery addresses; empty = the account's own address and region. */
        @Size(max = 32) String shipTo) {

    public LineRequest(String sku, Integer quantity) {
        this(sku, quantity, null);
    }

    /** Far beyond any real B2B line; anything larger is a typo or an attack, not an order. */
    public static final int MAX_QUANTITY = 1_000_000;
}
