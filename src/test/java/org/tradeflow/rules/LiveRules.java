package org.tradeflow.rules;

import org.tradeflow.rules.DecisionTableInspector.InspectedTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The project's real decision tables and DRL, checked and compiled once for the rule tests, as the server does. */
final class LiveRules {

    private static RuleSet ruleSet;

    private LiveRules() {
    }

    static synchronized RuleSet get() {
        if (ruleSet == null) {
            try {
                List<InspectedTable> tables = new ArrayList<>();
                for (RuleSource table : RuleSetRegistry.read(Path.of("decision-tables"), ".xlsx")) {
                    tables.add(RuleSetRegistry.check(Path.of("rules"), table.fileName().replace(".xlsx", ""), table.content()));
                }
                List<RuleSource> drl = RuleSetRegistry.read(Path.of("rules"), ".drl");
                List<RuleSource> files = new ArrayList<>(tables.stream().map(InspectedTable::source).toList());
                files.addAll(drl);
                ruleSet = new RuleSetCompiler().compile(tables, drl, RuleSetRegistry.checksum(files));
            } catch (RuleChangeRefusedException | RuleCompilationException e) {
                throw new IllegalStateException(e);
            }
        }
        return ruleSet;
    }
}
