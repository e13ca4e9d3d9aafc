package org.tradeflow.dunning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tradeflow.invoicing.InvoiceDocuments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The daily dunning run ({@code tradeflow.dunning.cron}, 06:00 by default): every overdue invoice whose next reminder
 * is due gets it, one level a run, each invoice in a transaction of its own so that one failure stops nothing else.
 * Every server runs it: an invoice another one is dunning right now is locked and skipped (it gets its level there),
 * and a level is recorded once per invoice whatever happens.
 */
@Component
public class DunningRun {

    private static final Logger log = LoggerFactory.getLogger(DunningRun.class);
    /** Invoices looked at per round trip. */
    private static final int PAGE = 500;

    private final InvoiceDocuments invoices;
    private final DunningRecords records;
    private final DunningService dunning;
    private final Clock clock;

    DunningRun(InvoiceDocuments invoices, DunningRecords records, DunningService dunning, Clock clock) {
        this.invoices = invoices;
        this.records = records;
        this.dunning = dunning;
        this.clock = clock;
    }

    @Scheduled(cron = "${tradeflow.dunning.cron:0 0 6 * * *}", zone = "${tradeflow.dunning.zone:UTC}")
    void scheduled() {
        int sent = run();
        log.info("Dunning run: {} reminders sent", sent);
    }

    /** Sends today's reminders; returns how many went out. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        int sent = 0;
        long after = 0;
        for (List<Long> page = invoices.overdueIds(today, after, PAGE); !page.isEmpty(); page = invoices.overdueIds(today, after, PAGE)) {
            after = page.get(page.size() - 1);
            Map<Long, DunningNotice> latest = records.latest(page);
            Set<Long> disputed = records.disputed(page);
            for (long invoiceId : page) {
                DunningNotice last = latest.get(invoiceId);
                if (disputed.contains(invoiceId) || last != null && (last.callCustomer() || today.isBefore(last.payBy()))) {
                    continue;
                }
                try {
                    Optional<DunningNotice> notice = dunning.raise(invoiceId, today);
                    if (notice.isPresent()) {
                        sent++;
                    }
                } catch (RuntimeException e) {
                    log.warn("Dunning invoice {} failed, it is tried again next run: {}", invoiceId, e.getMessage());
                }
            }
        }
        return sent;
    }
}
