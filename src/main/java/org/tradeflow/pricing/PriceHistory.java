package org.tradeflow.pricing;

import java.util.Collection;
import java.util.Map;

/**
 * The last price an account paid per product (for price memory). Implemented by the order module, which
 * owns the confirmed orders; pricing, which orders depend on, only asks.
 */
public interface PriceHistory {

    /** The last price paid per product id, for those of the given products the account bought before. */
    Map<Long, PricingLine.LastPaid> lastPaid(long accountId, String currency, Collection<Long> productIds);
}
