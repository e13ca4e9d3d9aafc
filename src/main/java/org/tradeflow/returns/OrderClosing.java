package org.tradeflow.returns;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.order.OrderLifecycle;
import org.tradeflow.order.OrderQueries;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Closes paid orders once nothing more can happen to them: the longest return window is over (a paid order has
 * been dispatched, so its window started before it was paid) and no return of it is still open. Every night, in
 * batches, each order in a transaction of its own under its lock, so two servers closing at once close each order once.
 */
@Component
class OrderClosing {

    private static final Logger log = LoggerFactory.getLogger(OrderClosing.class);
    private static final int BATCH = 500;
    private static final Set<ReturnStatus> OPEN = EnumSet.of(ReturnStatus.REQUESTED, ReturnStatus.AUTHORISED, ReturnStatus.RECEIVED);

    private final OrderQueries queries;
    private final OrderLifecycle orders;
    private final ReturnRepository returns;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration returnWindow;

    OrderClosing(OrderQueries queries, OrderLifecycle orders, ReturnRepository returns, PlatformTransactionManager transactions,
                 Clock clock, @Value("${tradeflow.orders.close-after:365d}") Duration returnWindow) {
        this.queries = queries;
        this.orders = orders;
        this.returns = returns;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.returnWindow = returnWindow;
    }

    /** Returns how many orders it closed. */
    @Scheduled(cron = "${tradeflow.orders.closing-cron:0 40 2 * * *}")
    int closeSettledOrders() {
        int closed = 0;
        long after = 0;
        List<Long> candidates;
        do {
            candidates = queries.paidUnchangedSince(clock.instant().minus(returnWindow), after, BATCH);
            for (long orderId : candidates) {
                Boolean done = transaction.execute(status -> !returns.existsByOrderIdAndStatusIn(orderId, OPEN)
                        && orders.closeIfPaid(orderId, "Paid, no return open, and the return window of "
                        + returnWindow.toDays() + " days is over: nothing more can happen to it"));
                closed += Boolean.TRUE.equals(done) ? 1 : 0;
                after = orderId;
            }
        } while (candidates.size() == BATCH);
        if (closed > 0) {
            log.info("Closed {} paid orders past their return window", closed);
        }
        return closed;
    }
}
