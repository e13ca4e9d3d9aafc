package org.tradeflow.integration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Transactional outbox: an event for warehouses, ERPs or webhooks is stored in the same transaction as the
 * change it announces, so it is sent if and only if the change commits. Relaying them is a later capability.
 */
@Component
public class Outbox {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    Outbox(NamedParameterJdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    public void publish(String eventType, String aggregateId, Object payload) {
        try {
            jdbc.update("""
                    insert into outbox_event (event_type, aggregate_id, payload)
                    values (:eventType, :aggregateId, cast(:payload as jsonb))""",
                    new MapSqlParameterSource()
                            .addValue("eventType", eventType)
                            .addValue("aggregateId", aggregateId)
                            .addValue("payload", objectMapper.writeValueAsString(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serialisable: " + eventType, e);
        }
    }
}
