package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the process contract's variables. */
final class ProcessVariables {

    /** Of a request with a process of its own (a price correction, a return): who asked. Four eyes: someone else decides. */
    static final String REQUESTED_BY = "requestedBy";

    private ProcessVariables() {
    }

    static long orderId(VariableScope scope) {
        Object value = scope.getVariable(OrderToCashProcess.Variables.ORDER_ID);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("Process variable orderId is missing or not a number: " + value);
        }
        return number.longValue();
    }

    static String comment(VariableScope scope) {
        Object comment = scope.getVariable(OrderToCashProcess.Variables.DECISION_COMMENT);
        return comment == null || comment.toString().isBlank() ? "no comment" : comment.toString();
    }
}
