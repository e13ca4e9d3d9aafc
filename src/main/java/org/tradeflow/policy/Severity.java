package org.tradeflow.policy;

/**
 * BLOCK stops the order at the order desk; APPROVAL lets it go on but makes the approval table ask a person
 * (a price below the margin floor); WARN is shown and lets the order go on; CORRECTED says what the rules
 * changed on the line (a quantity rounded up to the minimum or to whole packs) so the customer is told.
 */
public enum Severity {
    BLOCK, APPROVAL, WARN, CORRECTED
}
