package org.tradeflow.allocation;

/** Result of the priority table (global {@code priority}): the first matching row decides. */
public final class PriorityDecision {

    private Integer priority;
    private String rule;

    public void assign(int priority, String rule) {
        if (this.priority == null) {
            this.priority = priority;
            this.rule = rule;
        }
    }

    /** 0 when no row matched. */
    public int priority() {
        return priority == null ? 0 : priority;
    }

    public String rule() {
        return rule;
    }
}
