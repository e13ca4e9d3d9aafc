package org.tradeflow.rules;

import java.util.List;

/** A rule change that does not compile; each problem names the file, and for tables the sheet and row. */
public class RuleCompilationException extends Exception {

    private final List<String> problems;

    RuleCompilationException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
