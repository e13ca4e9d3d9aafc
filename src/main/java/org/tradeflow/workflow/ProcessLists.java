package org.tradeflow.workflow;

import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * Only for instances of the first order-to-cash model (the current one loops over a shipment count); remove once
 * no v1 instance runs. Lists for multi-instance activities, built from comma-separated string variables (Java serialization of
 * process variables is off): {@code ${processLists.of(newShipments)}}.
 */
@Component
public class ProcessLists {

    public List<String> of(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
