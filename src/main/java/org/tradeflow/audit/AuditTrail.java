package org.tradeflow.audit;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;

/** The append-only audit trail (the table refuses updates and deletes). Written in the caller's transaction. */
@Component
public class AuditTrail {

    /** Who acts when no person does: the job executor running a service task. */
    public static final String SYSTEM = "system";

    private final NamedParameterJdbcTemplate jdbc;

    AuditTrail(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Long orderId, String action, String detail) {
        recordAs(currentActor(), orderId, action, detail);
    }

    public void recordAs(String actor, Long orderId, String action, String detail) {
        jdbc.update("insert into audit_event (actor, order_id, action, detail) values (:actor, :orderId, :action, :detail)",
                new MapSqlParameterSource()
                        .addValue("actor", actor)
                        .addValue("orderId", orderId)
                        .addValue("action", action)
                        .addValue("detail", detail.length() > 4000 ? detail.substring(0, 3997) + "..." : detail));
    }

    public List<AuditEntry> forOrder(long orderId) {
        return jdbc.query("select occurred_at, actor, action, detail from audit_event where order_id = :orderId order by id",
                new MapSqlParameterSource("orderId", orderId),
                (rs, row) -> new AuditEntry(rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail")));
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() ? authentication.getName() : SYSTEM;
    }

    public record AuditEntry(OffsetDateTime at, String actor, String action, String detail) {
    }
}
