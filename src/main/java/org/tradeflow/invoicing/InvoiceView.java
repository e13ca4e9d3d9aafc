package org.tradeflow.invoicing;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tradeflow.business.InCurrency;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.SalesOrder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** An invoice as the API shows it: who is billed for which order's shipment, what, and by when. */
@Schema(name = "Invoice")
public record InvoiceView(long id, String invoiceNumber, String accountCode, String accountName, Long orderId,
                          String orderNumber, String customerPoNumber, String shipmentNumber, InvoiceStatus status,
                          String currency, BigDecimal netTotal, LocalDate issuedOn, LocalDate dueOn, List<Line> lines)
        implements InCurrency {

    /** What was billed of one order line: the quantity shipped at the order's unit price. */
    @Schema(name = "InvoiceLine")
    public record Line(int orderLineNo, String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal netAmount) {
    }

    /** An invoice in a list: without its lines. */
    @Schema(name = "InvoiceSummary")
    public record Summary(long id, String invoiceNumber, String accountCode, String orderNumber, String shipmentNumber,
                          InvoiceStatus status, String currency, BigDecimal netTotal, LocalDate issuedOn, LocalDate dueOn)
            implements InCurrency {

        static Summary of(Invoice invoice) {
            return new Summary(invoice.getId(), invoice.getInvoiceNumber(), invoice.getAccount().getCode(),
                    invoice.getOrderNumber(), invoice.getShipmentNumber(), invoice.getStatus(),
                    invoice.getCurrency(), invoice.getNetTotal(), invoice.getIssuedOn(), invoice.getDueOn());
        }
    }

    static InvoiceView of(Invoice invoice) {
        List<Line> lines = invoice.getLines().stream()
                .sorted(Comparator.comparingInt(line -> line.getOrderLine().getLineNo()))
                .map(line -> {
                    OrderLine ordered = line.getOrderLine();
                    return new Line(ordered.getLineNo(), ordered.getProduct().getSku(), ordered.getProduct().getName(),
                            line.getQuantity(), line.getUnitPrice(), line.getNetAmount());
                })
                .toList();
        SalesOrder order = invoice.getOrder(); // null for an opening balance
        return new InvoiceView(invoice.getId(), invoice.getInvoiceNumber(), invoice.getAccount().getCode(),
                invoice.getAccount().getName(), order == null ? null : order.getId(), invoice.getOrderNumber(),
                order == null ? null : order.getCustomerPoNumber(), invoice.getShipmentNumber(), invoice.getStatus(),
                invoice.getCurrency(), invoice.getNetTotal(), invoice.getIssuedOn(), invoice.getDueOn(), lines);
    }
}
