package org.tradeflow.returns;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.tradeflow.business.StateConflict;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.SalesOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A customer's request to send goods of an order back, with what returns.xlsx decided about it, its RMA number once
 * authorised, the goods booked back against it and the credit notes it issued.
 */
@Entity
@Table(name = "return_authorisation")
class ReturnAuthorisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String rmaNumber;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    private SalesOrder order;
    private String reasonCode;
    private String comment;
    @Enumerated(EnumType.STRING)
    private ReturnStatus status;
    private String rule;
    private int windowDays;
    private int daysSinceDelivery;
    private boolean needsInspection;
    private boolean needsApproval;
    @Column(precision = 7, scale = 4)
    private BigDecimal restockingFeePercent;
    private String requestedBy;
    private Instant requestedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionComment;
    private String inspectedBy;
    private Instant inspectedAt;
    private String inspectionComment;
    private String closedReason;
    @OneToMany(mappedBy = "authorisation", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<ReturnLine> lines = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "return_credit_note", joinColumns = @JoinColumn(name = "return_id"))
    @Column(name = "invoice_number")
    private Set<String> creditNotes = new LinkedHashSet<>();

    protected ReturnAuthorisation() {
    }

    ReturnAuthorisation(SalesOrder order, String reasonCode, String comment, ReturnDecision decision, int daysSinceDelivery,
                        String requestedBy, Instant requestedAt) {
        this.order = order;
        this.reasonCode = reasonCode;
        this.comment = comment;
        this.rule = decision.rule();
        this.windowDays = decision.windowDays();
        this.daysSinceDelivery = daysSinceDelivery;
        this.needsInspection = decision.needsInspection();
        this.needsApproval = decision.needsApproval();
        this.restockingFeePercent = decision.restockingFeePercent();
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = ReturnStatus.REQUESTED;
    }

    ReturnLine add(OrderLine orderLine, int quantity) {
        ReturnLine line = new ReturnLine(this, orderLine, quantity);
        lines.add(line);
        return line;
    }

    /** Approved, or needing no approval: the return gets its RMA number (from its id, so once saved). */
    void authorise(String by, String comment, Instant at) {
        expect(ReturnStatus.REQUESTED, "authorised");
        status = ReturnStatus.AUTHORISED;
        rmaNumber = "RMA-" + at.atZone(ZoneOffset.UTC).getYear() + "-" + String.format("%06d", id);
        decided(by, comment, at);
    }

    void reject(String by, String comment, Instant at) {
        expect(ReturnStatus.REQUESTED, "rejected");
        status = ReturnStatus.REJECTED;
        decided(by, comment, at);
    }

    private void decided(String by, String comment, Instant at) {
        decidedBy = by;
        decisionComment = comment;
        decidedAt = at;
    }

    /** No more goods will come back: what arrived waits for inspection or credit, or there is nothing to do. */
    void receiptClosed(String reasonWhenNothingCame) {
        expect(ReturnStatus.AUTHORISED, "closed for receipt");
        if (lines.stream().anyMatch(line -> line.getReceived() > 0)) {
            status = ReturnStatus.RECEIVED;
        } else {
            close(reasonWhenNothingCame);
        }
    }

    boolean fullyReceived() {
        return lines.stream().allMatch(line -> line.getReceived() == line.getQuantity());
    }

    void inspected(String by, String comment, Instant at) {
        expect(ReturnStatus.RECEIVED, "inspected");
        if (inspectedAt != null) {
            throw new StateConflict("return.inspected", rmaNumber + " was inspected by " + inspectedBy + " already");
        }
        inspectedBy = by;
        inspectionComment = comment;
        inspectedAt = at;
    }

    void credited(List<String> creditNoteNumbers) {
        expect(ReturnStatus.RECEIVED, "credited");
        creditNotes.addAll(creditNoteNumbers);
        status = ReturnStatus.CREDITED;
    }

    void close(String reason) {
        status = ReturnStatus.CLOSED;
        closedReason = reason;
    }

    void expect(ReturnStatus expected, String what) {
        if (status != expected) {
            throw new StateConflict("return." + status.name().toLowerCase(Locale.ROOT),
                    describe() + " is " + status + "; only a " + expected + " return can be " + what);
        }
    }

    String describe() {
        return rmaNumber != null ? rmaNumber : "Return request " + id;
    }

    Long getId() { return id; }
    String getRmaNumber() { return rmaNumber; }
    SalesOrder getOrder() { return order; }
    String getReasonCode() { return reasonCode; }
    String getComment() { return comment; }
    ReturnStatus getStatus() { return status; }
    String getRule() { return rule; }
    int getWindowDays() { return windowDays; }
    int getDaysSinceDelivery() { return daysSinceDelivery; }
    boolean needsInspection() { return needsInspection; }
    boolean needsApproval() { return needsApproval; }
    BigDecimal getRestockingFeePercent() { return restockingFeePercent; }
    String getRequestedBy() { return requestedBy; }
    Instant getRequestedAt() { return requestedAt; }
    String getDecidedBy() { return decidedBy; }
    Instant getDecidedAt() { return decidedAt; }
    String getDecisionComment() { return decisionComment; }
    String getInspectedBy() { return inspectedBy; }
    Instant getInspectedAt() { return inspectedAt; }
    String getInspectionComment() { return inspectionComment; }
    String getClosedReason() { return closedReason; }
    List<ReturnLine> getLines() { return lines; }
    Set<String> getCreditNotes() { return creditNotes; }
}
