package org.tradeflow.rules;

import java.util.Comparator;
import java.util.List;

/** The table versions live when a test starts, made live again when it ends, for tests that change the rules. */
record ActiveVersions(RuleSetRegistry rules, List<TableVersion> versions) {

    static ActiveVersions remember(RuleSetRegistry rules) {
        return new ActiveVersions(rules, rules.activeVersions());
    }

    /** Pricing first: while an active pricing version fails its checks or scenarios, no other table can change. */
    void restore() throws Exception {
        for (TableVersion version : versions.stream().sorted(Comparator.comparing(v -> !v.table().equals("pricing"))).toList()) {
            rules.activate(version.table(), version.version(), "test clean-up");
        }
    }
}
