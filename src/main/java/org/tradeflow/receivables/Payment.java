package org.tradeflow.receivables;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.tradeflow.account.Account;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.business.StateConflict;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Money a customer paid, under the bank's reference (once per account), and what it settled of which invoice;
 * the rest stays on it as unapplied credit until it is applied or refunded.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;
    @Column(precision = 19, scale = 4)
    private BigDecimal amount;
    private String currency;
    private LocalDate valueDate;
    private String reference;
    @Column(precision = 19, scale = 4)
    private BigDecimal unapplied;
    @Column(precision = 19, scale = 4)
    private BigDecimal refunded;
    private String receivedBy;
    private Instant receivedAt;
    @ElementCollection
    @CollectionTable(name = "payment_allocation", joinColumns = @JoinColumn(name = "payment_id"))
    private List<Allocation> allocations = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "payment_refund", joinColumns = @JoinColumn(name = "payment_id"))
    private List<Refund> refunds = new ArrayList<>();

    /** What a payment paid of one invoice, and the early-payment discount it took with it. */
    @Embeddable
    public record Allocation(long invoiceId, @Column(precision = 19, scale = 4) BigDecimal amount,
                             @Column(precision = 19, scale = 4) BigDecimal discount) {
    }

    /** Unapplied credit paid back to the customer. */
    @Embeddable
    public record Refund(@Column(precision = 19, scale = 4) BigDecimal amount, String reference, LocalDate refundedOn,
                         String refundedBy) {
    }

    protected Payment() {
    }

    Payment(Account account, BigDecimal amount, String currency, LocalDate valueDate, String reference, String receivedBy,
            Instant receivedAt) {
        this.account = account;
        this.amount = amount;
        this.currency = currency;
        this.valueDate = valueDate;
        this.reference = reference;
        this.unapplied = amount;
        this.refunded = BigDecimal.ZERO;
        this.receivedBy = receivedBy;
        this.receivedAt = receivedAt;
    }

    /** Applies cash of this payment to an invoice; a second application to the same invoice adds to the first. */
    void allocate(long invoiceId, BigDecimal cash, BigDecimal discount) {
        Allocation earlier = allocations.stream().filter(a -> a.invoiceId() == invoiceId).findFirst().orElse(null);
        if (earlier == null) {
            allocations.add(new Allocation(invoiceId, cash, discount));
        } else {
            allocations.set(allocations.indexOf(earlier), new Allocation(invoiceId, earlier.amount().add(cash), earlier.discount().add(discount)));
        }
        unapplied = unapplied.subtract(cash);
    }

    /** Pays back part of the unapplied credit; more than is left is refused, as is a reference used before. */
    void refund(BigDecimal amount, String reference, LocalDate on, String by) {
        if (refunds.stream().anyMatch(refund -> refund.reference().equals(reference))) {
            throw new StateConflict("payment.refund-booked", "Refund " + reference + " of payment " + id + " is booked already");
        }
        if (amount.compareTo(unapplied) > 0) {
            throw new InvalidInput("amount", "only " + Amounts.shown(unapplied, currency) + " " + currency
                    + " of payment " + id + " is unapplied credit");
        }
        refunds.add(new Refund(amount, reference, on, by));
        unapplied = unapplied.subtract(amount);
        refunded = refunded.add(amount);
    }

    public Long getId() { return id; }
    public Account getAccount() { return account; }
    public BigDecimal getAmount() { return amount; }
    public String getCurrency() { return currency; }
    public LocalDate getValueDate() { return valueDate; }
    public String getReference() { return reference; }
    /** What is left of it as the account's credit. */
    public BigDecimal getUnapplied() { return unapplied; }
    public BigDecimal getRefunded() { return refunded; }
    public String getReceivedBy() { return receivedBy; }
    public Instant getReceivedAt() { return receivedAt; }
    public List<Allocation> getAllocations() { return allocations; }
    public List<Refund> getRefunds() { return refunds; }
}
