package org.tradeflow.dunning;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.business.NotFound;
import org.tradeflow.business.StateConflict;
import org.tradeflow.invoicing.Invoice;
import org.tradeflow.invoicing.InvoiceDocuments;
import org.tradeflow.invoicing.InvoiceStatus;
import org.tradeflow.rules.RuleSetRegistry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Optional;

/**
 * Dunning of one invoice: the next reminder when dunning.xlsx says it is due, the customer's dispute that pauses it,
 * and the finance call of the last level. Payment ends it by itself: a paid invoice is never overdue.
 */
@Service
public class DunningService {

    private final InvoiceDocuments invoices;
    private final DunningRecords records;
    private final DunningTable table;
    private final RuleSetRegistry rules;
    private final DunningWorkflow workflow;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DunningService(InvoiceDocuments invoices, DunningRecords records, DunningTable table, RuleSetRegistry rules,
                   DunningWorkflow workflow, ApplicationEventPublisher events, Clock clock) {
        this.invoices = invoices;
        this.records = records;
        this.table = table;
        this.rules = rules;
        this.workflow = workflow;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends the invoice's next reminder if it is due today: the invoice is overdue and unpaid, not disputed, the last
     * reminder's waiting days are over and the table has a row for the next level at this many days overdue. Records
     * it, announces it ({@link InvoiceDunned}, through the outbox) and, at the last level, asks finance to call. An
     * invoice another transaction holds (a payment, another server's run) is left for the next run.
     */
    @Transactional
    Optional<DunningNotice> raise(long invoiceId, LocalDate today) {
        Invoice invoice = invoices.lockUnlessLocked(invoiceId).orElse(null);
        if (invoice == null || invoice.isCreditNote() || invoice.getStatus() == InvoiceStatus.PAID
                || !invoice.getDueOn().isBefore(today) || records.openDispute(invoiceId).isPresent()) {
            return Optional.empty();
        }
        Optional<DunningNotice> latest = records.latest(invoiceId);
        if (latest.isPresent() && (latest.get().callCustomer() || today.isBefore(latest.get().payBy()))) {
            return Optional.empty();
        }
        int level = latest.map(notice -> notice.level() + 1).orElse(1);
        long daysOverdue = ChronoUnit.DAYS.between(invoice.getDueOn(), today);
        BigDecimal open = invoice.getAmountDue();
        Optional<DunningLevel> decided = table.decide(rules.current(), level, daysOverdue, open);
        if (decided.isEmpty()) {
            return Optional.empty();
        }
        DunningLevel row = decided.get();
        int minorUnits = Currency.getInstance(invoice.getCurrency()).getDefaultFractionDigits();
        BigDecimal interest = open.multiply(row.interestPercent()).multiply(BigDecimal.valueOf(daysOverdue))
                .divide(BigDecimal.valueOf(36_500), minorUnits, RoundingMode.HALF_UP);
        DunningNotice notice = new DunningNotice(invoiceId, invoice.getInvoiceNumber(), invoice.getAccount().getCode(), level,
                today, Math.toIntExact(daysOverdue), open, invoice.getCurrency(), row.fee().setScale(minorUnits, RoundingMode.HALF_UP),
                row.interestPercent(), interest, row.waitDays().intValueExact(), row.blocksOrders(), row.callCustomer(), row.rule(),
                null, null, null, null);
        if (!records.insert(notice)) {
            return Optional.empty();
        }
        events.publishEvent(new InvoiceDunned(notice.invoiceNumber(), notice.accountCode(), level, today, daysOverdue, open,
                notice.fee(), notice.interestPercent(), interest, notice.currency(), notice.payBy(), notice.blocksOrders(),
                notice.callCustomer()));
        if (notice.callCustomer()) {
            workflow.callCustomer(new DunningWorkflow.CallBriefing(invoiceId, notice.invoiceNumber(), level,
                    "**" + invoice.getAccount().getName() + "** (" + notice.accountCode() + ") has not paid invoice **"
                            + notice.invoiceNumber() + "**, due " + invoice.getDueOn() + ", " + daysOverdue + " days overdue: "
                            + "**" + notice.totalDue().setScale(minorUnits, RoundingMode.HALF_UP).toPlainString() + " " + notice.currency() + "** with fee and interest. "
                            + "Reminder level " + level + " (final notice) went out on " + today
                            + (notice.blocksOrders() ? "; new orders of the account are held." : ".")));
        }
        return Optional.of(notice);
    }

    /** Where the invoice's dunning stands: its reminders, its open dispute, whether it holds the account's orders. */
    @Transactional(readOnly = true)
    public DunningView view(long invoiceId) {
        Invoice invoice = invoices.get(invoiceId);
        return DunningView.of(invoice, records.notices(invoiceId), records.openDispute(invoiceId).orElse(null));
    }

    /** One reminder of the invoice, with the invoice its letter is about. */
    @Transactional(readOnly = true)
    Letter letter(long invoiceId, int level) {
        Invoice invoice = invoices.get(invoiceId);
        DunningNotice notice = records.notices(invoiceId).stream().filter(n -> n.level() == level).findFirst()
                .orElseThrow(() -> new NoSuchNotice(invoice, level));
        return new Letter(invoice, notice);
    }

    record Letter(Invoice invoice, DunningNotice notice) {
    }

    /** The answer to a dispute: the open dispute, and whether this call opened it (a repeat finds it). */
    public record Disputed(DunningView.Dispute dispute, boolean opened) {
    }

    /**
     * The customer disputes the invoice: its dunning pauses (no further reminder, the finance call ends) and it no
     * longer holds the account's orders. Asking again while it is open changes nothing.
     */
    @Transactional
    public Disputed dispute(long invoiceId, String reason, String by) {
        Invoice invoice = invoices.get(invoiceId);
        if (invoice.isCreditNote()) {
            throw new StateConflict("dispute.credit-note", invoice.getInvoiceNumber() + " is a credit note: there is nothing to dispute");
        }
        if (invoice.getStatus() == InvoiceStatus.PAID) {
            throw new StateConflict("dispute.paid", invoice.getInvoiceNumber() + " is paid: there is nothing to dispute");
        }
        InvoiceDispute asked = new InvoiceDispute(invoiceId, invoice.getInvoiceNumber(), invoice.getAccount().getCode(),
                reason.strip(), by, clock.instant(), null, null);
        boolean opened = records.openDispute(asked);
        if (opened) {
            workflow.stop(invoice.getInvoiceNumber());
            events.publishEvent(new InvoiceDisputed(invoiceId, invoice.getInvoiceNumber(), asked.accountCode(), true, by));
        }
        return new Disputed(DunningView.Dispute.of(records.openDispute(invoiceId).orElseThrow()), opened);
    }

    /** Finance lifts the dispute: dunning goes on from the level the invoice had. Nothing open, nothing to do. */
    @Transactional
    public void liftDispute(long invoiceId, String by) {
        Invoice invoice = invoices.get(invoiceId);
        if (records.liftDispute(invoiceId, by, clock.instant())) {
            events.publishEvent(new InvoiceDisputed(invoiceId, invoice.getInvoiceNumber(), invoice.getAccount().getCode(), false, by));
        }
    }

    /** What finance did about the last level's call (UserTaskCallCustomer). */
    @Transactional
    public void recordCall(long invoiceId, String outcome, String comment, String by) {
        records.latest(invoiceId).filter(DunningNotice::callCustomer).ifPresent(notice ->
                records.recordCall(invoiceId, notice.level(), outcome, comment, by, clock.instant()));
    }

    /**
     * Money or credit reached the account: each of its invoices at the last level that is settled in full now ends the
     * finance call it may wait for (asked by account, as a credit note settles invoices without naming them).
     */
    @Transactional
    void settled(String accountCode) {
        records.finalNotices(accountCode).forEach((number, invoiceId) -> {
            if (invoices.get(invoiceId).getStatus() == InvoiceStatus.PAID) {
                workflow.stop(number);
            }
        });
    }

    static final class NoSuchNotice extends NotFound {
        NoSuchNotice(Invoice invoice, int level) {
            super("dunning.no-notice", invoice.getInvoiceNumber() + " has no reminder of level " + level);
        }
    }
}
