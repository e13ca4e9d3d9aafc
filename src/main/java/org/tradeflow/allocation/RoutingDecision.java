package org.tradeflow.allocation;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Result of the routing table (global {@code routing}): per line, warehouse codes in order of preference. */
public final class RoutingDecision {

    private final Map<Integer, List<String>> warehousesByLine = new HashMap<>();

    /** The table is sequential: the first row that matches a line decides it. */
    public void route(RoutingRequest request, String warehouseCodes) {
        warehousesByLine.computeIfAbsent(request.getLineNo(), no -> Arrays.stream(warehouseCodes.split(","))
                .map(String::trim).filter(code -> !code.isEmpty()).toList());
    }

    public List<String> warehousesFor(int lineNo) {
        return warehousesByLine.getOrDefault(lineNo, Collections.emptyList());
    }
}
