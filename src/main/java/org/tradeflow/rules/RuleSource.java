package org.tradeflow.rules;

/** One rule file as read from disk: a decision table ({@code .xlsx}) or hand-written DRL. */
record RuleSource(String fileName, byte[] content) {

    boolean isDecisionTable() {
        return fileName.endsWith(".xlsx") || fileName.endsWith(".xls");
    }
}
