package org.tradeflow.receivables;

import org.tradeflow.business.NotFound;

public class PaymentNotFound extends NotFound {

    PaymentNotFound(long paymentId) {
        super("payment.not-found", "No payment with id " + paymentId);
    }
}
