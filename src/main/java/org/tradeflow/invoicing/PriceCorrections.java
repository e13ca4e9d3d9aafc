package org.tradeflow.invoicing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.business.BusinessException.FieldError;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.business.NotFound;
import org.tradeflow.business.StateConflict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Credit for a price dispute without goods: the order desk asks, a sales manager decides in Tasklist (never the one
 * who asked), and an approved correction issues a credit note for the difference at the invoice's tax. One
 * correction of an invoice is open at a time, and all of them together never credit more than it charged.
 */
@Service
public class PriceCorrections {

    private final InvoiceRepository invoices;
    private final PriceCorrectionRepository corrections;
    private final CreditNotes creditNotes;
    private final PriceCorrectionWorkflow workflow;
    private final Clock clock;

    PriceCorrections(InvoiceRepository invoices, PriceCorrectionRepository corrections, CreditNotes creditNotes,
                     PriceCorrectionWorkflow workflow, Clock clock) {
        this.invoices = invoices;
        this.corrections = corrections;
        this.creditNotes = creditNotes;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** A line to correct: by its number on the order, the price it should have had, and for how many units (all billed when null). */
    public record CorrectedLine(int orderLineNo, BigDecimal unitPrice, Integer quantity) {
    }

    /** What the approver sees: which invoice, whose, why, and what the credit comes to. */
    public record Briefing(long correctionId, String invoiceNumber, String accountCode, String accountName, String reason,
                           String requestedBy, String creditNet, String currency, List<Map<String, String>> lines) {
    }

    @Transactional
    public PriceCorrectionView request(long invoiceId, String reason, List<CorrectedLine> lines, String user) {
        Invoice invoice = invoices.findWithLines(invoiceId).orElseThrow(() -> new InvoiceNotFound(invoiceId));
        if (invoice.isCreditNote()) {
            throw new StateConflict("price-correction.credit-note", invoice.getInvoiceNumber() + " is a credit note; correct the invoice it credits");
        }
        if (corrections.existsByInvoiceIdAndStatus(invoiceId, PriceCorrection.Status.REQUESTED)) {
            throw new StateConflict("price-correction.pending", "A price correction of " + invoice.getInvoiceNumber()
                    + " waits for a decision; decide it before asking for another");
        }
        Map<Integer, InvoiceLine> billed = new LinkedHashMap<>();
        invoice.getLines().forEach(line -> billed.put(line.getOrderLine().getLineNo(), line));
        int minorUnits = Currency.getInstance(invoice.getCurrency()).getDefaultFractionDigits();
        List<FieldError> errors = new ArrayList<>();
        List<PriceCorrection.Line> accepted = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        BigDecimal credit = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            CorrectedLine line = lines.get(i);
            String at = "lines[" + i + "]";
            InvoiceLine charged = billed.get(line.orderLineNo());
            if (!seen.add(line.orderLineNo())) {
                errors.add(new FieldError(at + ".orderLineNo", "order line " + line.orderLineNo() + " is corrected twice"));
            } else if (charged == null) {
                errors.add(new FieldError(at + ".orderLineNo", invoice.getInvoiceNumber() + " did not bill order line " + line.orderLineNo()));
            } else if (line.unitPrice().compareTo(charged.getUnitPrice()) >= 0) {
                errors.add(new FieldError(at + ".unitPrice", "a correction credits: " + line.unitPrice().toPlainString()
                        + " is not below the " + charged.getUnitPrice().stripTrailingZeros().toPlainString() + " billed"));
            } else if (line.quantity() != null && line.quantity() > charged.getQuantity()) {
                errors.add(new FieldError(at + ".quantity", invoice.getInvoiceNumber() + " billed " + charged.getQuantity()
                        + " units of order line " + line.orderLineNo() + ", not " + line.quantity()));
            } else {
                int quantity = line.quantity() == null ? charged.getQuantity() : line.quantity();
                accepted.add(new PriceCorrection.Line(charged.getOrderLine().getId(), quantity, line.unitPrice()));
                credit = credit.add(charged.getUnitPrice().subtract(line.unitPrice()).multiply(BigDecimal.valueOf(quantity)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        BigDecimal creditedBefore = invoices.creditedNet(invoiceId);
        if (creditedBefore.add(credit).setScale(minorUnits, RoundingMode.HALF_EVEN).compareTo(invoice.getNetTotal()) > 0) {
            throw new StateConflict("price-correction.more-than-billed", "Credit notes of " + creditedBefore.toPlainString()
                    + " net credit " + invoice.getInvoiceNumber() + " already; " + credit.toPlainString() + " more would exceed its "
                    + invoice.getNetTotal().toPlainString() + " net");
        }
        PriceCorrection correction = corrections.save(new PriceCorrection(invoice, reason, accepted, user, clock.instant()));
        PriceCorrectionView view = PriceCorrectionView.of(correction);
        workflow.start(new Briefing(correction.getId(), invoice.getInvoiceNumber(), invoice.getAccount().getCode(),
                invoice.getAccount().getName(), reason, user, view.creditNet().toPlainString(), invoice.getCurrency(),
                view.lines().stream().map(line -> Map.of("line", String.valueOf(line.orderLineNo()), "sku", line.sku(),
                        "quantity", String.valueOf(line.quantity()), "billed", line.billedPrice().stripTrailingZeros().toPlainString(),
                        "corrected", line.correctedPrice().stripTrailingZeros().toPlainString())).toList()));
        return view;
    }

    /** The sales manager's yes: the credit note for the difference, at the invoice's tax. */
    @Transactional
    public PriceCorrectionView approve(long correctionId, String by, String comment) {
        PriceCorrection correction = corrections.lock(correctionId).orElseThrow(() -> new PriceCorrectionNotFound(correctionId));
        Invoice invoice = correction.getInvoice();
        List<CreditNotes.Credit> credits = correction.getLines().stream().map(line -> new CreditNotes.Credit(line.orderLineId(),
                line.quantity(), invoice.billedLine(line.orderLineId()).orElseThrow().getUnitPrice().subtract(line.correctedPrice()),
                null, null)).toList();
        Invoice note = creditNotes.issue(invoice.getId(), correction.reference(), "Price correction: " + correction.getReason(), credits);
        correction.approved(by, comment, note);
        return PriceCorrectionView.of(correction);
    }

    @Transactional
    public PriceCorrectionView reject(long correctionId, String by, String comment) {
        PriceCorrection correction = corrections.lock(correctionId).orElseThrow(() -> new PriceCorrectionNotFound(correctionId));
        correction.rejected(by, comment);
        return PriceCorrectionView.of(correction);
    }

    @Transactional(readOnly = true)
    public PriceCorrectionView get(long correctionId) {
        return PriceCorrectionView.of(corrections.findById(correctionId).orElseThrow(() -> new PriceCorrectionNotFound(correctionId)));
    }

    static final class PriceCorrectionNotFound extends NotFound {
        PriceCorrectionNotFound(long id) {
            super("price-correction.not-found", "No price correction " + id);
        }
    }
}
