package org.tradeflow.receivables;

import java.util.List;

/** Credit the account had (credit notes, payments not yet applied) settled some of its invoices. */
public record CreditApplied(String accountCode, List<String> invoiceNumbers) {
}
