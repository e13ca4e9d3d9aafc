package org.tradeflow.receivables;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tradeflow.business.InCurrency;
import org.tradeflow.invoicing.Invoice;
import org.tradeflow.invoicing.InvoiceStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A payment as the API shows it: what came in, what it settled of which invoice, and the credit left over. */
@Schema(name = "Payment")
public record PaymentView(long id, String accountCode, BigDecimal amount, String currency, LocalDate valueDate,
                          String reference,
                          @Schema(description = "What settled no invoice: the account's credit") BigDecimal unapplied,
                          String receivedBy, Instant receivedAt, List<Allocation> allocations,
                          List<Refund> refunds) implements InCurrency {

    /** What the payment paid of one invoice, the discount it took, and where the invoice stands now. */
    @Schema(name = "PaymentAllocation")
    public record Allocation(long invoiceId, String invoiceNumber, BigDecimal amount,
                             @Schema(description = "Early-payment discount taken") BigDecimal discount,
                             InvoiceStatus invoiceStatus, BigDecimal invoiceAmountDue) {
    }

    /** Credit paid back to the customer. */
    @Schema(name = "PaymentRefund")
    public record Refund(BigDecimal amount, String reference, LocalDate refundedOn, String refundedBy) {
    }

    static PaymentView of(Payment payment, Map<Long, Invoice> invoices) {
        List<Allocation> allocations = payment.getAllocations().stream().map(allocation -> {
            Invoice invoice = invoices.get(allocation.invoiceId());
            return new Allocation(allocation.invoiceId(), invoice.getInvoiceNumber(), allocation.amount(), allocation.discount(),
                    invoice.getStatus(), invoice.getAmountDue());
        }).toList();
        return new PaymentView(payment.getId(), payment.getAccount().getCode(), payment.getAmount(), payment.getCurrency(),
                payment.getValueDate(), payment.getReference(), payment.getUnapplied(), payment.getReceivedBy(),
                payment.getReceivedAt(), allocations, payment.getRefunds().stream()
                .map(r -> new Refund(r.amount(), r.reference(), r.refundedOn(), r.refundedBy())).toList());
    }
}
