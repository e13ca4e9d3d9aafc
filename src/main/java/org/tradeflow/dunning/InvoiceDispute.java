package org.tradeflow.dunning;

import java.time.Instant;

/** A customer's dispute of an invoice: open until finance lifts it. */
record InvoiceDispute(long invoiceId, String invoiceNumber, String accountCode, String reason, String disputedBy,
                      Instant disputedAt, String liftedBy, Instant liftedAt) {
}
