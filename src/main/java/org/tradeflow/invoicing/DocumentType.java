package org.tradeflow.invoicing;

/** An invoice charges the customer; a credit note gives back part of what an invoice charged. */
public enum DocumentType {
    INVOICE,
    CREDIT_NOTE
}
