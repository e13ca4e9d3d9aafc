package org.tradeflow.edi;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.business.NotFound;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes the documents we send trading partners: once per partner, type and source (an event delivered again finds
 * its document and makes none), each with the partner's next control number drawn in the document's own transaction
 * (gap-free, whichever node writes it), read back against our schema before it is stored, and dropped into the
 * partner's outbox folder after the commit.
 */
@Service
class OutboundDocuments {

    static final Set<String> TYPES = Set.of("997", "855", "856", "810");

    private final OutboundStore store;
    private final OutboxFolder folder;
    private final Clock clock;

    OutboundDocuments(OutboundStore store, OutboxFolder folder, Clock clock) {
        this.store = store;
        this.folder = folder;
        this.clock = clock;
    }

    /**
     * The document written by {@code writer} for the envelope it is given, unless the partner has one of this type for
     * this source already (then empty). Joins the caller's transaction, if any.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    Optional<Long> create(TradingPartners.Partner partner, String type, String sourceReference,
                          Function<X12Writer.Envelope, String> writer) {
        // the lock first: a twin delivered at the same time waits here and then finds this document
        store.lockCounter(partner.id());
        if (store.exists(partner.id(), type, sourceReference)) {
            return Optional.empty();
        }
        X12Writer.Envelope envelope = new X12Writer.Envelope(partner, store.nextControl(partner.id()), ZonedDateTime.now(clock));
        String content = X12Writer.validated(type, writer.apply(envelope));
        long id = store.insert(partner.id(), type, sourceReference, envelope, envelope.groupControl(),
                X12Writer.TRANSACTION_CONTROL, content);
        dropAfterCommit(id);
        return Optional.of(id);
    }

    /** A 997 (or TA1) stored as it was answered: its control number was drawn by {@link #nextControl}. */
    @Transactional(propagation = Propagation.MANDATORY)
    long storeAcknowledgement(TradingPartners.Partner partner, long interchangeId, X12Writer.Envelope envelope, boolean groups,
                              String content) {
        X12Writer.validated("997", content);
        long id = store.insert(partner.id(), "997", String.valueOf(interchangeId), envelope, groups ? "1" : null,
                groups ? X12Writer.TRANSACTION_CONTROL : null, content);
        dropAfterCommit(id);
        return id;
    }

    /** The partner's next control number in the caller's transaction, for an acknowledgement. */
    @Transactional(propagation = Propagation.MANDATORY)
    X12Writer.Envelope nextEnvelope(TradingPartners.Partner partner) {
        return new X12Writer.Envelope(partner, store.nextControl(partner.id()), ZonedDateTime.now(clock));
    }

    OutboundDocument get(long id) {
        return store.get(id).orElseThrow(() -> new DocumentNotFound(id));
    }

    List<OutboundDocument> search(String partner, String type, String reference, int size) {
        if (type != null && !TYPES.contains(type)) {
            throw new InvalidInput("type", "must be 997, 855, 856 or 810");
        }
        return store.search(partner, type, reference, size);
    }

    private void dropAfterCommit(long id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // the retry job drops it
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                folder.drop(id);
            }
        });
    }

    static final class DocumentNotFound extends NotFound {
        DocumentNotFound(long id) {
            super("edi-document.not-found", "No outbound EDI document " + id);
        }
    }
}
