package org.tradeflow.order;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** What is wrong with orders' processes right now: failing jobs and incidents. Implemented in {@code workflow}. */
public interface OrderProcessProblems {

    /** A step of an order's process (or of one of its shipments') that fails; {@code incident} once its retries ran out. */
    record ProcessProblem(String processKey, String activity, String message, int retriesLeft, boolean incident,
                          Instant since) {
    }

    /** The problems of the order's process and its shipments' processes; empty when all is well. */
    List<ProcessProblem> of(String orderNumber);

    /** The numbers of the orders whose processes have a failing job or an incident. */
    Set<String> orderNumbers();
}
