package org.tradeflow.edi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Polls the drop folders every {@code tradeflow.edi.inbox-poll-interval}; off with {@code inbox-poll-enabled: false}. */
@Component
@ConditionalOnProperty(name = "tradeflow.edi.inbox-poll-enabled", havingValue = "true", matchIfMissing = true)
class EdiInboxPoller {

    private final EdiInbox inbox;

    EdiInboxPoller(EdiInbox inbox) {
        this.inbox = inbox;
    }

    @Scheduled(fixedDelayString = "${tradeflow.edi.inbox-poll-interval:PT5S}", initialDelayString = "${tradeflow.edi.inbox-poll-interval:PT5S}")
    void poll() {
        inbox.poll();
    }
}
