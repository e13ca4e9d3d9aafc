package org.tradeflow.rules;

import org.tradeflow.business.NotFound;

/** No rule set went live under a checksum (or not since rule sets are stored, V17). */
public class RuleSetNotFound extends NotFound {

    public RuleSetNotFound(String checksum) {
        super("rule-set.not-found", "No rule set went live with checksum '" + checksum + "'");
    }
}
