package org.tradeflow.rules;

import java.nio.file.Path;

/** The project's real decision tables and DRL, compiled once for the rule tests. */
final class LiveRules {

    private static RuleSet ruleSet;

    private LiveRules() {
    }

    static synchronized RuleSet get() {
        if (ruleSet == null) {
            try {
                ruleSet = new RuleSetRegistry(new RulesProperties(Path.of("decision-tables"), Path.of("rules"), null),
                        new RuleSetCompiler()).current();
            } catch (RuleCompilationException e) {
                throw new IllegalStateException(e);
            }
        }
        return ruleSet;
    }
}
