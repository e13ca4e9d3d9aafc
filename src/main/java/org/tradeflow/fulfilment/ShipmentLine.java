package org.tradeflow.fulfilment;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.tradeflow.order.OrderLine;

@Entity
@Table(name = "shipment_line")
public class ShipmentLine {

    /** From a pooled sequence (fifty ids per round trip) so that a large order's lines are inserted in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_line_ids")
    @SequenceGenerator(name = "shipment_line_ids", sequenceName = "shipment_line_id_seq", allocationSize = 50)
    private Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "shipment_id")
    private Shipment shipment;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_line_id")
    private OrderLine orderLine;
    private int quantity;

    protected ShipmentLine() {
    }

    ShipmentLine(Shipment shipment, OrderLine orderLine, int quantity) {
        this.shipment = shipment;
        this.orderLine = orderLine;
        this.quantity = quantity;
    }

    /** Carries fewer units (an order change); the caller releases their reservation. */
    void reduce(int units) {
        if (units <= 0 || units > quantity) {
            throw new IllegalArgumentException("Cannot take " + units + " of " + quantity + " units off a shipment line");
        }
        quantity -= units;
    }

    public OrderLine getOrderLine() { return orderLine; }
    public int getQuantity() { return quantity; }
}
