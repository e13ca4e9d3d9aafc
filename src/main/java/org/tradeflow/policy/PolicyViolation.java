package org.tradeflow.policy;

import java.util.List;

/** A broken order-policy rule; {@code lineNo} is null for a rule about the whole order. */
public record PolicyViolation(Integer lineNo, Severity severity, String code, String message, String rule) {

    public boolean blocking() {
        return severity == Severity.BLOCK;
    }

    /** How many lines carry a violation that asks for approval (a line below two floors counts once). */
    public static int linesNeedingApproval(List<PolicyViolation> violations) {
        return (int) violations.stream().filter(v -> v.severity() == Severity.APPROVAL).map(PolicyViolation::lineNo)
                .distinct().count();
    }
}
