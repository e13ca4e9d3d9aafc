package org.tradeflow.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the process contract's variables. */
final class ProcessVariables {

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
