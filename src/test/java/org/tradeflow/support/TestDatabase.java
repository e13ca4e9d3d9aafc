package org.tradeflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL for the whole test run: a Testcontainers container where a Docker engine answers,
 * otherwise PostgreSQL binaries from Maven Central (zonky). Never H2, never a mock.
 */
public final class TestDatabase {

    private static String jdbcUrl;
    private static String username;
    private static String password;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (jdbcUrl == null) {
            start();
        }
        return jdbcUrl;
    }

    public static synchronized String username() {
        jdbcUrl();
        return username;
    }

    public static synchronized String password() {
        jdbcUrl();
        return password;
    }

    private static void start() {
        if (dockerAvailable()) {
            // Testcontainers starts PostgreSQL with fsync off (its default command): fine for a throwaway database.
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
            container.start();
            jdbcUrl = container.getJdbcUrl();
            username = container.getUsername();
            password = container.getPassword();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return;
        }
        try {
            // A throwaway database for one test run, so speed over durability, and only here: zonky's test
            // defaults (its -F flag and synchronous_commit off) said out loud. The server's own embedded
            // PostgreSQL (org.tradeflow.database.LocalPostgres) keeps every durability setting on.
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            username = "postgres";
            password = "";
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError noDocker) {
            return false;
        }
    }
}
