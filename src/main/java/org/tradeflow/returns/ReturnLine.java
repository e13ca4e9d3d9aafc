package org.tradeflow.returns;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.tradeflow.order.OrderLine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Units of one order line a return authorises, how many came back (and from which shipments), and what inspection made of them. */
@Entity
@Table(name = "return_line")
class ReturnLine {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "return_id")
    private ReturnAuthorisation authorisation;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "order_line_id")
    private OrderLine orderLine;
    private int quantity;
    private int received;
    private int restocked;
    private int scrapped;
    private int returnedToVendor;
    private int refused;
    @ElementCollection
    @CollectionTable(name = "return_receipt", joinColumns = @JoinColumn(name = "return_line_id"))
    private List<Receipt> receipts = new ArrayList<>();

    /** Goods of one shipment booked back at its warehouse. */
    @Embeddable
    record Receipt(long shipmentId, long warehouseId, int quantity, String receivedBy, Instant receivedAt) {
    }

    /** What inspection decided for the units that came back; all but the refused ones are credited. */
    record Outcome(int restock, int scrap, int returnToVendor, int refuse) {

        int total() {
            return restock + scrap + returnToVendor + refuse;
        }
    }

    protected ReturnLine() {
    }

    ReturnLine(ReturnAuthorisation authorisation, OrderLine orderLine, int quantity) {
        this.authorisation = authorisation;
        this.orderLine = orderLine;
        this.quantity = quantity;
    }

    int stillExpected() {
        return quantity - received;
    }

    void received(Receipt receipt) {
        if (receipt.quantity() > stillExpected()) {
            throw new IllegalArgumentException("only " + stillExpected() + " more expected");
        }
        receipts.add(receipt);
        received += receipt.quantity();
    }

    void inspected(Outcome outcome) {
        if (outcome.total() != received) {
            throw new IllegalArgumentException(received + " units came back, " + outcome.total() + " were inspected");
        }
        restocked = outcome.restock();
        scrapped = outcome.scrap();
        returnedToVendor = outcome.returnToVendor();
        refused = outcome.refuse();
    }

    /** Units credited: all that came back, less what inspection refused. */
    int accepted() {
        return received - refused;
    }

    Long getId() { return id; }
    OrderLine getOrderLine() { return orderLine; }
    int getQuantity() { return quantity; }
    int getReceived() { return received; }
    int getRestocked() { return restocked; }
    int getScrapped() { return scrapped; }
    int getReturnedToVendor() { return returnedToVendor; }
    int getRefused() { return refused; }
    List<Receipt> getReceipts() { return receipts; }
}
