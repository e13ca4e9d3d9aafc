package org.tradeflow.inventory;

import java.util.List;

/** Goods were booked into a warehouse; published in the receipt's transaction. */
public record StockReceived(String warehouseCode, String reference, List<Long> productIds, String bookedBy) {
}
