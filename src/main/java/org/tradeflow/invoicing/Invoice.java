package org.tradeflow.invoicing;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The invoice for one dispatched shipment: at the order's prices, taxed as tax.xlsx says for where the goods went,
 * on the account's payment terms, to the buyer and ship-to address as they were when it was issued.
 * <p>
 * A credit note is the same document ({@link DocumentType#CREDIT_NOTE}) correcting one invoice: its amounts are
 * positive and mean credit, taxed as the invoice's lines were; what of it is applied to invoices is
 * {@link #getAmountApplied()}.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    /** Fifty ids per round trip to the sequence (V15), so that Hibernate can insert in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoice_ids")
    @SequenceGenerator(name = "invoice_ids", sequenceName = "invoice_id_seq", allocationSize = 50)
    private Long id;
    private String invoiceNumber;
    @Enumerated(EnumType.STRING)
    private DocumentType documentType;
    /** The invoice a credit note corrects; null for an invoice. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "credited_invoice_id")
    private Invoice creditedInvoice;
    private String creditReason;
    /** What issued a credit note (a return's RMA, a price correction), so that it is issued once. */
    private String sourceReference;
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
    @Column(precision = 19, scale = 4)
    private BigDecimal taxTotal;
    @Column(precision = 19, scale = 4)
    private BigDecimal grossTotal;
    @Column(precision = 19, scale = 4)
    private BigDecimal amountPaid = BigDecimal.ZERO;
    /** The early-payment discount the customer took: it settles the rest without cash. */
    @Column(precision = 19, scale = 4)
    private BigDecimal discountTaken = BigDecimal.ZERO;
    /** Of an invoice: the credit notes applied to it. */
    @Column(precision = 19, scale = 4)
    private BigDecimal amountCredited = BigDecimal.ZERO;
    /** Of a credit note: how much of it went to invoices. */
    @Column(precision = 19, scale = 4)
    private BigDecimal amountApplied = BigDecimal.ZERO;
    private LocalDate issuedOn;
    private LocalDate deliveredOn;
    private LocalDate dueOn;
    /** The early-payment discount granted until {@link #discountDueOn}; both null without one. */
    @Column(precision = 5, scale = 2)
    private BigDecimal discountPercent;
    private LocalDate discountDueOn;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    /** The rules that decided its tax. */
    private String ruleSetChecksum;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "name", column = @Column(name = "buyer_name")),
            @AttributeOverride(name = "street", column = @Column(name = "buyer_street")),
            @AttributeOverride(name = "postalCode", column = @Column(name = "buyer_postal_code")),
            @AttributeOverride(name = "city", column = @Column(name = "buyer_city")),
            @AttributeOverride(name = "country", column = @Column(name = "buyer_country"))})
    private PostalAddress buyer;
    private String buyerVatId;
    @Embedded
    @AttributeOverrides({
            @AttributeOverride(name = "name", column = @Column(name = "ship_to_name")),
            @AttributeOverride(name = "street", column = @Column(name = "ship_to_street")),
            @AttributeOverride(name = "postalCode", column = @Column(name = "ship_to_postal_code")),
            @AttributeOverride(name = "city", column = @Column(name = "ship_to_city")),
            @AttributeOverride(name = "country", column = @Column(name = "ship_to_country"))})
    private PostalAddress shipTo;

    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    private List<InvoiceLine> lines = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "invoice_tax", joinColumns = @JoinColumn(name = "invoice_id"))
    private List<TaxSubtotal> taxes = new ArrayList<>();
    /** Of a credit note: which invoices its credit went to. */
    @ElementCollection
    @CollectionTable(name = "credit_note_application", joinColumns = @JoinColumn(name = "credit_note_id"))
    private List<CreditApplication> applications = new ArrayList<>();

    /** Part of a credit note's credit, applied to one invoice on a day. */
    @Embeddable
    public record CreditApplication(long invoiceId, @Column(precision = 19, scale = 4) BigDecimal amount, LocalDate appliedOn) {
    }

    protected Invoice() {
    }

    /**
     * What an invoice is issued with besides its shipment: the day, the parties as they are now, and how tax.xlsx
     * taxes each product tax category where this shipment went.
     */
    record Issue(LocalDate issuedOn, LocalDate deliveredOn, PostalAddress buyer, String buyerVatId, PostalAddress shipTo,
                 Function<String, TaxDecision> taxOfCategory, String ruleSetChecksum) {
    }

    /**
     * Bills each shipped quantity at the line's unit price. The shipment that completes a line bills what is
     * left of the line's net amount, so split deliveries add up to exactly what the order confirmed. Each line
     * shows its tax; the invoice's tax is computed per category and rate on the summed lines.
     */
    static Invoice forShipment(Shipment shipment, Issue issue, Map<Long, InvoicedSoFar> earlier) {
        Invoice invoice = new Invoice();
        invoice.documentType = DocumentType.INVOICE;
        invoice.shipment = shipment;
        invoice.order = shipment.getOrder();
        invoice.account = invoice.order.getAccount();
        invoice.currency = invoice.order.getCurrency();
        invoice.issuedOn = issue.issuedOn();
        invoice.deliveredOn = issue.deliveredOn();
        invoice.dueOn = issue.issuedOn().plusDays(invoice.account.getPaymentTermsDays());
        if (invoice.account.getEarlyPaymentPercent() != null) {
            invoice.discountPercent = invoice.account.getEarlyPaymentPercent();
            invoice.discountDueOn = issue.issuedOn().plusDays(invoice.account.getEarlyPaymentDays());
        }
        invoice.buyer = issue.buyer();
        invoice.buyerVatId = issue.buyerVatId();
        invoice.shipTo = issue.shipTo();
        invoice.ruleSetChecksum = issue.ruleSetChecksum();
        invoice.status = InvoiceStatus.OPEN;
        int minorUnits = Currency.getInstance(invoice.currency).getDefaultFractionDigits();
        BigDecimal total = BigDecimal.ZERO.setScale(minorUnits);
        Map<TaxRate, BigDecimal> taxableByRate = new LinkedHashMap<>();
        for (ShipmentLine shipped : shipment.getLines()) {
            OrderLine line = shipped.getOrderLine();
            InvoicedSoFar before = earlier.getOrDefault(line.getId(), InvoicedSoFar.NOTHING);
            BigDecimal net = before.quantity() + shipped.getQuantity() == line.getQuantity()
                    ? line.getNetAmount().subtract(before.netAmount())
                    : line.getUnitPrice().multiply(BigDecimal.valueOf(shipped.getQuantity())).setScale(minorUnits, RoundingMode.HALF_EVEN);
            TaxDecision tax = issue.taxOfCategory().apply(line.getProduct().getTaxCategory());
            invoice.lines.add(new InvoiceLine(invoice, line, shipped.getQuantity(), line.getUnitPrice(), net, tax,
                    taxOn(net, tax.rate(), minorUnits)));
            total = total.add(net);
            taxableByRate.merge(new TaxRate(tax.treatment(), tax.rate()), net, BigDecimal::add);
        }
        invoice.netTotal = total;
        invoice.summariseTaxes(taxableByRate, minorUnits);
        return invoice;
    }

    /**
     * What a credit note takes back of one line of the order: a quantity at a unit price (the price billed, or the
     * difference to a corrected one), less an allowance such as a restocking fee.
     */
    record CreditLine(OrderLine orderLine, int quantity, BigDecimal unitPrice, BigDecimal allowance, String allowanceReason) {
    }

    /**
     * A credit note for an invoice, to the same buyer and ship-to, in its currency and taxed as its lines for those
     * order lines were: what was charged with a tax is credited with the same one. Open until applied.
     */
    static Invoice creditNote(Invoice credited, String sourceReference, String reason, List<CreditLine> credit, LocalDate issuedOn) {
        Invoice note = new Invoice();
        note.documentType = DocumentType.CREDIT_NOTE;
        note.creditedInvoice = credited;
        note.sourceReference = sourceReference;
        note.creditReason = reason;
        note.order = credited.order;
        note.account = credited.account;
        note.currency = credited.currency;
        note.issuedOn = issuedOn;
        note.dueOn = issuedOn; // credit is the customer's at once
        note.deliveredOn = credited.deliveredOn;
        note.buyer = credited.buyer;
        note.buyerVatId = credited.buyerVatId;
        note.shipTo = credited.shipTo;
        note.ruleSetChecksum = credited.ruleSetChecksum;
        note.status = InvoiceStatus.OPEN;
        int minorUnits = Currency.getInstance(note.currency).getDefaultFractionDigits();
        Map<TaxRate, BigDecimal> taxableByRate = new LinkedHashMap<>();
        BigDecimal total = BigDecimal.ZERO.setScale(minorUnits);
        for (CreditLine line : credit) {
            InvoiceLine charged = credited.billedLine(line.orderLine().getId()).orElseThrow(() -> new IllegalArgumentException(
                    "Invoice " + credited.invoiceNumber + " did not bill order line " + line.orderLine().getLineNo()));
            BigDecimal allowance = line.allowance() == null ? BigDecimal.ZERO : line.allowance();
            BigDecimal net = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())).subtract(allowance)
                    .setScale(minorUnits, RoundingMode.HALF_EVEN);
            TaxTreatment treatment = TaxTreatment.ofCategory(charged.getTaxCategory());
            note.lines.add(InvoiceLine.credit(note, charged, line, net, taxOn(net, charged.getTaxRate(), minorUnits)));
            total = total.add(net);
            taxableByRate.merge(new TaxRate(treatment, charged.getTaxRate()), net, BigDecimal::add);
        }
        note.netTotal = total;
        note.summariseTaxes(taxableByRate, minorUnits);
        return note;
    }

    private record TaxRate(TaxTreatment treatment, BigDecimal percent) {
    }

    /** The tax per category and rate, on the summed net amounts of its lines; then the totals. */
    private void summariseTaxes(Map<TaxRate, BigDecimal> taxableByRate, int minorUnits) {
        taxableByRate.forEach((rate, taxable) -> taxes.add(new TaxSubtotal(rate.treatment().category(), rate.percent(),
                taxable, taxOn(taxable, rate.percent(), minorUnits), rate.treatment().exemptionReasonCode(),
                rate.treatment().exemptionReason())));
        taxTotal = taxes.stream().map(TaxSubtotal::taxAmount).reduce(BigDecimal.ZERO.setScale(minorUnits), BigDecimal::add);
        grossTotal = netTotal.add(taxTotal);
    }

    /** Commercial rounding to the currency's minor unit. */
    private static BigDecimal taxOn(BigDecimal net, BigDecimal ratePercent, int minorUnits) {
        return net.multiply(ratePercent).movePointLeft(2).setScale(minorUnits, RoundingMode.HALF_UP);
    }

    /** Numbered last, just before it is written (see {@link DocumentNumbers}). */
    void number(String invoiceNumber) {
        this.invoiceNumber = invoiceNumber;
    }

    public String getInvoiceNumber() { return invoiceNumber; }
    public BigDecimal getNetTotal() { return netTotal; }
    public BigDecimal getTaxTotal() { return taxTotal; }
    public BigDecimal getGrossTotal() { return grossTotal; }
    public BigDecimal getAmountPaid() { return amountPaid; }
    /** What is still owed; of a credit note, the credit not yet applied. */
    public BigDecimal getAmountDue() {
        return isCreditNote() ? grossTotal.subtract(amountApplied)
                : grossTotal.subtract(amountPaid).subtract(discountTaken).subtract(amountCredited);
    }
    public BigDecimal getAmountCredited() { return amountCredited; }
    public BigDecimal getAmountApplied() { return amountApplied; }
    public DocumentType getDocumentType() { return documentType; }
    public boolean isCreditNote() { return documentType == DocumentType.CREDIT_NOTE; }
    /** The invoice a credit note corrects; null for an invoice. */
    public Invoice getCreditedInvoice() { return creditedInvoice; }
    public String getCreditReason() { return creditReason; }
    public String getSourceReference() { return sourceReference; }
    public List<CreditApplication> getApplications() { return applications; }

    /**
     * Applies this credit note's remaining credit to an invoice, as far as both go: the invoice owes less (PAID once
     * it owes nothing), the credit note has less left (APPLIED once none). Returns the amount applied.
     */
    BigDecimal applyTo(Invoice invoice, LocalDate on) {
        if (!isCreditNote() || invoice.isCreditNote() || invoice.account != account) {
            throw new IllegalArgumentException(invoiceNumber + " cannot be applied to " + invoice.invoiceNumber);
        }
        BigDecimal amount = getAmountDue().min(invoice.getAmountDue());
        if (amount.signum() > 0) {
            applications.add(new CreditApplication(invoice.getId(), amount, on));
            amountApplied = amountApplied.add(amount);
            status = getAmountDue().signum() == 0 ? InvoiceStatus.APPLIED : InvoiceStatus.OPEN;
            invoice.amountCredited = invoice.amountCredited.add(amount);
            invoice.status = invoice.getAmountDue().signum() == 0 ? InvoiceStatus.PAID
                    : invoice.amountPaid.signum() > 0 || invoice.amountCredited.signum() > 0 ? InvoiceStatus.PARTIALLY_PAID : invoice.status;
        }
        return amount;
    }
    public BigDecimal getDiscountTaken() { return discountTaken; }

    /**
     * The early-payment discount a payment with this value date may take: the discount percent of the gross total,
     * as long as nothing was paid late and the value date is within the discount period; zero otherwise.
     */
    public BigDecimal discountFor(LocalDate valueDate) {
        return isCreditNote() ? BigDecimal.ZERO : discount(grossTotal, currency, discountPercent, discountDueOn, discountTaken, valueDate);
    }

    /** {@link #discountFor} of an invoice read as values ({@link InvoiceDocuments.Payable}). */
    static BigDecimal discount(BigDecimal grossTotal, String currency, BigDecimal discountPercent, LocalDate discountDueOn,
                               BigDecimal discountTaken, LocalDate valueDate) {
        if (discountPercent == null || valueDate.isAfter(discountDueOn) || discountTaken.signum() > 0) {
            return BigDecimal.ZERO;
        }
        int minorUnits = Currency.getInstance(currency).getDefaultFractionDigits();
        return grossTotal.multiply(discountPercent).movePointLeft(2).setScale(minorUnits, RoundingMode.HALF_UP);
    }

    /**
     * Books cash (and the discount taken with it) against the invoice: PARTIALLY_PAID until nothing is owed, then
     * PAID. More than is owed is refused; the payment keeps it as unapplied credit instead.
     */
    public void settle(BigDecimal cash, BigDecimal discount) {
        if (isCreditNote()) {
            throw new IllegalArgumentException(invoiceNumber + " is a credit note: it is applied, not paid");
        }
        if (cash.add(discount).compareTo(getAmountDue()) > 0) {
            throw new IllegalArgumentException("Invoice " + invoiceNumber + " owes " + getAmountDue().toPlainString()
                    + ", less than " + cash.add(discount).toPlainString());
        }
        amountPaid = amountPaid.add(cash);
        discountTaken = discountTaken.add(discount);
        status = getAmountDue().signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID;
    }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    public BigDecimal getDiscountPercent() { return discountPercent; }
    public LocalDate getDiscountDueOn() { return discountDueOn; }
    public String getRuleSetChecksum() { return ruleSetChecksum; }
    /** Null for an opening balance taken over from a previous system (its buyer is the account). */
    public PostalAddress getBuyer() { return buyer; }
    public String getBuyerVatId() { return buyerVatId; }
    public PostalAddress getShipTo() { return shipTo; }
    List<TaxSubtotal> getTaxes() { return taxes; }
    public String getCurrency() { return currency; }
    public LocalDate getDueOn() { return dueOn; }
    public LocalDate getIssuedOn() { return issuedOn; }
    /** OPEN, PARTIALLY_PAID or PAID, as stored; a credit note OPEN or APPLIED. */
    public InvoiceStatus getStatus() { return status; }

    /** The status as reported on a day: an invoice not paid in full is OVERDUE once its due date has passed. */
    public InvoiceStatus statusOn(LocalDate today) {
        return !isCreditNote() && status != InvoiceStatus.PAID && dueOn.isBefore(today) ? InvoiceStatus.OVERDUE : status;
    }
    public Shipment getShipment() { return shipment; }
    /** Null for an opening balance taken over from a previous system, which belongs to no order or shipment. */
    public String getShipmentNumber() { return shipment == null ? null : shipment.getShipmentNumber(); }
    public String getOrderNumber() { return order == null ? null : order.getOrderNumber(); }
    public Long getId() { return id; }
    public SalesOrder getOrder() { return order; }
    public Account getAccount() { return account; }
    List<InvoiceLine> getLines() { return lines; }

    /** The line of this invoice that billed an order line (the first, should there be more). */
    Optional<InvoiceLine> billedLine(long orderLineId) {
        return lines.stream().filter(line -> line.getOrderLine().getId() == orderLineId).findFirst();
    }
}
