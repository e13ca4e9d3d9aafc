package org.tradeflow.rules;

/** No rule set went live under a checksum (or not since rule sets are stored, V17). */
public class RuleSetNotFound extends RuntimeException {

    public RuleSetNotFound(String checksum) {
        super("No rule set went live with checksum '" + checksum + "'");
    }
}
