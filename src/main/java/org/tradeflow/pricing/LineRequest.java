package org.tradeflow.pricing;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * A requested line: a SKU, a whole number of selling units and, optionally, the account's address it goes to and the
 * unit price the customer expects to pay (its purchase order's price).
 */
public record LineRequest(
        @NotBlank @Size(max = 32) String sku,
        @NotNull @Positive @Max(value = MAX_QUANTITY, message = "must be at most " + MAX_QUANTITY) Integer quantity,
        /** The code of one of the account's delivery addresses; empty = the account's own address and region. */
        @Size(max = 32) String shipTo,
        /** Optional; a price of ours that differs from it is a PRICE_MISMATCH violation, never silently taken either way. */
        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal expectedUnitPrice) {

    public LineRequest(String sku, Integer quantity) {
        this(sku, quantity, null, null);
    }

    public LineRequest(String sku, Integer quantity, String shipTo) {
        this(sku, quantity, shipTo, null);
    }

    /** Far beyond any real B2B line; anything larger is a typo or an attack, not an order. */
    public static final int MAX_QUANTITY = 1_000_000;
}
