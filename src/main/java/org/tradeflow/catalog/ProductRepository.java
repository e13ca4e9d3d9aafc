package org.tradeflow.catalog;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Collection;
import java.util.List;

public interface ProductRepository extends JpaRepository<Product, Long> {

    List<Product> findBySkuIn(Collection<String> skus);

    /** With their prices, in one query: for pricing and margins. */
    @Query("select p from Product p left join fetch p.prices where p.sku in :skus")
    List<Product> findWithPricesBySkuIn(@Param("skus") Collection<String> skus);

    List<Product> findAllByActiveTrueOrderBySku();

    /** The active catalog with its prices, in one query. */
    @Query("select p from Product p left join fetch p.prices where p.active = true order by p.sku")
    List<Product> findWithPricesAllActive();
}
