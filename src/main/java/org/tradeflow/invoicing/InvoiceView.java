package org.tradeflow.invoicing;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tradeflow.account.Account;
import org.tradeflow.business.InCurrency;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.SalesOrder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * An invoice as the API shows it, and what its PDF and UBL documents are made of: who is billed for which order's
 * shipment, where the goods went, what at which tax, on which terms and by when, and how much is still owed.
 */
@Schema(name = "Invoice")
public record InvoiceView(long id, String invoiceNumber,
                          @Schema(description = "A credit note gives back part of what the invoice it corrects charged: "
                                  + "its amounts are credit, and its amountDue is the credit not yet applied") DocumentType documentType,
                          @Schema(description = "The invoice a credit note corrects") String creditedInvoiceNumber,
                          @Schema(description = "Why a credit note was issued") String creditReason,
                          String accountCode, String accountName, Long orderId,
                          String orderNumber, String customerPoNumber, String shipmentNumber, InvoiceStatus status,
                          String currency, BigDecimal netTotal, BigDecimal taxTotal, BigDecimal grossTotal,
                          BigDecimal amountPaid,
                          @Schema(description = "Settled by credit notes") BigDecimal amountCredited,
                          BigDecimal amountDue, LocalDate issuedOn, LocalDate deliveredOn,
                          LocalDate dueOn, PaymentTerms terms, Party buyer, Party shipTo, List<Line> lines,
                          List<Tax> taxes) implements InCurrency {

    /** What was billed of one order line: the quantity shipped at the order's unit price, and its tax. */
    @Schema(name = "InvoiceLine")
    public record Line(int orderLineNo, String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal netAmount,
                       @Schema(description = "VAT category (UNCL 5305): S standard, Z zero rated, E exempt, AE reverse "
                               + "charge, K intra-community supply, G export", example = "S") String taxCategory,
                       @Schema(description = "Percent", example = "19") BigDecimal taxRate,
                       @Schema(description = "The line's share of the tax; the invoice's tax is computed per rate") BigDecimal taxAmount,
                       @Schema(description = "Of a credit note line: what it keeps back of quantity × unit price") BigDecimal allowanceAmount,
                       @Schema(example = "Restocking fee 15 %") String allowanceReason) {
    }

    /** The tax of one category and rate: on the summed net amounts of its lines. */
    @Schema(name = "InvoiceTax")
    public record Tax(String category, BigDecimal rate, BigDecimal taxableAmount, BigDecimal taxAmount,
                      @Schema(description = "VATEX code, for untaxed categories", example = "VATEX-EU-IC") String exemptionReasonCode,
                      String exemptionReason) {
    }

    /** Net days, and the early-payment discount if the account has one (2 % within 10 days in "2/10 net 30"). */
    @Schema(name = "PaymentTerms")
    public record PaymentTerms(int netDays, BigDecimal discountPercent, Integer discountDays, LocalDate discountDueOn,
                               @Schema(example = "2 % discount if paid by 2026-12-12, otherwise net 30 days: due 2026-12-31") String description) {

        static PaymentTerms of(Invoice invoice) {
            int netDays = (int) (invoice.getDueOn().toEpochDay() - invoice.getIssuedOn().toEpochDay());
            String net = "net " + netDays + " days: due " + invoice.getDueOn();
            if (invoice.getDiscountPercent() == null) {
                return new PaymentTerms(netDays, null, null, null, capitalised(net));
            }
            int discountDays = (int) (invoice.getDiscountDueOn().toEpochDay() - invoice.getIssuedOn().toEpochDay());
            return new PaymentTerms(netDays, invoice.getDiscountPercent().stripTrailingZeros(), discountDays,
                    invoice.getDiscountDueOn(), invoice.getDiscountPercent().stripTrailingZeros().toPlainString()
                    + " % discount if paid by " + invoice.getDiscountDueOn() + ", otherwise " + net);
        }

        private static String capitalised(String text) {
            return Character.toUpperCase(text.charAt(0)) + text.substring(1);
        }
    }

    /** A name and address on the invoice; only the buyer has a VAT id. */
    @Schema(name = "Party")
    public record Party(String name, String street, String postalCode, String city,
                        @Schema(description = "ISO 3166-1 alpha-2", example = "DE") String country, String vatId) {

        static Party of(PostalAddress address, String vatId) {
            return new Party(address.name(), address.street(), address.postalCode(), address.city(), address.country(), vatId);
        }
    }

    /** An invoice in a list: without its lines. */
    @Schema(name = "InvoiceSummary")
    public record Summary(long id, String invoiceNumber, DocumentType documentType, String accountCode, String orderNumber, String shipmentNumber,
                          InvoiceStatus status, String currency, BigDecimal netTotal, BigDecimal grossTotal,
                          BigDecimal amountDue, LocalDate issuedOn, LocalDate dueOn) implements InCurrency {

        static Summary of(Invoice invoice, LocalDate today) {
            return new Summary(invoice.getId(), invoice.getInvoiceNumber(), invoice.getDocumentType(), invoice.getAccount().getCode(),
                    invoice.getOrderNumber(), invoice.getShipmentNumber(), invoice.statusOn(today), invoice.getCurrency(),
                    invoice.getNetTotal(), invoice.getGrossTotal(), invoice.getAmountDue(), invoice.getIssuedOn(),
                    invoice.getDueOn());
        }
    }

    public boolean creditNote() {
        return documentType == DocumentType.CREDIT_NOTE;
    }

    static InvoiceView of(Invoice invoice, LocalDate today) {
        List<Line> lines = invoice.getLines().stream()
                .sorted(Comparator.comparingInt(line -> line.getOrderLine().getLineNo()))
                .map(line -> {
                    OrderLine ordered = line.getOrderLine();
                    return new Line(ordered.getLineNo(), ordered.getProduct().getSku(), ordered.getProduct().getName(),
                            line.getQuantity(), line.getUnitPrice(), line.getNetAmount(), line.getTaxCategory(),
                            rate(line.getTaxRate()), line.getTaxAmount(), line.getAllowanceAmount(), line.getAllowanceReason());
                })
                .toList();
        List<Tax> taxes = invoice.getTaxes().stream()
                .map(tax -> new Tax(tax.category(), rate(tax.rate()), tax.taxableAmount(), tax.taxAmount(),
                        tax.exemptionReasonCode(), tax.exemptionReason()))
                .toList();
        SalesOrder order = invoice.getOrder(); // null for an opening balance
        Party buyer = invoice.getBuyer() == null ? billedAtAccount(invoice.getAccount()) : Party.of(invoice.getBuyer(), invoice.getBuyerVatId());
        Party shipTo = invoice.getShipTo() == null ? null : Party.of(invoice.getShipTo(), null);
        Invoice credited = invoice.getCreditedInvoice();
        return new InvoiceView(invoice.getId(), invoice.getInvoiceNumber(), invoice.getDocumentType(),
                credited == null ? null : credited.getInvoiceNumber(), invoice.getCreditReason(), invoice.getAccount().getCode(),
                invoice.getAccount().getName(), order == null ? null : order.getId(), invoice.getOrderNumber(),
                order == null ? null : order.getCustomerPoNumber(), invoice.getShipmentNumber(), invoice.statusOn(today),
                invoice.getCurrency(), invoice.getNetTotal(), invoice.getTaxTotal(), invoice.getGrossTotal(),
                invoice.getAmountPaid(), invoice.getAmountCredited(), invoice.getAmountDue(), invoice.getIssuedOn(), invoice.getDeliveredOn(),
                invoice.getDueOn(), PaymentTerms.of(invoice), buyer, shipTo, lines, taxes);
    }

    /** An opening balance names no buyer of its own: it is the account's, at its billing address today. */
    private static Party billedAtAccount(Account account) {
        return new Party(account.getName(), account.getStreet(), account.getPostalCode(), account.getCity(),
                account.getCountry(), account.getVatId());
    }

    private static BigDecimal rate(BigDecimal rate) {
        return rate == null ? null : TaxDecision.plain(rate);
    }
}
