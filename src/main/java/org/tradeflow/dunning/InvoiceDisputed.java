package org.tradeflow.dunning;

/**
 * A dispute of an invoice was opened ({@code open}) or lifted: while it is open the invoice is not dunned and holds
 * none of the account's orders. Credit listens, to release orders the invoice held.
 */
public record InvoiceDisputed(long invoiceId, String invoiceNumber, String accountCode, boolean open, String by) {
}
