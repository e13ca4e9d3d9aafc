package org.tradeflow.operations;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tradeflow.support.DefaultServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database of a running default server crashes: health says DOWN, and callers learn that their credentials
 * cannot be checked right now (503, a problem they may retry) instead of a bare 500 or a wrong 401.
 */
class DatabaseOutageTest {

    @TempDir
    Path dataDir;

    private DefaultServer server;

    @AfterEach
    void stopTheServer() throws Exception {
        if (server != null) {
            server.kill();
            server.cleanUp();
        }
    }

    @Test
    void whileTheDatabaseIsDownHealthIsDownAndCredentialsAreAServiceProblem() throws Exception {
        server = DefaultServer.start(dataDir, DefaultServer.freePort(), "database-outage.log");
        server.awaitUp(Duration.ofMinutes(3));
        assertThat(server.get("/api/v1/accounts", "demo:demo").statusCode()).isEqualTo(200);

        ProcessHandle postgres = server.postmaster().orElseThrow();
        postgres.destroyForcibly();
        postgres.onExit().get(30, TimeUnit.SECONDS);

        await("health DOWN").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> health = server.get("/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"DOWN\"");
        });
        for (String credentials : new String[] {"demo:demo", "demo:wrong"}) {
            HttpResponse<String> refused = server.get("/api/v1/accounts", credentials);
            assertThat(refused.statusCode()).as(credentials).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(server.json(refused).get("status").asInt()).isEqualTo(503);
        }
        HttpResponse<String> anonymous = server.get("/api/v1/accounts", null);
        assertThat(anonymous.statusCode()).as("no credentials need no identity store").isEqualTo(401);
    }
}
