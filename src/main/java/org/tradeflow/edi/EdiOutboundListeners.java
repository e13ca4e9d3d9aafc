package org.tradeflow.edi;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tradeflow.fulfilment.ShipmentDispatched;
import org.tradeflow.invoicing.InvoiceIssued;
import org.tradeflow.order.OrderAccepted;
import org.tradeflow.order.OrderRejected;

/**
 * Tells the partner of an EDI order what became of it: an 855 when it is accepted or rejected, an 856 per dispatched
 * shipment, an 810 per invoice. Runs after the change commits, from the event publication registry (a crash or a failed
 * write delays the document, the registry delivers the event again); a delivery again finds the document and makes none.
 */
@Component
class EdiOutboundListeners {

    private final PartnerDocuments documents;

    EdiOutboundListeners(PartnerDocuments documents) {
        this.documents = documents;
    }

    @ApplicationModuleListener(id = "edi/order-accepted")
    void orderAccepted(OrderAccepted accepted) {
        documents.orderAcknowledgement(accepted.orderNumber());
    }

    @ApplicationModuleListener(id = "edi/order-rejected")
    void orderRejected(OrderRejected rejected) {
        documents.orderAcknowledgement(rejected.orderNumber());
    }

    @ApplicationModuleListener(id = "edi/shipment-dispatched")
    void shipmentDispatched(ShipmentDispatched dispatched) {
        documents.shipNotice(dispatched.orderNumber(), dispatched.shipmentNumber());
    }

    @ApplicationModuleListener(id = "edi/invoice-issued")
    void invoiceIssued(InvoiceIssued issued) {
        if (issued.orderNumber() != null) {
            documents.invoice(issued.orderNumber(), issued.invoiceNumber());
        }
    }
}
