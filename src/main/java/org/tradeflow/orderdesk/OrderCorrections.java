package org.tradeflow.orderdesk;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.OrderStatus;
import org.tradeflow.order.SalesOrder;
import org.tradeflow.pricing.LineRequest;
import org.tradeflow.pricing.PricedOrder;
import org.tradeflow.pricing.PricingService;
import org.tradeflow.business.BusinessException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order desk corrects an order on hold (a quantity, a line dropped) instead of only accepting or rejecting it:
 * the remaining lines are priced and checked again by one evaluation, keeping their line numbers, and validation
 * runs next. A correction that cannot be applied as written is refused whole.
 */
@Service
public class OrderCorrections {

    private final OrderLifecycle orders;
    private final PricingService pricing;
    private final Clock clock;

    OrderCorrections(OrderLifecycle orders, PricingService pricing, Clock clock) {
        this.clock = clock;
        this.orders = orders;
        this.pricing = pricing;
    }

    @Transactional
    public void apply(long orderId, String text, String user) {
        SalesOrder order = orders.lock(orderId);
        if (order.getStatus() != OrderStatus.ON_HOLD) {
            throw new InvalidCorrection("Order " + order.getOrderNumber() + " is " + order.getStatus()
                    + "; only an order on hold for exceptions is corrected this way");
        }
        LineCorrections corrections = LineCorrections.parse(text);
        Set<Integer> known = order.getLines().stream().map(OrderLine::getLineNo).collect(Collectors.toSet());
        List<Integer> unknown = corrections.lineNumbers().stream().filter(lineNo -> !known.contains(lineNo)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidCorrection("Order " + order.getOrderNumber() + " has no line " + unknown.stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + " (its lines are 1 to " + order.getLines().size() + ")");
        }
        Set<Integer> dropped = new HashSet<>(corrections.dropped());
        List<LineRequest> requests = new ArrayList<>();
        List<Integer> lineNos = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (OrderLine line : order.getLines()) {
            if (dropped.contains(line.getLineNo())) {
                changes.add("line " + line.getLineNo() + " (" + line.getProduct().getSku() + ") dropped");
                continue;
            }
            Integer quantity = corrections.quantities().get(line.getLineNo());
            if (quantity != null) {
                changes.add("line " + line.getLineNo() + " (" + line.getProduct().getSku() + ") quantity "
                        + line.getQuantity() + " -> " + quantity);
            }
            requests.add(new LineRequest(line.getProduct().getSku(), quantity == null ? line.getQuantity() : quantity,
                    line.getShipTo(), line.getExpectedUnitPrice()));
            lineNos.add(line.getLineNo());
        }
        if (requests.isEmpty()) {
            throw new InvalidCorrection("Dropping every line leaves no order: reject order " + order.getOrderNumber() + " instead");
        }
        PricedOrder priced;
        try {
            priced = pricing.price(order.getAccount().getCode(), order.getCurrency(), requests, lineNos);
        } catch (BusinessException refused) {
            throw new InvalidCorrection("The corrected order cannot be priced: " + refused.getMessage());
        }
        order.correct(priced, dropped, clock.instant());
        orders.note(orderId, "ORDER_CORRECTED", "By " + user + ": " + String.join("; ", changes) + ". Repriced: "
                + priced.netTotal().toPlainString() + " " + priced.currency() + ", rules " + priced.ruleSetChecksum()
                + "; validation runs again");
    }
}
