package org.tradeflow.catalog;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

public interface ProductRepository extends JpaRepository<Product, Long> {

    List<Product> findBySkuIn(Collection<String> skus);

    /** With their prices, in one query: for pricing. */
    @Query("select p from Product p left join fetch p.prices where p.sku in :skus")
    List<Product> findWithPricesBySkuIn(@Param("skus") Collection<String> skus);

    List<Product> findAllByActiveTrueOrderBySku();

    /** The active catalog with its prices, in one query. */
    @Query("select p from Product p left join fetch p.prices where p.active = true order by p.sku")
    List<Product> findWithPricesAllActive();

    /** What a unit of each SKU costs us in the currency (one query, however many SKUs); SKUs without a known cost are left out. */
    @org.springframework.data.jpa.repository.Query(nativeQuery = true, value = """
            select p.sku, pp.unit_cost from product p join product_price pp on pp.product_id = p.id
            where pp.currency = :currency and pp.unit_cost is not null and p.sku in (:skus)""")
    List<Object[]> unitCosts(@org.springframework.data.repository.query.Param("currency") String currency,
                             @org.springframework.data.repository.query.Param("skus") Collection<String> skus);
}
