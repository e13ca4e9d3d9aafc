package org.tradeflow.invoicing;

/** Where an invoice stands in collection. */
public enum InvoiceStatus {
    /** Issued, nothing paid yet. */
    OPEN,
    /** Some of it is paid. */
    PARTIALLY_PAID,
    PAID,
    /** A credit note all of whose credit went to invoices (one with credit left is OPEN). */
    APPLIED,
    /** Reported, never stored: not paid in full and past its due date. */
    OVERDUE
}
