package org.tradeflow.invoicing;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.tradeflow.account.Account;
import org.tradeflow.fulfilment.Shipment;
import org.tradeflow.fulfilment.ShipmentLine;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.SalesOrder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** The invoice for one dispatched shipment, at the order's prices and the account's payment terms. */
@Entity
@Table(name = "invoice")
public class Invoice {

    /** Fifty ids per round trip to the sequence (V15), so that Hibernate can insert in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_ids")
    @SequenceGenerator(name = "invoice_ids", sequenceName = "invoice_id_seq", allocationSize = 50)
    private Long id;
    private String invoiceNumber;
    @ManyToOne
    @JoinColumn(name = "order_id")
    private SalesOrder order;
    @ManyToOne
    @JoinColumn(name = "shipment_id")
    private Shipment shipment;
    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;
    private String currency;
    @Column(precision = 19, scale = 4)
    private BigDecimal netTotal;
    private LocalDate issuedOn;
    private LocalDate dueOn;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    /**
     * Bills each shipped quantity at the line's unit price. The shipment that completes a line bills what is
     * left of the line's net amount, so split deliveries add up to exactly what the order confirmed.
     */
    static Invoice forShipment(Shipment shipment, LocalDate issuedOn, Map<Long, InvoicedSoFar> earlier) {
        Invoice invoice = new Invoice();
        invoice.shipment = shipment;
        invoice.order = shipment.getOrder();
        invoice.account = invoice.order.getAccount();
        invoice.currency = invoice.order.getCurrency();
        invoice.issuedOn = issuedOn;
        invoice.dueOn = issuedOn.plusDays(invoice.account.getPaymentTermsDays());
        invoice.status = InvoiceStatus.OPEN;
        int minorUnits = Currency.getInstance(invoice.currency).getDefaultFractionDigits();
        BigDecimal total = BigDecimal.ZERO.setScale(minorUnits);
        for (ShipmentLine shipped : shipment.getLines()) {
            OrderLine line = shipped.getOrderLine();
            InvoicedSoFar before = earlier.getOrDefault(line.getId(), InvoicedSoFar.NOTHING);
            BigDecimal net = before.quantity() + shipped.getQuantity() == line.getQuantity()
                    ? line.getNetAmount().subtract(before.netAmount())
                    : line.getUnitPrice().multiply(BigDecimal.valueOf(shipped.getQuantity())).setScale(minorUnits, RoundingMode.HALF_EVEN);
            invoice.lines.add(new InvoiceLine(invoice, line, shipped.getQuantity(), line.getUnitPrice(), net));
            total = total.add(net);
        }
        invoice.netTotal = total;
        return invoice;
    }

    /** Numbered last, just before it is written (see {@link DocumentNumbers}). */
    void number(String invoiceNumber) {
        this.invoiceNumber = invoiceNumber;
    }

    public String getInvoiceNumber() { return invoiceNumber; }
    public BigDecimal getNetTotal() { return netTotal; }
    public String getCurrency() { return currency; }
    public LocalDate getDueOn() { return dueOn; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public InvoiceStatus getStatus() { return status; }
    public Shipment getShipment() { return shipment; }
    /** Null for an opening balance taken over from a previous system, which belongs to no order or shipment. */
    public String getShipmentNumber() { return shipment == null ? null : shipment.getShipmentNumber(); }
    public String getOrderNumber() { return order == null ? null : order.getOrderNumber(); }
    public Long getId() { return id; }
    public SalesOrder getOrder() { return order; }
    public Account getAccount() { return account; }
    List<InvoiceLine> getLines() { return lines; }
}
