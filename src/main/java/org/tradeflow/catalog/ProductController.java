package org.tradeflow.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.List;

@RestController
@RequestMapping("/api/v1/products")
@Tag(name = "Catalog", description = "Products and list prices")
class ProductController {

    private final ProductRepository products;

    ProductController(ProductRepository products) {
        this.products = products;
    }

    /** The active catalog with list prices in one currency (EUR unless asked otherwise). */
    @GetMapping
    @Operation(summary = "List the active catalog")
    @ApiResponse(responseCode = "200", description = "The products, by SKU", content = @Content(array = @ArraySchema(schema = @Schema(implementation = ProductView.class))))
    List<ProductView> list(@Parameter(example = "EUR") @RequestParam(defaultValue = "EUR") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO currency code such as EUR") String currency) {
        return products.findWithPricesAllActive().stream()
                .map(p -> new ProductView(p.getSku(), p.getName(), p.getCategory(), p.getPackSize(),
                        p.listPrice(currency).orElse(null), currency, p.isDiscontinued(), p.getSubstituteSku()))
                .toList();
    }

    record ProductView(String sku, String name, String category, int packSize, BigDecimal listPrice, String currency,
                       boolean discontinued, String substituteSku) implements org.tradeflow.business.InCurrency {
    }
}
