package org.tradeflow.allocation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderWorkflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Stock became free (goods arrived, an order was cancelled or asked for less): the orders waiting for these
 * products are woken, highest allocation priority first, once the change is committed. Each wake-up runs in
 * its own transaction, so one order busy elsewhere (a timer firing, a change) cannot undo the stock booking.
 */
@Component
class BackorderWakeUp {

    private static final Logger log = LoggerFactory.getLogger(BackorderWakeUp.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final OrderWorkflow workflow;
    private final OrderLifecycle orders;
    private final TransactionTemplate ownTransaction;

    BackorderWakeUp(NamedParameterJdbcTemplate jdbc, OrderWorkflow workflow, OrderLifecycle orders,
                    PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.orders = orders;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Registers the wake-up for after the caller's commit and returns the list it fills then with the orders
     * that were waiting and were woken, in the order they were woken.
     */
    List<String> afterCommit(Collection<Long> productIds, String why) {
        List<String> woken = new ArrayList<>();
        List<String> waiting = waitingOrders(productIds);
        if (waiting.isEmpty()) {
            return woken;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                for (String orderNumber : waiting) {
                    try {
                        ownTransaction.executeWithoutResult(status -> {
                            if (!workflow.stockArrived(List.of(orderNumber)).isEmpty()) {
                                orders.noteByNumber(orderNumber, "STOCK_ARRIVED", why + "; allocating again");
                                woken.add(orderNumber);
                            }
                        });
                    } catch (RuntimeException busy) {
                        log.warn("Could not wake {} ({}); it will try again on the next stock change", orderNumber, busy.getMessage());
                    }
                }
            }
        });
        return woken;
    }

    /** Orders with units waiting for one of these products, highest priority first, then oldest first. */
    private List<String> waitingOrders(Collection<Long> productIds) {
        return jdbc.queryForList("""
                select o.order_number from sales_order o
                 where o.status in ('BACKORDERED', 'PARTIALLY_SHIPPED')
                   and exists (select 1 from order_line l where l.order_id = o.id and l.product_id in (:products))
                 order by o.allocation_priority desc, o.created_at, o.id""",
                Map.of("products", productIds), String.class);
    }
}
