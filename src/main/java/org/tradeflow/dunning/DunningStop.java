package org.tradeflow.dunning;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tradeflow.invoicing.CreditNoteIssued;
import org.tradeflow.receivables.CreditApplied;
import org.tradeflow.receivables.PaymentReceived;

/**
 * A payment or credit (a credit note, credit applied) that settles a dunned invoice ends the finance call it may wait for. Further reminders stop by
 * themselves: a paid invoice is never overdue.
 */
@Component
class DunningStop {

    private final DunningService dunning;

    DunningStop(DunningService dunning) {
        this.dunning = dunning;
    }

    @ApplicationModuleListener(id = "dunning/payment-received")
    void paymentReceived(PaymentReceived payment) {
        dunning.settled(payment.accountCode());
    }

    @ApplicationModuleListener(id = "dunning/credit-note-issued")
    void creditNoteIssued(CreditNoteIssued note) {
        dunning.settled(note.accountCode());
    }

    @ApplicationModuleListener(id = "dunning/credit-applied")
    void creditApplied(CreditApplied applied) {
        dunning.settled(applied.accountCode());
    }
}
