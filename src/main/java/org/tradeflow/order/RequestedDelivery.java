package org.tradeflow.order;

import org.tradeflow.business.InvalidInput;

import java.time.LocalDate;

/** A delivery date a customer may ask for: not in the past, and not beyond what anyone plans for. */
public final class RequestedDelivery {

    /** Orders further out are blanket agreements, not orders. */
    public static final int MAX_YEARS_AHEAD = 2;

    private RequestedDelivery() {
    }

    public static void check(String field, LocalDate requested, LocalDate today) {
        if (requested == null) {
            return;
        }
        if (requested.isBefore(today)) {
            throw new InvalidInput(field, "must not be in the past");
        }
        if (requested.isAfter(today.plusYears(MAX_YEARS_AHEAD))) {
            throw new InvalidInput(field, "must be within " + MAX_YEARS_AHEAD + " years from today ("
                    + today.plusYears(MAX_YEARS_AHEAD) + " at the latest)");
        }
    }
}
