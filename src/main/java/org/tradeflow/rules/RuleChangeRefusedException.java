package org.tradeflow.rules;

import org.tradeflow.business.BusinessException.FieldError;
import org.tradeflow.web.ApiProblem;

import java.util.List;

/** A table change that is not activated, with every reason: which sheet, row or cell, and what is wrong. */
public class RuleChangeRefusedException extends Exception {

    private final List<String> problems;

    RuleChangeRefusedException(String table, List<String> problems) {
        super("Change to " + table + " refused: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** The API's answer: 422 with one entry per problem. */
    public ApiProblem asProblem() {
        return ApiProblem.invalid(getMessage(), problems.stream()
                .map(problem -> new FieldError("spreadsheet", problem)).toList());
    }
}
