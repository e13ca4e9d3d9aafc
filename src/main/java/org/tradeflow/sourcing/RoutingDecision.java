package org.tradeflow.sourcing;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Result of the routing table (global {@code routing}): per line, warehouse codes in order of preference;
 * per warehouse and region, the transit days and carrier.
 */
public final class RoutingDecision {

    private final Map<Integer, List<String>> warehousesByLine = new HashMap<>();
    private final Map<String, Transit> transits = new HashMap<>();

    /** Asks the routing table about these lines (and transit legs) in one evaluation. */
    public static RoutingDecision decide(org.tradeflow.rules.RuleSet rules, List<?> questions) {
        RoutingDecision decision = new RoutingDecision();
        rules.evaluate(Map.of("routing", decision), questions);
        return decision;
    }

    /** A delivery leg: working days in transit and the carrier. */
    public record Transit(int days, String carrier) {
    }

    /** How an order is sourced: ORDER = fewest shipments for the whole order, LINE = each line on its own. */
    public enum Sourcing { ORDER, LINE }

    private final Map<Integer, Sourcing> sourcingByLine = new HashMap<>();

    /** The table is sequential: the first row that matches a line decides it. */
    public void route(RoutingRequest request, String warehouseCodes, String sourcing) {
        if (warehousesByLine.containsKey(request.getLineNo())) {
            return;
        }
        warehousesByLine.put(request.getLineNo(), Arrays.stream(warehouseCodes.split(","))
                .map(String::trim).filter(code -> !code.isEmpty()).toList());
        sourcingByLine.put(request.getLineNo(), Sourcing.valueOf(sourcing.trim()));
    }

    public Sourcing sourcingFor(int lineNo) {
        return sourcingByLine.getOrDefault(lineNo, Sourcing.LINE);
    }

    /** The table is sequential: the first row that matches a warehouse and region decides. */
    public void transit(TransitQuestion question, int days, String carrier) {
        transits.putIfAbsent(question.getWarehouse() + "->" + question.getRegion(), new Transit(days, carrier.trim()));
    }

    public Optional<Transit> transit(String warehouse, String region) {
        return Optional.ofNullable(transits.get(warehouse + "->" + region));
    }

    public List<String> warehousesFor(int lineNo) {
        return warehousesByLine.getOrDefault(lineNo, Collections.emptyList());
    }
}
