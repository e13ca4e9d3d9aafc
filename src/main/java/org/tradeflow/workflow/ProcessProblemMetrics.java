package org.tradeflow.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;
import org.tradeflow.order.OrderProcessProblems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code tradeflow.orders.process.problems}: how many orders have a failing job or an incident in their processes.
 * Read at most every ten seconds, however often the metric is scraped.
 */
@Component
class ProcessProblemMetrics implements MeterBinder {

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final OrderProcessProblems problems;
    private final Clock clock;
    private Instant readAt = Instant.MIN;
    private int count;

    ProcessProblemMetrics(OrderProcessProblems problems, Clock clock) {
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("tradeflow.orders.process.problems", this, ProcessProblemMetrics::ordersWithProblems)
                .description("Orders whose processes have a failing job or an incident")
                .register(registry);
    }

    private synchronized double ordersWithProblems() {
        Instant now = clock.instant();
        if (readAt.plus(FRESH_FOR).isBefore(now)) {
            count = problems.orderNumbers().size();
            readAt = now;
        }
        return count;
    }
}
