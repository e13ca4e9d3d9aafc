package org.tradeflow.policy;

/** A broken order-policy rule; {@code lineNo} is null for a rule about the whole order. */
public record PolicyViolation(Integer lineNo, Severity severity, String code, String message, String rule) {

    public boolean blocking() {
        return severity == Severity.BLOCK;
    }
}
