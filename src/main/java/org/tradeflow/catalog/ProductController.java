package org.tradeflow.catalog;

import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

@RestController
@RequestMapping("/api/v1/products")
class ProductController {

    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    /** The active catalog with list prices in one currency (EUR unless asked otherwise). */
    @GetMapping
    List<ProductView> list(@RequestParam(defaultValue = "EUR") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO currency code such as EUR") String currency) {
        return products.findAllByActiveTrueOrderBySku().stream()
                .map(p -> new ProductView(p.getSku(), p.getName(), p.getCategory(), p.getPackSize(),
                        p.listPrice(currency).orElse(null), currency, p.isDiscontinued(), p.getSubstituteSku()))
                .toList();
    }

    record ProductView(String sku, String name, String category, int packSize, BigDecimal listPrice, String currency,
                       boolean discontinued, String substituteSku) implements org.tradeflow.business.InCurrency {
    }
}
