package org.tradeflow.integration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;

/**
 * Delivers again the events whose listener did not finish (a crash after the commit, a failing listener). Every
 * node runs this, but only the one that holds the advisory lock resubmits, so a publication is delivered again
 * by exactly one node at a time; listeners are idempotent, so a delivery that overlaps a slow first one is
 * harmless. Publications younger than {@code tradeflow.events.redeliver-after} may still be running.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);
    /** Any number that no other advisory lock of Tradeflow uses: "EVNT". */
    private static final long LOCK = 0x45564E54L;

    private final IncompleteEventPublications incomplete;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration redeliverAfter;

    EventRedelivery(IncompleteEventPublications incomplete, JdbcTemplate jdbc, TransactionTemplate transaction,
                    @Value("${tradeflow.events.redeliver-after:PT1M}") Duration redeliverAfter) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.redeliverAfter = redeliverAfter;
    }

    @Scheduled(fixedDelayString = "${tradeflow.events.redelivery-interval:PT30S}", initialDelayString = "${tradeflow.events.redelivery-interval:PT30S}")
    void redeliver() {
        try {
            transaction.executeWithoutResult(status -> {
                if (Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK))) {
                    incomplete.resubmitIncompletePublicationsOlderThan(redeliverAfter);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Could not deliver incomplete events again: {}", e.getMessage());
        }
    }
}
