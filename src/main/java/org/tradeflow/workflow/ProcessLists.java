package org.tradeflow.workflow;

import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * Lists for multi-instance activities, built from comma-separated string variables (Java serialization of
 * process variables is off): {@code ${processLists.of(newShipments)}}.
 */
@Component
public class ProcessLists {

    public List<String> of(String commaSeparated) {
        return commaSeparated == null ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
