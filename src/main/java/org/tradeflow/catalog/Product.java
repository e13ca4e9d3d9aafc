package org.tradeflow.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A sellable item; quantities are counted in its selling unit and ordered in multiples of its pack size. */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String sku;
    private String name;
    private String category;
    private int packSize;
    private boolean active;
    private boolean discontinued;
    private String substituteSku;
    /** STANDARD, REDUCED, ZERO or EXEMPT: which tax rate of tax.xlsx applies where it is delivered. */
    private String taxCategory;

    /**
     * Read only where prices are needed, with the products ({@code findWithPrices*}); anything else that touches them
     * loads them for up to a hundred products at once, never one query per product.
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @BatchSize(size = 100)
    @CollectionTable(name = "product_price", joinColumns = @JoinColumn(name = "product_id"))
    @MapKeyColumn(name = "currency")
    private Map<String, ProductPrice> prices = new HashMap<>();

    protected Product() {
    }

    public Long getId() { return id; }
    public String getSku() { return sku; }
    public String getName() { return name; }
    public String getCategory() { return category; }
    public int getPackSize() { return packSize; }
    public boolean isActive() { return active; }
    public boolean isDiscontinued() { return discontinued; }
    public String getSubstituteSku() { return substituteSku; }
    public String getTaxCategory() { return taxCategory; }

    public Optional<BigDecimal> listPrice(String currency) {
        return Optional.ofNullable(prices.get(currency)).map(ProductPrice::listPrice);
    }

    public Optional<BigDecimal> unitCost(String currency) {
        return Optional.ofNullable(prices.get(currency)).flatMap(ProductPrice::unitCost);
    }
}
