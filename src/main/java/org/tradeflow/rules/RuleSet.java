package org.tradeflow.rules;

import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;

import java.util.Collection;
import java.util.Map;

/**
 * One compiled, immutable version of all rules. Callers take a RuleSet once per evaluation, so a swap
 * in the middle of an order never mixes two versions.
 */
public final class RuleSet {

    private final KieBase kieBase;
    private final String checksum;
    private final Map<String, String> tableDrl;

    RuleSet(KieBase kieBase, String checksum, Map<String, String> tableDrl) {
        this.kieBase = kieBase;
        this.checksum = checksum;
        this.tableDrl = Map.copyOf(tableDrl);
    }

    /** Runs one stateless session over the facts; the rules write their decisions into the given globals. */
    public void evaluate(Map<String, Object> globals, Collection<?> facts) {
        StatelessKieSession session = kieBase.newStatelessKieSession();
        globals.forEach(session::setGlobal);
        session.execute(facts);
    }

    /** SHA-256 over the file names and bytes of every rule file in this version. */
    public String checksum() {
        return checksum;
    }

    /** The DRL compiled from each decision table, by file name ({@code pricing.xlsx}). */
    Map<String, String> tableDrl() {
        return tableDrl;
    }
}
