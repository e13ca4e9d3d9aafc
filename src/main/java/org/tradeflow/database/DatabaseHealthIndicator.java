package org.tradeflow.database;

import jakarta.annotation.PreDestroy;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The database part of {@code /actuator/health}, in place of Spring Boot's ("db"), which waits as long as the
 * pool's connection timeout while the database is down, and forever on a server that accepts connections but
 * never answers. This one says DOWN when the pool gives no working connection within {@link #ANSWER_WITHIN}.
 * The check runs on a thread of its own; while one hangs, later calls wait for it instead of starting more.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator implements HealthIndicator {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    private final DataSource dataSource;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "database-health-check");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Boolean> running;

    DatabaseHealthIndicator(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        try {
            return check().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                    ? Health.up().build()
                    : Health.down().withDetail("error", "the connection is not valid").build();
        } catch (TimeoutException noAnswer) {
            return Health.down().withDetail("error", "no answer within " + ANSWER_WITHIN.toSeconds() + " s").build();
        } catch (ExecutionException failed) {
            return Health.down(failed.getCause() instanceof Exception e ? e : failed).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    private synchronized Future<Boolean> check() {
        if (running == null || running.isDone()) {
            running = checker.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return connection.isValid((int) ANSWER_WITHIN.toSeconds());
                }
            });
        }
        return running;
    }

    @PreDestroy
    void stop() {
        checker.shutdownNow();
    }
}
