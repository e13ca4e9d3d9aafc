package org.tradeflow.orderdesk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.inventory.StockReceived;
import org.tradeflow.inventory.StockReleased;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderQueries;
import org.tradeflow.order.OrderWorkflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Stock became free (goods arrived, an order was cancelled or asked for less): the orders waiting for these
 * products are woken, highest allocation priority first. The events are stored with the change that raised
 * them and handled after its commit; a crash or a failure leaves the publication incomplete and it is
 * delivered again ({@code integration/EventRedelivery}). Waking is idempotent: an order no longer waiting is
 * not woken twice. Each wake-up runs in its own transaction, so one order busy elsewhere (a timer firing, a
 * change) does not hold back the others; it fails the publication, which is then delivered again.
 */
@Component
class BackorderWakeUp {

    private static final Logger log = LoggerFactory.getLogger(BackorderWakeUp.class);

    private final OrderQueries orderQueries;
    private final OrderWorkflow workflow;
    private final OrderLifecycle orders;
    private final TransactionTemplate ownTransaction;

    BackorderWakeUp(OrderQueries orderQueries, OrderWorkflow workflow, OrderLifecycle orders,
                    PlatformTransactionManager transactions) {
        this.orderQueries = orderQueries;
        this.workflow = workflow;
        this.orders = orders;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @ApplicationModuleListener(id = "backorder-wake-up/stock-received")
    void stockReceived(StockReceived received) {
        wake(received.productIds(), "Receipt " + received.reference() + " in " + received.warehouseCode()
                + " booked by " + received.bookedBy());
    }

    @ApplicationModuleListener(id = "backorder-wake-up/stock-released")
    void stockReleased(StockReleased released) {
        wake(released.productIds(), released.why());
    }

    private void wake(Collection<Long> productIds, String why) {
        List<String> busy = new ArrayList<>();
        for (String orderNumber : orderQueries.waitingFor(productIds)) {
            try {
                ownTransaction.executeWithoutResult(status -> {
                    if (!workflow.stockArrived(List.of(orderNumber)).isEmpty()) {
                        orders.noteByNumber(orderNumber, "STOCK_ARRIVED", why + "; allocating again");
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Could not wake {} ({}); the event is delivered again", orderNumber, e.getMessage());
                busy.add(orderNumber);
            }
        }
        if (!busy.isEmpty()) {
            throw new IllegalStateException("Orders " + busy + " could not be woken now: " + why);
        }
    }
}
