package org.tradeflow.invoicing;

/** Where an invoice stands in collection. */
public enum InvoiceStatus {
    /** Issued, nothing paid yet. */
    OPEN,
    PAID
}
