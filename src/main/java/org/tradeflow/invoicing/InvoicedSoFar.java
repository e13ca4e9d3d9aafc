package org.tradeflow.invoicing;

import java.math.BigDecimal;

/** How much of one order line earlier invoices already billed. */
record InvoicedSoFar(long orderLineId, long quantity, BigDecimal netAmount) {

    static final InvoicedSoFar NOTHING = new InvoicedSoFar(0, 0, BigDecimal.ZERO);
}
