package org.tradeflow.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.tradeflow.catalog.Product;
import org.tradeflow.pricing.PriceSource;
import org.tradeflow.pricing.PricedOrder;
import org.tradeflow.pricing.PricingService;

import java.math.BigDecimal;

@Entity
@Table(name = "order_line")
public class OrderLine {

    /** Fifty ids per round trip to the sequence (V15), so that Hibernate can insert in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_line_ids")
    @SequenceGenerator(name = "order_line_ids", sequenceName = "order_line_id_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private SalesOrder order;
    private int lineNo;
    @ManyToOne(optional = false)
    @JoinColumn(name = "product_id")
    private Product product;
    private int quantity;
    @Column(precision = 19, scale = 4)
    private BigDecimal unitPrice;
    @Column(precision = 19, scale = 4)
    private BigDecimal netAmount;
    @Enumerated(EnumType.STRING)
    private PriceSource priceSource;
    private String priceRule;
    private String priceExplanation;
    /** Units that will never ship: killed by the fill policy or cancelled by the customer. */
    private int cancelledQuantity;
    /** The account's delivery address this line goes to (null: the account's own), and its region at capture. */
    private String shipTo;
    private String shipToRegion;
    /** The number of the line whose units this line replaces; null for a line the customer ordered. */
    private Integer substituteFor;
    /** The unit price the customer's order named (null when it named none), kept so that a repricing compares again. */
    @Column(precision = 19, scale = 4)
    private BigDecimal expectedUnitPrice;

    protected OrderLine() {
    }

    OrderLine(SalesOrder order, Product product, PricedOrder.PricedLine priced) {
        this.order = order;
        this.product = product;
        this.lineNo = priced.lineNo();
        reprice(priced);
        this.shipTo = priced.shipTo();
        this.shipToRegion = priced.shipToRegion();
        this.expectedUnitPrice = priced.expectedUnitPrice();
    }

    /** Units of another product that replace units of {@code original}, at the original's price. */
    static OrderLine substitute(SalesOrder order, int lineNo, OrderLine original, Product substitute, int units) {
        OrderLine line = new OrderLine();
        line.order = order;
        line.product = substitute;
        line.lineNo = lineNo;
        line.quantity = units;
        line.unitPrice = original.unitPrice;
        line.netAmount = PricingService.lineNet(original.unitPrice, units, order.getCurrency());
        line.priceSource = original.priceSource;
        line.priceRule = original.priceRule;
        line.substituteFor = original.lineNo;
        line.shipTo = original.shipTo;
        line.shipToRegion = original.shipToRegion;
        line.priceExplanation = "Substitute for " + original.product.getSku() + " (line " + original.lineNo
                + ") at its price: " + original.priceExplanation;
        return line;
    }

    /** New quantity and price from a repricing of its order (an order desk correction); the line keeps its number. */
    void reprice(PricedOrder.PricedLine priced) {
        this.quantity = priced.quantity();
        this.unitPrice = priced.unitPrice();
        this.netAmount = priced.netAmount();
        this.priceSource = priced.priceSource();
        this.priceRule = priced.priceRule();
        this.priceExplanation = priced.explanation().text();
    }

    /** Gives up units that cannot or need not ship any more; never more than the line has. */
    public void cancelUnits(int units) {
        if (units < 0 || cancelledQuantity + units > quantity) {
            throw new IllegalArgumentException("Line " + lineNo + " cannot cancel " + units + " more of " + quantity);
        }
        cancelledQuantity += units;
    }

    public Long getId() { return id; }
    public SalesOrder getOrder() { return order; }
    public int getLineNo() { return lineNo; }
    public Product getProduct() { return product; }
    public int getQuantity() { return quantity; }
    public int getCancelledQuantity() { return cancelledQuantity; }
    public String getShipTo() { return shipTo; }
    public String getShipToRegion() { return shipToRegion; }
    public BigDecimal getExpectedUnitPrice() { return expectedUnitPrice; }
    public Integer getSubstituteFor() { return substituteFor; }
    public BigDecimal getUnitPrice() { return unitPrice; }
    public BigDecimal getNetAmount() { return netAmount; }
    public PriceSource getPriceSource() { return priceSource; }
    public String getPriceRule() { return priceRule; }
    public String getPriceExplanation() { return priceExplanation; }
}
