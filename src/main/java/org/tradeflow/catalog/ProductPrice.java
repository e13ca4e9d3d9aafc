package org.tradeflow.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;
import java.util.Optional;

/** A product's list price and unit cost in one currency. */
@Embeddable
public class ProductPrice {

    @Column(name = "list_price", precision = 19, scale = 4)
    private BigDecimal listPrice;
    @Column(name = "unit_cost", precision = 19, scale = 4)
    private BigDecimal unitCost;

    protected ProductPrice() {
    }

    public BigDecimal listPrice() {
        return listPrice;
    }

    public Optional<BigDecimal> unitCost() {
        return Optional.ofNullable(unitCost);
    }
}
