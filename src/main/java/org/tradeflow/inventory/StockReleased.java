package org.tradeflow.inventory;

import java.util.List;

/** Reserved stock of these products became free again (a cancellation, an order asking for less). */
public record StockReleased(List<Long> productIds, String why) {
}
