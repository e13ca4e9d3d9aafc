package org.tradeflow.pricing;

import org.tradeflow.business.InCurrency;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.tradeflow.policy.PolicyViolation;

import java.math.BigDecimal;
import java.util.List;

/** The outcome of one rules evaluation over all lines of an order or quote. */
public record PricedOrder(String accountCode, String currency, List<PricedLine> lines, List<PolicyViolation> violations,
                          BigDecimal netTotal, String ruleSetChecksum) implements InCurrency {

    /**
     * {@code quantity} is what will be ordered: the requested quantity unless a rule rounded it up (see violations);
     * {@code expectedUnitPrice} is the customer's price when it gave one.
     */
    public record PricedLine(int lineNo, @JsonIgnore long productId, String sku, String name, int requestedQuantity,
                             int quantity, String shipTo, String shipToRegion, BigDecimal unitPrice,
                             BigDecimal netAmount, PriceSource priceSource, String priceRule, PriceExplanation explanation,
                             BigDecimal expectedUnitPrice) {
    }
}
