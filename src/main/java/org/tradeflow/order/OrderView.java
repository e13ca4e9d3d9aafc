package org.tradeflow.order;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tradeflow.business.InCurrency;
import org.tradeflow.account.FillPolicy;
import org.tradeflow.audit.AuditTrail.AuditEntry;
import org.tradeflow.policy.PolicyViolation;
import org.tradeflow.pricing.PriceSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An order as the API shows it: prices with the rule behind each, shipments, invoices, what (if anything) is stuck
 * in its processes, and its history.
 */
public record OrderView(long id, String orderNumber, String accountCode, String accountName, String customerPoNumber,
                        LocalDate requestedDeliveryDate, OrderStatus status, String statusReason, String currency,
                        BigDecimal netTotal, String ruleSetChecksum, Instant createdAt, String createdBy,
                        FillPolicy fillPolicy, Integer minFillRatePercent, Urgency urgency, int allocationPriority,
                        List<Line> lines, List<PolicyViolation> violations, List<Shipment> shipments,
                        List<Invoice> invoices, List<OrderProcessProblems.ProcessProblem> processProblems,
                        List<AuditEntry> audit) implements InCurrency {

    /**
     * {@code backorderedQuantity}: units in no shipment yet, waiting for stock; {@code cancelledQuantity}: units
     * that will never ship (fill or kill).
     */
    @Schema(name = "OrderLine", description = "A priced line: the unit price the rules chose, the net amount, and why")
    public record Line(int lineNo, String sku, String name, int quantity, int backorderedQuantity, int cancelledQuantity,
                       String shipTo, BigDecimal unitPrice, BigDecimal netAmount, PriceSource priceSource, String priceRule,
                       String priceExplanation, BigDecimal expectedUnitPrice) {
    }

    @Schema(name = "OrderShipment")
    public record Shipment(long id, String shipmentNumber, String warehouse, String shipTo, String status, String carrier,
                           String trackingNumber, OffsetDateTime dispatchedAt, List<ShipmentLine> lines) {
    }

    @Schema(name = "OrderShipmentLine")
    public record ShipmentLine(int lineNo, String sku, int quantity) {
    }

    @Schema(name = "OrderInvoice")
    public record Invoice(String invoiceNumber, String shipmentNumber, BigDecimal netTotal, String currency,
                          LocalDate issuedOn, LocalDate dueOn, String status) implements InCurrency {
    }

    /** The short form used in order lists. */
    @Schema(name = "OrderSummary")
    public record Summary(long id, String orderNumber, String accountCode, String customerPoNumber, OrderStatus status,
                          String currency, BigDecimal netTotal, Instant createdAt) implements InCurrency {
        static Summary of(SalesOrder o) {
            return new Summary(o.getId(), o.getOrderNumber(), o.getAccount().getCode(), o.getCustomerPoNumber(),
                    o.getStatus(), o.getCurrency(), o.getNetTotal(), o.getCreatedAt());
        }
    }
}
