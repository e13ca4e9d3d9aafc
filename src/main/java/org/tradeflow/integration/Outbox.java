package org.tradeflow.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Transactional outbox: every {@link ExternalEvent} published as an application event is stored in the same
 * transaction as the change it announces, so it is sent if and only if the change commits. Relaying them is a
 * later capability.
 */
@Component
class Outbox {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    Outbox(NamedParameterJdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @EventListener
    void record(ExternalEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException(event.eventType() + " published outside a transaction: it would be announced without its change");
        }
        try {
            jdbc.update("""
                    insert into outbox_event (event_type, aggregate_id, payload)
                    values (:eventType, :aggregateId, cast(:payload as jsonb))""",
                    new MapSqlParameterSource()
                            .addValue("eventType", event.eventType())
                            .addValue("aggregateId", event.aggregateId())
                            .addValue("payload", objectMapper.writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serialisable: " + event.eventType(), e);
        }
    }
}
