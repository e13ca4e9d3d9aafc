package org.tradeflow.invoicing;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.tradeflow.business.StateConflict;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer disputes the price an invoice charged for some lines, without sending goods back: the order desk asks
 * for a credit at the corrected prices, a sales manager decides, and an approved correction is a credit note.
 */
@Entity
@Table(name = "price_correction")
class PriceCorrection {

    enum Status { REQUESTED, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String requestedBy;
    private Instant requestedAt;
    private String decidedBy;
    private String decisionComment;
    @ManyToOne
    @JoinColumn(name = "credit_note_id")
    private Invoice creditNote;
    @ElementCollection
    @CollectionTable(name = "price_correction_line", joinColumns = @JoinColumn(name = "price_correction_id"))
    private List<Line> lines = new ArrayList<>();

    /** This many units of an order line should have cost the corrected price. */
    @Embeddable
    record Line(long orderLineId, int quantity, @Column(precision = 19, scale = 4) BigDecimal correctedPrice) {
    }

    protected PriceCorrection() {
    }

    PriceCorrection(Invoice invoice, String reason, List<Line> lines, String requestedBy, Instant requestedAt) {
        this.invoice = invoice;
        this.reason = reason;
        this.lines.addAll(lines);
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = Status.REQUESTED;
    }

    /** The source reference of the credit note it issues. */
    String reference() {
        return "PC-" + id;
    }

    void approved(String by, String comment, Invoice creditNote) {
        decide(Status.APPROVED, by, comment);
        this.creditNote = creditNote;
    }

    void rejected(String by, String comment) {
        decide(Status.REJECTED, by, comment);
    }

    private void decide(Status decision, String by, String comment) {
        if (status != Status.REQUESTED) {
            throw new StateConflict("price-correction.decided", "Price correction " + id + " is " + status + " already");
        }
        status = decision;
        decidedBy = by;
        decisionComment = comment;
    }

    Long getId() { return id; }
    Invoice getInvoice() { return invoice; }
    String getReason() { return reason; }
    Status getStatus() { return status; }
    String getRequestedBy() { return requestedBy; }
    Instant getRequestedAt() { return requestedAt; }
    String getDecidedBy() { return decidedBy; }
    String getDecisionComment() { return decisionComment; }
    Invoice getCreditNote() { return creditNote; }
    List<Line> getLines() { return lines; }
}
