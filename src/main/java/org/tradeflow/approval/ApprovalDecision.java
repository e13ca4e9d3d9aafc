package org.tradeflow.approval;

/**
 * Result of the approval table (global {@code approval}). The first matching row wins: the table is
 * sequential, so analysts order rows from the most to the least specific.
 */
public final class ApprovalDecision {

    private String approverGroup;
    private int dueInHours;
    private String reason;
    private String rule;

    public void require(String approverGroup, int dueInHours, String reason, String rule) {
        if (this.approverGroup == null) {
            this.approverGroup = approverGroup.trim();
            this.dueInHours = dueInHours;
            this.reason = reason;
            this.rule = rule;
        }
    }

    public boolean required() { return approverGroup != null; }
    public String approverGroup() { return approverGroup; }
    public int dueInHours() { return dueInHours; }
    public String reason() { return reason; }
    public String rule() { return rule; }
}
