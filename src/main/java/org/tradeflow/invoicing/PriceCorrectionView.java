package org.tradeflow.invoicing;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tradeflow.business.InCurrency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** A price correction as the API shows it: what it asks to credit, who asked, who decided, and its credit note. */
@Schema(name = "PriceCorrection")
public record PriceCorrectionView(long id, long invoiceId, String invoiceNumber,
                                  @Schema(description = "REQUESTED until a sales manager decides; then APPROVED or REJECTED") String status,
                                  String reason, String currency,
                                  @Schema(description = "The credit before tax: (billed − corrected price) × quantity, summed") BigDecimal creditNet,
                                  List<Line> lines, String requestedBy, Instant requestedAt, String decidedBy,
                                  String decisionComment, Long creditNoteId, String creditNoteNumber) implements InCurrency {

    @Schema(name = "PriceCorrectionLine")
    public record Line(int orderLineNo, String sku, int quantity, BigDecimal billedPrice, BigDecimal correctedPrice) {
    }

    static PriceCorrectionView of(PriceCorrection correction) {
        Invoice invoice = correction.getInvoice();
        BigDecimal credit = BigDecimal.ZERO;
        List<Line> lines = correction.getLines().stream().map(line -> {
            InvoiceLine charged = invoice.billedLine(line.orderLineId()).orElseThrow();
            return new Line(charged.getOrderLine().getLineNo(), charged.getOrderLine().getProduct().getSku(), line.quantity(),
                    charged.getUnitPrice(), line.correctedPrice());
        }).toList();
        for (Line line : lines) {
            credit = credit.add(line.billedPrice().subtract(line.correctedPrice()).multiply(BigDecimal.valueOf(line.quantity())));
        }
        int minorUnits = Currency.getInstance(invoice.getCurrency()).getDefaultFractionDigits();
        Invoice note = correction.getCreditNote();
        return new PriceCorrectionView(correction.getId(), invoice.getId(), invoice.getInvoiceNumber(), correction.getStatus().name(),
                correction.getReason(), invoice.getCurrency(), credit.setScale(minorUnits, RoundingMode.HALF_EVEN), lines,
                correction.getRequestedBy(), correction.getRequestedAt(), correction.getDecidedBy(), correction.getDecisionComment(),
                note == null ? null : note.getId(), note == null ? null : note.getInvoiceNumber());
    }
}
