package org.tradeflow.pricing;

import org.tradeflow.business.InvalidInput;

import java.util.List;

/** Lines that cannot be priced: unknown or withdrawn SKUs, no price in the currency, unknown delivery addresses. */
public class InvalidOrderLine extends InvalidInput {

    public InvalidOrderLine(List<FieldError> errors) {
        super("order.invalid-line", errors);
    }
}
