package org.tradeflow.availability;

import java.time.LocalDate;
import java.util.List;

/** What can be promised for a quantity of one SKU to one region, per warehouse in the routing table's order. */
public record Availability(String sku, int quantity, String region, List<WarehouseOption> warehouses) {

    /**
     * One warehouse that serves the region. {@code promisedDelivery} is null when neither stock nor expected
     * supply covers the quantity there.
     */
    public record WarehouseOption(String warehouse, String kind, int preference, int availableNow,
                                  List<Supply> incoming, int transitDays, String carrier, String cutOff,
                                  LocalDate goodsReadyOn, LocalDate promisedDelivery, String basis) {
    }

    /** Supply expected in the warehouse, and what will be available once it has arrived. */
    public record Supply(LocalDate expectedOn, int quantity, String reference, int availableThen) {
    }
}
