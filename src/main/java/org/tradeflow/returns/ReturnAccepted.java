package org.tradeflow.returns;

import java.math.BigDecimal;
import java.util.List;

/**
 * Goods of an RMA were inspected and accepted: invoicing credits the accepted quantities at the order's prices and
 * tax, minus the restocking fee (0 when none). Lines with nothing accepted are left out.
 */
public record ReturnAccepted(String rmaNumber, long orderId, String reasonCode, BigDecimal restockingFeePercent,
                             List<Line> lines) {

    public ReturnAccepted {
        lines = List.copyOf(lines);
    }

    public record Line(long orderLineId, int quantity) {
    }
}
