package org.tradeflow.order;

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
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.tradeflow.account.Account;
import org.tradeflow.account.FillPolicy;
import org.tradeflow.catalog.Product;
import org.tradeflow.policy.PolicyViolation;
import org.tradeflow.pricing.PricedOrder;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Entity
@Table(name = "sales_order")
public class SalesOrder {

    /** Fifty ids per round trip to the sequence (V15), so that Hibernate can insert in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sales_order_ids")
    @SequenceGenerator(name = "sales_order_ids", sequenceName = "sales_order_id_seq", allocationSize = 50)
    private Long id;
    private String orderNumber;
    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;
    private String customerPoNumber;
    private LocalDate requestedDeliveryDate;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    private String currency;
    @Column(precision = 19, scale = 4)
    private BigDecimal netTotal;
    private String ruleSetChecksum;
    private String requestHash;
    private String statusReason;
    private String createdBy;
    @Enumerated(EnumType.STRING)
    private FillPolicy fillPolicy;
    private Integer minFillRate;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    /** From the priority table: who gets scarce stock first (higher wins). */
    private int allocationPriority;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    private List<OrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<OrderViolation> violations = new ArrayList<>();

    protected SalesOrder() {
    }

    static SalesOrder capture(String orderNumber, Account account, String customerPoNumber, LocalDate requestedDeliveryDate,
                              String requestHash, String createdBy,
                              PricedOrder priced, Map<Long, Product> products, Instant now) {
        SalesOrder order = new SalesOrder();
        order.orderNumber = orderNumber;
        order.account = account;
        order.customerPoNumber = customerPoNumber;
        order.requestedDeliveryDate = requestedDeliveryDate;
        order.status = OrderStatus.RECEIVED;
        order.requestHash = requestHash;
        order.createdBy = createdBy;
        order.createdAt = now;
        order.updatedAt = order.createdAt;
        order.applyPricing(priced, products);
        return order;
    }

    /** Replaces prices and violations with one evaluation's result: an order is priced by one rule version. */
    private void applyPricing(PricedOrder priced, Map<Long, Product> products) {
        lines.clear();
        violations.clear();
        priced.lines().forEach(line -> lines.add(new OrderLine(this, products.get(line.productId()), line)));
        priced.violations().forEach(violation -> violations.add(new OrderViolation(this, violation)));
        currency = priced.currency();
        netTotal = priced.netTotal();
        ruleSetChecksum = priced.ruleSetChecksum();
    }

    /**
     * Takes a correction of the order desk on an order on hold: the lines named in {@code dropped} go, the others
     * take their new pricing (one evaluation of the whole order, their line numbers kept), and the violations are
     * the new evaluation's.
     */
    public void correct(PricedOrder priced, java.util.Set<Integer> dropped, Instant now) {
        if (status != OrderStatus.ON_HOLD) {
            throw new IllegalStateException("Order " + orderNumber + " is " + status + "; only an order on hold is corrected");
        }
        lines.removeIf(line -> dropped.contains(line.getLineNo()));
        Map<Integer, PricedOrder.PricedLine> byLineNo = new java.util.HashMap<>();
        priced.lines().forEach(line -> byLineNo.put(line.lineNo(), line));
        for (OrderLine line : lines) {
            PricedOrder.PricedLine repriced = byLineNo.get(line.getLineNo());
            if (repriced == null || repriced.productId() != line.getProduct().getId()) {
                throw new IllegalStateException("Line " + line.getLineNo() + " of " + orderNumber + " was not repriced");
            }
            line.reprice(repriced);
        }
        violations.clear();
        priced.violations().forEach(violation -> violations.add(new OrderViolation(this, violation)));
        netTotal = priced.netTotal();
        ruleSetChecksum = priced.ruleSetChecksum();
        updatedAt = now;
    }

    /** How this order is filled when stock is short: the request's choice, else the account's. */
    void fulfilmentTerms(FillPolicy fillPolicy, Integer minFillRate, Urgency urgency) {
        this.fillPolicy = fillPolicy;
        this.minFillRate = minFillRate;
        this.urgency = urgency;
    }

    /**
     * Replaces units of a line by its substitute: they are cancelled on the original line and ordered on a new
     * line at the original's unit price, so the order's value stays. Returns the new line.
     */
    public OrderLine substitute(OrderLine original, Product substitute, int units, Instant now) {
        original.cancelUnits(units);
        int lineNo = lines.stream().mapToInt(OrderLine::getLineNo).max().orElse(0) + 1;
        OrderLine line = OrderLine.substitute(this, lineNo, original, substitute, units);
        lines.add(line);
        updatedAt = now;
        return line;
    }

    /** The customer wants the goods on another day; the caller records who and why. */
    public void rescheduleDelivery(LocalDate requestedDeliveryDate, Instant now) {
        this.requestedDeliveryDate = requestedDeliveryDate;
        this.updatedAt = now;
    }

    public void assignAllocationPriority(int priority) {
        this.allocationPriority = priority;
    }

    void moveTo(OrderStatus next, String reason, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("Order " + orderNumber + " cannot move from " + status + " to " + next);
        }
        status = next;
        explain(reason, now);
    }

    /** A new reason for the status the order stays in (a backorder that got part of its stock). */
    void explain(String reason, Instant now) {
        statusReason = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 1997) + "...";
        updatedAt = now;
    }

    public boolean hasBlockingViolations() {
        return violations.stream().map(OrderViolation::toPolicyViolation).anyMatch(PolicyViolation::blocking);
    }

    public List<PolicyViolation> policyViolations() {
        return violations.stream().map(OrderViolation::toPolicyViolation).toList();
    }

    public Long getId() { return id; }
    public String getOrderNumber() { return orderNumber; }
    public Account getAccount() { return account; }
    public String getCustomerPoNumber() { return customerPoNumber; }
    public LocalDate getRequestedDeliveryDate() { return requestedDeliveryDate; }
    public OrderStatus getStatus() { return status; }
    public String getCurrency() { return currency; }
    public BigDecimal getNetTotal() { return netTotal; }
    public String getRuleSetChecksum() { return ruleSetChecksum; }
    public String getRequestHash() { return requestHash; }
    public String getStatusReason() { return statusReason; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public List<OrderLine> getLines() { return lines; }
    public FillPolicy getFillPolicy() { return fillPolicy; }
    public Integer getMinFillRate() { return minFillRate; }
    public Urgency getUrgency() { return urgency; }
    public int getAllocationPriority() { return allocationPriority; }

    /** Where the line is delivered: its ship-to address's region, or the account's. */
    public String deliveryRegion(OrderLine line) {
        return line.getShipToRegion() == null ? account.getRegion() : line.getShipToRegion();
    }
}
