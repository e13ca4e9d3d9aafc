package org.tradeflow.rules;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/** Where the analysts' decision tables and the hand-written DRL live, and how often to look for changes. */
@ConfigurationProperties("tradeflow.rules")
public record RulesProperties(Path decisionTablesDir, Path drlDir, Duration reloadInterval) {

    public RulesProperties {
        decisionTablesDir = decisionTablesDir == null ? Path.of("decision-tables") : decisionTablesDir;
        drlDir = drlDir == null ? Path.of("rules") : drlDir;
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(2) : reloadInterval;
    }
}
