package org.tradeflow.rules;

import java.util.Optional;
import java.util.Set;

/**
 * Runs the scenarios of the tables it knows against a candidate rule set. Implemented next to the facts
 * the tables decide on (pricing, approval, allocation), so this package stays free of them.
 */
public interface ScenarioRunner {

    Set<String> tables();

    /** Empty when the rules give the expected outcome, otherwise what was expected and what came out. */
    Optional<String> run(RuleSet rules, Scenario scenario);
}
