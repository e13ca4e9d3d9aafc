package org.tradeflow.integration;

/**
 * An event the outside world (warehouses, ERPs, webhooks) is told about. Publishing one as an application
 * event writes it to the {@link Outbox} in the transaction of the change, so announcements and the events
 * between modules are one mechanism.
 */
public interface ExternalEvent {

    /** The name receivers know the event by, e.g. {@code ShipmentRequested}. */
    String eventType();

    /** The business key of what changed: an order, shipment or invoice number. */
    String aggregateId();
}
