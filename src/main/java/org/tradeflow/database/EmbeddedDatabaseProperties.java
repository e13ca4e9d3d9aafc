package org.tradeflow.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/** Where the embedded PostgreSQL keeps its data when no external database is configured. */
@ConfigurationProperties("tradeflow.database")
public record EmbeddedDatabaseProperties(Path dataDir, int port) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of("data");
        }
    }
}
