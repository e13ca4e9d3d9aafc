package org.tradeflow.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.datasource.AbstractDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** While the database hangs or is gone, health says DOWN instead of waiting with the pool. */
@Timeout(60) // a guard against hanging, not a measure of speed
class DatabaseHealthIndicatorTest {

    private final CountDownLatch databaseAnswers = new CountDownLatch(1);

    @AfterEach
    void releaseTheHangingCheck() {
        databaseAnswers.countDown();
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsDownWhileTheConnectionIsStillPending() {
        HangingDataSource hanging = new HangingDataSource(databaseAnswers);
        DatabaseHealthIndicator health = new DatabaseHealthIndicator(hanging);

        Health first = health.health();
        Health second = health.health();

        assertThat(first.getStatus()).isEqualTo(Status.DOWN);
        assertThat(first.getDetails()).containsEntry("error", "no answer within 2 s");
        assertThat(second.getStatus()).isEqualTo(Status.DOWN);
        assertThat(databaseAnswers.getCount()).as("the connection is still pending").isEqualTo(1);
        assertThat(hanging.connectionsAsked.get()).as("a hanging check is waited for, not repeated").isEqualTo(1);
    }

    @Test
    void aDatabaseThatRefusesConnectionsIsDownWithTheReason() {
        DatabaseHealthIndicator health = new DatabaseHealthIndicator(new AbstractDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("Connection to localhost:5432 refused");
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return getConnection();
            }
        });

        Health down = health.health();

        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("error").toString()).contains("refused");
    }

    @Test
    void aDatabaseThatAnswersIsUp() throws SQLException {
        Connection connection = mock(Connection.class);
        when(connection.isValid(2)).thenReturn(true);
        DatabaseHealthIndicator health = new DatabaseHealthIndicator(new AbstractDataSource() {
            @Override
            public Connection getConnection() {
                return connection;
            }

            @Override
            public Connection getConnection(String username, String password) {
                return connection;
            }
        });

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    /** Like a pool waiting for a database that accepts connections but never answers. */
    private static final class HangingDataSource extends AbstractDataSource {

        private final CountDownLatch released;
        private final AtomicInteger connectionsAsked = new AtomicInteger();

        HangingDataSource(CountDownLatch released) {
            this.released = released;
        }

        @Override
        public Connection getConnection() throws SQLException {
            connectionsAsked.incrementAndGet();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SQLException("released by the test");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }
}
