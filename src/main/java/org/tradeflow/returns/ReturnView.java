package org.tradeflow.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A return as the API shows it: what was asked, what the table decided, what came back and what was credited. */
public record ReturnView(long id, String rmaNumber, long orderId, String orderNumber, String accountCode, String reasonCode,
                         String comment, ReturnStatus status, Decision decision, String requestedBy, Instant requestedAt,
                         String decidedBy, Instant decidedAt, String decisionComment, String inspectedBy, Instant inspectedAt,
                         String inspectionComment, String closedReason, List<Line> lines, List<String> creditNotes) {

    /** What returns.xlsx decided, and on which row. */
    public record Decision(String rule, int windowDays, int daysSinceDelivery, boolean inspection, boolean approval,
                           BigDecimal restockingFeePercent) {
    }

    public record Line(int lineNo, String sku, int quantity, int received, int restocked, int scrapped, int returnedToVendor,
                       int refused) {
    }

    static ReturnView of(ReturnAuthorisation rma) {
        return new ReturnView(rma.getId(), rma.getRmaNumber(), rma.getOrder().getId(), rma.getOrder().getOrderNumber(),
                rma.getOrder().getAccount().getCode(), rma.getReasonCode(), rma.getComment(), rma.getStatus(),
                new Decision(rma.getRule(), rma.getWindowDays(), rma.getDaysSinceDelivery(), rma.needsInspection(),
                        rma.needsApproval(), ReturnDecision.plain(rma.getRestockingFeePercent())),
                rma.getRequestedBy(), rma.getRequestedAt(), rma.getDecidedBy(), rma.getDecidedAt(), rma.getDecisionComment(),
                rma.getInspectedBy(), rma.getInspectedAt(), rma.getInspectionComment(), rma.getClosedReason(),
                rma.getLines().stream().map(line -> new Line(line.getOrderLine().getLineNo(), line.getOrderLine().getProduct().getSku(),
                        line.getQuantity(), line.getReceived(), line.getRestocked(), line.getScrapped(), line.getReturnedToVendor(),
                        line.getRefused())).toList(),
                List.copyOf(rma.getCreditNotes()));
    }
}
