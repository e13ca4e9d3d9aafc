package org.tradeflow.rules;

import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One compiled, immutable version of all rules. Callers take a RuleSet once per evaluation, so a swap
 * in the middle of an order never mixes two versions.
 */
public final class RuleSet {

    private final KieBase kieBase;
    private final String checksum;
    private final String filesChecksum;
    private final List<Member> members;

    RuleSet(KieBase kieBase, String checksum, String filesChecksum, List<Member> members) {
        this.kieBase = kieBase;
        this.checksum = checksum;
        this.filesChecksum = filesChecksum;
        this.members = List.copyOf(members);
    }

    /** Runs one stateless session over the facts; the rules write their decisions into the given globals. */
    public void evaluate(Map<String, Object> globals, Collection<?> facts) {
        StatelessKieSession session = kieBase.newStatelessKieSession();
        globals.forEach(session::setGlobal);
        session.execute(facts);
    }

    /**
     * SHA-256 over every member in compile order: its file name, the checksum of the table version it was generated
     * from, and the DRL text that compiled. The DRL a table yields depends on more than its file (the Drools release,
     * the inspector's canonical workbook), so the file alone would not name what decided. Orders keep this checksum;
     * {@link RuleSetRegistry#stored} gives back what it names.
     */
    public String checksum() {
        return checksum;
    }

    /** SHA-256 over the files read (table versions and hand-written DRL): tells whether the stored versions changed. */
    String filesChecksum() {
        return filesChecksum;
    }

    /** What compiled, in order: the DRL generated from each decision table, then the hand-written DRL. */
    List<Member> members() {
        return members;
    }

    /** The DRL compiled from each decision table, by file name ({@code pricing.xlsx}). */
    Map<String, String> tableDrl() {
        Map<String, String> drl = new LinkedHashMap<>();
        members.stream().filter(Member::isTable).forEach(member -> drl.put(member.sourceName(), member.drl()));
        return drl;
    }

    /**
     * One compiled DRL text: generated from a version of a decision table ({@code table} and the SHA-256 of its file
     * set), or a hand-written file of {@code rules/} (both null).
     */
    record Member(String sourceName, String table, String tableChecksum, String drl) {

        boolean isTable() {
            return table != null;
        }
    }
}
