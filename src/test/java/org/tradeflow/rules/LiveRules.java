package org.tradeflow.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The project's real decision tables and DRL, compiled once for the rule tests. */
final class LiveRules {

    private static RuleSet ruleSet;

    private LiveRules() {
    }

    static synchronized RuleSet get() {
        if (ruleSet == null) {
            List<RuleSource> sources = new ArrayList<>(RuleSetRegistry.read(Path.of("decision-tables"), ".xlsx"));
            sources.addAll(RuleSetRegistry.read(Path.of("rules"), ".drl"));
            try {
                ruleSet = new RuleSetCompiler().compile(sources, RuleSetRegistry.checksum(sources));
            } catch (RuleCompilationException e) {
                throw new IllegalStateException(e);
            }
        }
        return ruleSet;
    }
}
