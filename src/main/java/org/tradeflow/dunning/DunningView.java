package org.tradeflow.dunning;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tradeflow.business.InCurrency;
import org.tradeflow.invoicing.Invoice;
import org.tradeflow.invoicing.InvoiceStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An invoice's dunning as the API shows it: each reminder sent, the open dispute, and whether it holds orders. */
@Schema(name = "Dunning")
public record DunningView(long invoiceId, String invoiceNumber, String accountCode, String currency, LocalDate dueOn,
                          @Schema(description = "The last level sent; 0 before the first reminder") int level,
                          @Schema(description = "Whether the account's new orders are held at the credit check because of this invoice")
                          boolean blocksOrders,
                          @Schema(description = "The open dispute that pauses dunning; null without one") Dispute dispute,
                          List<Notice> notices) implements InCurrency {

    /** One reminder: what it asks for and by when; its letter is {@code .../dunning-notices/{level}} as PDF. */
    @Schema(name = "DunningNotice")
    public record Notice(int level, String title, LocalDate issuedOn, int daysOverdue,
                         @Schema(description = "What was still owed when it went out") BigDecimal openAmount,
                         BigDecimal fee, @Schema(description = "Percent a year on the open amount") BigDecimal interestPercent,
                         BigDecimal interest, @Schema(description = "Open amount, fee and interest") BigDecimal totalDue,
                         @Schema(description = "The day the letter asks to be paid by; the next level is due then") LocalDate payBy,
                         boolean blocksOrders, @Schema(description = "The last level: finance calls the customer") boolean finalNotice,
                         @Schema(description = "The row of dunning.xlsx that decided it", example = "DunningLevels_13") String rule,
                         @Schema(description = "What finance's call achieved; null until made (final notice only)") Call call) {

        static Notice of(DunningNotice notice) {
            return new Notice(notice.level(), DunningView.title(notice), notice.issuedOn(), notice.daysOverdue(), notice.openAmount(), notice.fee(),
                    notice.interestPercent(), notice.interest(), notice.totalDue(), notice.payBy(), notice.blocksOrders(),
                    notice.callCustomer(), notice.rule(), notice.callOutcome() == null ? null
                    : new Call(notice.callOutcome(), notice.callComment(), notice.calledBy(), notice.calledAt()));
        }
    }

    @Schema(name = "DunningCall")
    public record Call(@Schema(example = "PAYMENT_PROMISED") String outcome, String comment, String calledBy, Instant calledAt) {
    }

    @Schema(name = "InvoiceDispute")
    public record Dispute(long invoiceId, String invoiceNumber, String reason, String disputedBy, Instant disputedAt) {

        static Dispute of(InvoiceDispute dispute) {
            return new Dispute(dispute.invoiceId(), dispute.invoiceNumber(), dispute.reason(), dispute.disputedBy(), dispute.disputedAt());
        }
    }

    /** The letter's heading: a friendly reminder first, the final notice last. */
    static String title(DunningNotice notice) {
        return notice.callCustomer() ? "Final notice" : notice.level() == 1 ? "Payment reminder" : "Reminder " + notice.level();
    }

    static DunningView of(Invoice invoice, List<DunningNotice> notices, InvoiceDispute dispute) {
        DunningNotice latest = notices.isEmpty() ? null : notices.get(notices.size() - 1);
        boolean blocks = latest != null && latest.blocksOrders() && dispute == null && invoice.getStatus() != InvoiceStatus.PAID;
        return new DunningView(invoice.getId(), invoice.getInvoiceNumber(), invoice.getAccount().getCode(), invoice.getCurrency(),
                invoice.getDueOn(), latest == null ? 0 : latest.level(), blocks, dispute == null ? null : Dispute.of(dispute),
                notices.stream().map(Notice::of).toList());
    }
}
