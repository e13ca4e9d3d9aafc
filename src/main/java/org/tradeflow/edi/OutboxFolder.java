package org.tradeflow.edi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;

/**
 * The partners' outbox folders their gateways collect from: each document as {@code <outbox>/<PARTNER-CODE>/<type>-
 * <ISA13>.x12}, written to a temporary file and moved into place, so a gateway never picks up half a document. A
 * document that could not be written (a full disk, a folder not mounted) keeps dropped_at null and is written again
 * by {@link #retry}.
 */
@Component
class OutboxFolder {

    private static final Logger log = LoggerFactory.getLogger(OutboxFolder.class);

    private final OutboundStore store;
    private final EdiProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    OutboxFolder(OutboundStore store, EdiProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        // called after the document's commit, when that transaction's connection may still be bound: a new one
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Writes the document into its partner's folder and records it; false when that failed (it is retried). */
    boolean drop(long id) {
        OutboundDocument document = ownTransaction.execute(tx -> store.get(id).orElse(null));
        if (document == null || document.droppedAt() != null) {
            return true;
        }
        try {
            Path folder = properties.outbox().resolve(document.partner());
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "." + document.type() + "-", ".tmp");
            Files.writeString(temporary, document.content(), StandardCharsets.US_ASCII);
            Path target = folder.resolve(document.fileName());
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            ownTransaction.executeWithoutResult(tx -> store.dropped(id, clock.instant()));
            return true;
        } catch (IOException | RuntimeException e) {
            log.warn("EDI document {} ({} {} for {}) not dropped into the outbox, retried later: {}", id, document.type(),
                    document.interchangeControl(), document.partner(), e.toString());
            return false;
        }
    }

    /** Documents whose drop failed (or whose node died after the commit), a hundred at a time. */
    @Scheduled(fixedDelayString = "${tradeflow.edi.outbox-retry-interval:PT1M}", initialDelayString = "${tradeflow.edi.outbox-retry-interval:PT1M}")
    void retry() {
        for (long id : store.notDropped(100)) {
            if (!drop(id)) {
                return; // the folder is still unwritable: the next run tries again
            }
        }
    }
}
