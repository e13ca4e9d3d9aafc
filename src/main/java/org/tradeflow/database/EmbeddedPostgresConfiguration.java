package org.tradeflow.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.io.IOException;

/**
 * Starts a real PostgreSQL from Maven-shipped binaries when no {@code spring.datasource.url} is set, so the
 * server runs on a machine with only a JDK. Data survives restarts under {@code tradeflow.database.data-dir}.
 * <p>
 * Shutdown runs in dependency order: the engine and everything else using the pool close first, then the
 * pool, and PostgreSQL stops last, because it is the pool's dependency.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoExternalDatabase.class)
class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    LocalPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        return LocalPostgres.start(properties.dataDir(), properties.port());
    }

    /** The same {@code spring.datasource.hikari.*} settings (timeouts) apply as to an external database. */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(LocalPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.jdbcUrl());
        dataSource.setUsername(postgres.username());
        dataSource.setPassword(postgres.password());
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    static final class NoExternalDatabase implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
