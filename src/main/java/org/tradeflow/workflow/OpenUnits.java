package org.tradeflow.workflow;

import org.springframework.stereotype.Component;
import org.tradeflow.allocation.AllocationService;

/**
 * Read live by the process after its shipments are done ({@code ${openUnits.of(orderId)}}): an order change
 * may have cancelled the units the last allocation left waiting.
 */
@Component
public class OpenUnits {

    private final AllocationService allocation;

    OpenUnits(AllocationService allocation) {
        this.allocation = allocation;
    }

    public int of(Object orderId) {
        return allocation.openUnits(((Number) orderId).longValue());
    }
}
