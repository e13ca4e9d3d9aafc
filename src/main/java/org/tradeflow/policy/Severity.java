package org.tradeflow.policy;

/** BLOCK stops the order at the order desk; WARN is shown but lets the order go on. */
public enum Severity {
    BLOCK, WARN
}
