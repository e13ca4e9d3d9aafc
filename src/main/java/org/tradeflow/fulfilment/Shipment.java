package org.tradeflow.fulfilment;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.Version;
import org.tradeflow.inventory.Warehouse;
import org.tradeflow.order.OrderLine;
import org.tradeflow.order.SalesOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one warehouse ships for one order. Its number is the business key of its fulfilment process. */
@Entity
@Table(name = "shipment")
public class Shipment {

    /** Fifty ids per round trip to the sequence (V15), so that Hibernate can insert in batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_ids")
    @SequenceGenerator(name = "shipment_ids", sequenceName = "shipment_id_seq", allocationSize = 50)
    private Long id;
    private String shipmentNumber;
    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    private SalesOrder order;
    private int sequenceNo;
    @ManyToOne(optional = false)
    @JoinColumn(name = "warehouse_id")
    private Warehouse warehouse;
    @Enumerated(EnumType.STRING)
    private ShipmentStatus status;
    /** The account's delivery address (null: the account's own). */
    private String shipTo;
    private String carrier;
    private String trackingNumber;
    private Instant dispatchedAt;
    @Version
    private long version;

    @OneToMany(mappedBy = "shipment", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ShipmentLine> lines = new ArrayList<>();

    protected Shipment() {
    }

    public static Shipment plan(SalesOrder order, int sequenceNo, Warehouse warehouse, String shipTo) {
        Shipment shipment = new Shipment();
        shipment.shipTo = shipTo;
        shipment.order = order;
        shipment.sequenceNo = sequenceNo;
        // Matches the business key the order-to-cash process gives each shipment's fulfilment process.
        shipment.shipmentNumber = order.getOrderNumber() + "-S" + sequenceNo;
        shipment.warehouse = warehouse;
        shipment.status = ShipmentStatus.PLANNED;
        return shipment;
    }

    public void addLine(OrderLine orderLine, int quantity) {
        lines.add(new ShipmentLine(this, orderLine, quantity));
    }

    void requested() {
        status = ShipmentStatus.REQUESTED;
    }

    void dispatched(String carrier, String trackingNumber, Instant at) {
        this.status = ShipmentStatus.DISPATCHED;
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        this.dispatchedAt = at;
    }

    /** Only a shipment not yet dispatched can be cancelled; the caller releases its reservations. */
    void cancelled() {
        if (!status.isOpen()) {
            throw new IllegalStateException("Shipment " + shipmentNumber + " is " + status + " and cannot be cancelled");
        }
        status = ShipmentStatus.CANCELLED;
    }

    public int getSequenceNo() { return sequenceNo; }
    public String getShipTo() { return shipTo; }

    public void invoiced() {
        if (status != ShipmentStatus.DISPATCHED) {
            throw new IllegalStateException("Shipment " + shipmentNumber + " is " + status + ", not dispatched");
        }
        status = ShipmentStatus.INVOICED;
    }

    public Long getId() { return id; }
    public String getShipmentNumber() { return shipmentNumber; }
    public SalesOrder getOrder() { return order; }
    public Warehouse getWarehouse() { return warehouse; }
    public ShipmentStatus getStatus() { return status; }
    public String getCarrier() { return carrier; }
    public String getTrackingNumber() { return trackingNumber; }
    public Instant getDispatchedAt() { return dispatchedAt; }
    public List<ShipmentLine> getLines() { return lines; }
}
