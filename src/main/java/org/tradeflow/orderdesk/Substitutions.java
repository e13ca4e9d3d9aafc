package org.tradeflow.orderdesk;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.catalog.Product;
import org.tradeflow.catalog.ProductRepository;
import org.tradeflow.fulfilment.ShipmentPlan;
import org.tradeflow.fulfilment.ShipmentRepository;
import org.tradeflow.sourcing.RoutingDecision;
import org.tradeflow.sourcing.RoutingRequest;
import org.tradeflow.inventory.StockLedger;
import org.tradeflow.inventory.StockLedger.StockKey;
import org.tradeflow.inventory.Warehouse;
import org.tradeflow.inventory.WarehouseRepository;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.OrderWorkflow;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.rules.RuleSetRegistry;
import org.tradeflow.order.OrderStateConflict;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Backordered units whose product has a substitute in the catalog, with enough of it in stock where the
 * routing table would ship it from, may ship as the substitute at the original price: at once when the
 * account agreed in advance, otherwise once the customer says yes (order desk task or API).
 */
@Service
public class Substitutions {

    private final OrderLifecycle orders;
    private final ShipmentRepository shipments;
    private final ProductRepository products;
    private final WarehouseRepository warehouses;
    private final StockLedger ledger;
    private final RuleSetRegistry rules;
    private final OrderWorkflow workflow;
    private final Clock clock;

    Substitutions(OrderLifecycle orders, ShipmentRepository shipments, ProductRepository products,
                  WarehouseRepository warehouses, StockLedger ledger, RuleSetRegistry rules, OrderWorkflow workflow,
                  Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.shipments = shipments;
        this.products = products;
        this.warehouses = warehouses;
        this.ledger = ledger;
        this.rules = rules;
        this.workflow = workflow;
    }

    /** Units of a line that its catalog substitute could replace now. */
    public record Offer(OrderLine line, Product substitute, int units) {
        String describe() {
            return units + " x " + line.getProduct().getSku() + " (line " + line.getLineNo() + ") as "
                    + substitute.getSku() + " " + substitute.getName();
        }
    }

    @Transactional(readOnly = true)
    public boolean available(long orderId) {
        return !offers(orders.get(orderId)).isEmpty();
    }

    @Transactional(readOnly = true)
    public boolean preApproved(long orderId) {
        return orders.get(orderId).getAccount().acceptsSubstitutes();
    }

    /** What the customer is asked, in words. */
    @Transactional(readOnly = true)
    public String proposal(long orderId) {
        return "Backordered, but the catalog substitute is in stock: "
                + offers(orders.get(orderId)).stream().map(Offer::describe).collect(Collectors.joining("; "))
                + ". Ship the substitute at the original price?";
    }

    /** Replaces the backordered units by their substitutes; allocation runs next. */
    @Transactional
    public void substitute(long orderId, String approvedBy) {
        SalesOrder order = orders.lock(orderId);
        for (Offer offer : offers(order)) {
            OrderLine line = order.substitute(offer.line(), offer.substitute(), offer.units(), clock.instant());
            orders.note(orderId, "PRODUCT_SUBSTITUTED", offer.describe() + " on new line " + line.getLineNo()
                    + ", " + approvedBy);
        }
    }

    /** The customer's answer through the API; the order desk's task closes with it. */
    @Transactional
    public void answer(long orderId, boolean accept, String comment, String user) {
        SalesOrder order = orders.get(orderId);
        if (!workflow.substitutionAnswered(order.getOrderNumber(), accept, user + ": " + comment)) {
            throw new OrderStateConflict("No substitution proposal waits for an answer on order " + order.getOrderNumber());
        }
    }

    /**
     * Units that neither stock nor the routing table's warehouses can give of the ordered product, where the
     * catalog substitute has enough: only the shortfall is offered, and never for a line that is itself a
     * substitute or for a discontinued substitute.
     */
    private List<Offer> offers(SalesOrder order) {
        ShipmentPlan plan = ShipmentPlan.of(shipments.findByOrderIdOrderById(order.getId()));
        List<OrderLine> waiting = order.getLines().stream()
                .filter(line -> plan.openUnits(line) > 0 && line.getSubstituteFor() == null
                        && line.getProduct().getSubstituteSku() != null).toList();
        if (waiting.isEmpty()) {
            return List.of();
        }
        Map<String, Product> substitutes = products.findBySkuIn(waiting.stream()
                        .map(line -> line.getProduct().getSubstituteSku()).toList()).stream()
                .filter(product -> product.isActive() && !product.isDiscontinued())
                .collect(Collectors.toMap(Product::getSku, Function.identity()));
        Map<String, Warehouse> byCode = warehouses.byCode();
        List<Long> productIds = new ArrayList<>(substitutes.values().stream().map(Product::getId).toList());
        waiting.forEach(line -> productIds.add(line.getProduct().getId()));
        Map<StockKey, Integer> available = ledger.available(productIds);
        List<Offer> offers = new ArrayList<>();
        for (OrderLine line : waiting) {
            Product substitute = substitutes.get(line.getProduct().getSubstituteSku());
            if (substitute == null) {
                continue;
            }
            String region = order.deliveryRegion(line);
            int shortfall = plan.openUnits(line) - inStock(line.getProduct(), region, line.getLineNo(), byCode, available);
            if (shortfall > 0 && inStock(substitute, region, line.getLineNo(), byCode, available) >= shortfall) {
                offers.add(new Offer(line, substitute, shortfall));
            }
        }
        return offers;
    }

    /** Units of the product free in the warehouses the routing table sends the region to. */
    private int inStock(Product product, String region, int lineNo, Map<String, Warehouse> byCode,
                        Map<StockKey, Integer> available) {
        RoutingDecision routing = RoutingDecision.decide(rules.current(),
                List.of(new RoutingRequest(lineNo, region, product.getCategory(), product.getSku())));
        return routing.warehousesFor(lineNo).stream().filter(byCode::containsKey)
                .mapToInt(code -> available.getOrDefault(new StockKey(byCode.get(code).getId(), product.getId()), 0))
                .sum();
    }
}
