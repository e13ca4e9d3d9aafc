package org.tradeflow.rules;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A rule set that went live, as stored under its checksum: what an order carrying that checksum was priced and
 * checked with. {@code wentLiveAt} and {@code wentLiveBy} tell the first time it went live.
 */
public record StoredRuleSet(String checksum, OffsetDateTime wentLiveAt, String wentLiveBy, List<Member> members) {

    /**
     * One DRL text, in compile order: generated from a version of a decision table ({@code table}, {@code version},
     * {@code tableChecksum} of its file), or hand-written in {@code rules/} (those three null).
     */
    public record Member(int position, String sourceName, String table, Integer version, String tableChecksum, String drl) {
    }
}
