package org.tradeflow.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The time zone a person reads deadlines in: their Camunda user's {@code timeZone} info (set in Admin, or by the
 * demo identities), else the installation's ({@code tradeflow.tasks.time-zone}, default the server's).
 */
@Component
class UserTimeZones {

    static final String INFO_KEY = "timeZone";

    private final IdentityService identity;
    private final ZoneId fallback;

    UserTimeZones(IdentityService identity, @Value("${tradeflow.tasks.time-zone:}") String installationZone) {
        this.identity = identity;
        this.fallback = installationZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(installationZone);
    }

    ZoneId of(String userId) {
        String zone = userId == null ? null : identity.getUserInfo(userId, INFO_KEY);
        try {
            return zone == null || zone.isBlank() ? fallback : ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return fallback;
        }
    }
}
