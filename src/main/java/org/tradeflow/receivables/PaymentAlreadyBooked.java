package org.tradeflow.receivables;

import org.tradeflow.business.StateConflict;

/** The bank reference was booked for the account before (the same statement line twice, or two people posting it). */
public class PaymentAlreadyBooked extends StateConflict {

    PaymentAlreadyBooked(String reference, String accountCode, long paymentId) {
        super("payment.reference-booked", "Reference " + reference + " is booked for account " + accountCode
                + " already, as payment " + paymentId);
    }
}
