package org.tradeflow.returns;

import org.tradeflow.business.StateConflict;

/** returns.xlsx has no row for a request: nothing is authorised. */
public class ReturnNotDecided extends StateConflict {

    ReturnNotDecided(ReturnQuestion question) {
        super("return.not-decided", "No row of returns.xlsx decides a return for reason " + question.getReasonCode()
                + (question.getCustomerGroup().isEmpty() ? "" : " (customer group " + question.getCustomerGroup() + ")"));
    }
}
