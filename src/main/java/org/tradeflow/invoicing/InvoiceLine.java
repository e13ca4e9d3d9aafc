package org.tradeflow.invoicing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.tradeflow.order.OrderLine;

import java.math.BigDecimal;

@Entity
@Table(name = "invoice_line")
class InvoiceLine {

    /** Fifty ids per round trip to the sequence (V15), so that Hibernate can insert in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_line_ids")
    @SequenceGenerator(name = "invoice_line_ids", sequenceName = "invoice_line_id_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "invoice_id")
    private Invoice invoice;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_line_id")
    private OrderLine orderLine;
    private int quantity;
    @Column(precision = 19, scale = 4)
    private BigDecimal unitPrice;
    @Column(precision = 19, scale = 4)
    private BigDecimal netAmount;
    /** UNCL 5305 code (S, K, ...) and percent, as tax.xlsx decided; the line's tax is shown, the invoice's is summed per rate. */
    private String taxCategory;
    @Column(precision = 7, scale = 4)
    private BigDecimal taxRate;
    @Column(precision = 19, scale = 4)
    private BigDecimal taxAmount;
    /** The row of tax.xlsx that decided. */
    private String taxRule;
    /** Of a credit note line: what it keeps back of the credited value (a restocking fee), and why. */
    @Column(precision = 19, scale = 4)
    private BigDecimal allowanceAmount;
    private String allowanceReason;

    protected InvoiceLine() {
    }

    InvoiceLine(Invoice invoice, OrderLine orderLine, int quantity, BigDecimal unitPrice, BigDecimal netAmount,
                TaxDecision tax, BigDecimal taxAmount) {
        this.invoice = invoice;
        this.orderLine = orderLine;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.netAmount = netAmount;
        this.taxCategory = tax.treatment().category();
        this.taxRate = tax.rate();
        this.taxAmount = taxAmount;
        this.taxRule = tax.rule();
    }

    /** A credit note's line: taxed as the invoice line it credits was. */
    static InvoiceLine credit(Invoice note, InvoiceLine charged, Invoice.CreditLine credit, BigDecimal netAmount, BigDecimal taxAmount) {
        InvoiceLine line = new InvoiceLine();
        line.invoice = note;
        line.orderLine = charged.orderLine;
        line.quantity = credit.quantity();
        line.unitPrice = credit.unitPrice();
        line.netAmount = netAmount;
        line.taxCategory = charged.taxCategory;
        line.taxRate = charged.taxRate;
        line.taxAmount = taxAmount;
        line.taxRule = charged.taxRule;
        if (credit.allowance() != null && credit.allowance().signum() > 0) {
            line.allowanceAmount = credit.allowance();
            line.allowanceReason = credit.allowanceReason();
        }
        return line;
    }

    OrderLine getOrderLine() { return orderLine; }
    BigDecimal getAllowanceAmount() { return allowanceAmount; }
    String getAllowanceReason() { return allowanceReason; }
    int getQuantity() { return quantity; }
    BigDecimal getUnitPrice() { return unitPrice; }
    BigDecimal getNetAmount() { return netAmount; }
    String getTaxCategory() { return taxCategory; }
    BigDecimal getTaxRate() { return taxRate; }
    BigDecimal getTaxAmount() { return taxAmount; }
}
