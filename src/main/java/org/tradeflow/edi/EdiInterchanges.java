package org.tradeflow.edi;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.business.BusinessException;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.business.NotFound;
import org.tradeflow.intake.Idempotency;
import org.tradeflow.order.OrderIntake;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes an X12 interchange from a trading partner: reads and validates it ({@link X12Reader}), makes an order of each
 * valid 850 through the same intake as the REST API ({@link PurchaseOrderMapping}), answers with a 997 (and a TA1 when
 * the interchange itself is refused, {@link AcknowledgementWriter}) and keeps the interchange with what became of each
 * transaction set. A broken envelope, an unknown sender or an unsupported version makes no order at all; each valid
 * transaction set stands on its own. The same ISA13 again from the same partner is a replay: the first answer, no
 * second order. The interchange is stored after its orders: an order's PO is unique per account, so a crash in between
 * and a resend make the same orders again, never two.
 */
@Service
public class EdiInterchanges {

    private static final Set<String> VERSIONS = Set.of("004010", "005010");

    private final TradingPartners partners;
    private final InterchangeStore store;
    private final PurchaseOrderMapping mapping;
    private final OrderIntake intake;
    private final Idempotency idempotency;
    private final Clock clock;
    private final OutboundDocuments outbound;
    private final TransactionTemplate transactions;

    EdiInterchanges(TradingPartners partners, InterchangeStore store, PurchaseOrderMapping mapping, OrderIntake intake,
                    Idempotency idempotency, Clock clock, OutboundDocuments outbound, PlatformTransactionManager transactionManager) {
        this.outbound = outbound;
        this.transactions = new TransactionTemplate(transactionManager);
        this.partners = partners;
        this.store = store;
        this.mapping = mapping;
        this.intake = intake;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** The interchange as received now, or ({@code replayed}) as its first receipt stored it. */
    public record Received(InterchangeView interchange, boolean replayed) {
    }

    public Received receive(byte[] raw, String user) {
        X12Interchange interchange = X12Reader.read(raw);
        X12Interchange.Isa isa = interchange.isa();
        Optional<TradingPartners.Partner> partner = partners.bySender(isa.senderQualifier(), isa.senderId());
        if (partner.isPresent()) {
            Optional<Long> earlier = store.find(partner.get().id(), isa.controlNumber());
            if (earlier.isPresent()) {
                return new Received(store.view(earlier.get()).orElseThrow(), true);
            }
        }
        List<String> reasons = new ArrayList<>();
        String note = interchangeNote(interchange, partner, reasons);
        List<AcknowledgementWriter.GroupAck> groupAcks = new ArrayList<>();
        List<InterchangeView.TransactionResult> results = new ArrayList<>();
        int accepted = 0;
        for (X12Interchange.Group group : interchange.groups()) {
            List<String> groupCodes = new ArrayList<>();
            String groupReason = groupReason(group, partner.orElse(null), groupCodes);
            if (groupReason != null) {
                reasons.add("GS06 " + group.controlNumber() + ": " + groupReason);
            }
            List<AcknowledgementWriter.TransactionAck> transactionAcks = new ArrayList<>();
            for (X12Interchange.Transaction transaction : group.transactions()) {
                List<String> syntaxCodes = new ArrayList<>();
                String poNumber = transaction.first("BEG").map(beg -> beg.element(3)).filter(po -> !po.isEmpty()).orElse(null);
                String own = transactionReason(transaction, syntaxCodes);
                String envelope = note != null ? "the interchange is rejected: " + reasons.get(0)
                        : groupReason != null ? "the functional group is rejected: " + groupReason : null;
                String rejection = envelope == null ? own : own == null ? envelope : envelope + "; " + own;
                InterchangeView.TransactionResult result;
                if (rejection == null) {
                    result = order(partner.orElseThrow(), group, transaction, poNumber, user);
                    if (result.rejection() != null) {
                        syntaxCodes.add("5");
                    }
                } else {
                    result = new InterchangeView.TransactionResult(group.controlNumber(), transaction.controlNumber(),
                            transaction.type(), poNumber, null, null, rejection);
                }
                if (result.rejection() == null) {
                    accepted++;
                } else if (note == null && groupReason == null) {
                    reasons.add("ST02 " + transaction.controlNumber() + ": " + result.rejection());
                }
                results.add(result);
                transactionAcks.add(new AcknowledgementWriter.TransactionAck(transaction.type(), transaction.controlNumber(),
                        result.rejection() == null, transaction.problems(), syntaxCodes));
            }
            groupAcks.add(new AcknowledgementWriter.GroupAck(group.functionalId(), group.controlNumber(), transactionAcks, groupCodes));
        }
        if (interchange.groups().isEmpty() && reasons.isEmpty()) {
            reasons.add("the interchange holds no functional group");
        }
        X12Interchange.Group first = interchange.groups().isEmpty() ? null : interchange.groups().get(0);
        String interchangeNote = note != null ? note : interchange.groups().isEmpty() ? "024" : null;
        java.util.function.LongFunction<AcknowledgementWriter.Plan> plan = control -> new AcknowledgementWriter.Plan(isa,
                partner.map(TradingPartners.Partner::ourIsaQualifier).orElse(isa.receiverQualifier()),
                partner.map(TradingPartners.Partner::ourIsaId).orElse(isa.receiverId()),
                partner.map(TradingPartners.Partner::ourGsId).orElse(first == null ? isa.receiverId() : first.receiverId()),
                partner.map(TradingPartners.Partner::gsId).orElse(first == null ? isa.senderId() : first.senderId()),
                interchangeNote, groupAcks, control, ZonedDateTime.now(clock));
        String status = accepted == 0 ? "REJECTED" : accepted == results.size() ? "ACCEPTED" : "PARTIALLY_ACCEPTED";
        long id;
        if (partner.isPresent()) {
            // a partner's acknowledgement takes its next control number with the interchange's insert: gap-free, and
            // a replay that loses the race on the interchange's key gives the number back
            id = transactions.execute(tx -> {
                X12Writer.Envelope envelope = outbound.nextEnvelope(partner.get());
                String acknowledgement = AcknowledgementWriter.write(plan.apply(envelope.control()));
                long stored = store.insert(partner.get().id(), isa, user, clock.instant(), status, reasons, raw,
                        acknowledgement, results);
                outbound.storeAcknowledgement(partner.get(), stored, envelope, !groupAcks.isEmpty(), acknowledgement);
                return stored;
            });
        } else {
            String acknowledgement = AcknowledgementWriter.write(plan.apply(store.nextAcknowledgementControl()));
            id = store.insert(null, isa, user, clock.instant(), status, reasons, raw, acknowledgement, results);
        }
        return new Received(store.view(id).orElseThrow(), false);
    }

    public InterchangeView get(long id) {
        return store.view(id).orElseThrow(() -> new InterchangeNotFound(id));
    }

    public List<InterchangeView> list(String status, int size) {
        if (status != null && !Set.of("ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED").contains(status)) {
            throw new InvalidInput("status", "must be ACCEPTED, PARTIALLY_ACCEPTED or REJECTED");
        }
        return store.ids(status, size).stream().map(this::get).toList();
    }

    /** The TA1 note code when the interchange itself is refused (each reason added), else null. */
    private static String interchangeNote(X12Interchange interchange, Optional<TradingPartners.Partner> partner, List<String> reasons) {
        String note = null;
        for (X12Interchange.Problem problem : interchange.problems()) {
            reasons.add(problem.describe());
            String code = switch (problem.error()) {
                case "CONTROL_REFERENCE_MISMATCH" -> "001";
                case "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT" -> "021";
                case "INVALID_CONTROL_STRUCTURE" -> problem.text() != null && problem.text().contains("end of stream") ? "023" : "024";
                default -> "024";
            };
            note = note == null ? code : note;
        }
        X12Interchange.Isa isa = interchange.isa();
        if (partner.isEmpty()) {
            reasons.add("ISA05/ISA06 " + isa.senderQualifier() + "/" + isa.senderId() + ": unknown partner, the sender is no "
                    + "trading partner of ours");
            return note == null ? "006" : note;
        }
        TradingPartners.Partner known = partner.get();
        if (!known.active()) {
            reasons.add("ISA05/ISA06 " + isa.senderQualifier() + "/" + isa.senderId() + ": trading partner " + known.code()
                    + " is not active");
            return note == null ? "006" : note;
        }
        if (!known.ourIsaQualifier().equals(isa.receiverQualifier()) || !known.ourIsaId().equals(isa.receiverId())) {
            reasons.add("ISA07/ISA08 " + isa.receiverQualifier() + "/" + isa.receiverId() + ": the interchange is not "
                    + "addressed to us (" + known.ourIsaQualifier() + "/" + known.ourIsaId() + " for partner " + known.code() + ")");
            return note == null ? "008" : note;
        }
        return note;
    }

    /** Why the whole functional group is refused (its AK9 codes added), or null. */
    private static String groupReason(X12Interchange.Group group, TradingPartners.Partner partner, List<String> codes) {
        List<String> reasons = new ArrayList<>();
        for (X12Interchange.Problem problem : group.problems()) {
            reasons.add(problem.describe());
            String code = switch (problem.error()) {
                case "CONTROL_REFERENCE_MISMATCH" -> "4";
                case "CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT" -> "5";
                default -> "6";
            };
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        String version = group.version().length() > 6 ? group.version().substring(0, 6) : group.version();
        if (!"PO".equals(group.functionalId())) {
            reasons.add("GS01 '" + group.functionalId() + "': functional group not supported, we take purchase orders (PO)");
            codes.add("1");
        } else if (!VERSIONS.contains(version)) {
            reasons.add("GS08 '" + group.version() + "': version not supported, we take 004010 and 005010");
            codes.add("2");
        } else if (partner != null && !partner.version().equals(version)) {
            reasons.add("GS08 '" + group.version() + "': partner " + partner.code() + " is set up for " + partner.version());
            codes.add("2");
        }
        if (partner != null && codes.isEmpty() && (!partner.gsId().equals(group.senderId()) || !partner.ourGsId().equals(group.receiverId()))) {
            reasons.add("GS02/GS03 " + group.senderId() + "/" + group.receiverId() + ": partner " + partner.code()
                    + " sends as " + partner.gsId() + " to " + partner.ourGsId());
            codes.add("6");
        }
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    /** Why the transaction set cannot become an order before it is mapped (its AK5 codes added), or null. */
    private static String transactionReason(X12Interchange.Transaction transaction, List<String> codes) {
        List<String> reasons = new ArrayList<>();
        if (!"850".equals(transaction.type())) {
            codes.add("1");
            reasons.add("ST01 '" + transaction.type() + "': transaction set not supported, we take 850 purchase orders");
        }
        if (transaction.problems().isEmpty()) {
            return reasons.isEmpty() ? null : reasons.get(0);
        }
        for (X12Interchange.Problem problem : transaction.problems()) {
            String code = !"SE".equals(problem.segmentTag()) ? "5"
                    : problem.error().equals("CONTROL_REFERENCE_MISMATCH") ? "3"
                    : problem.error().equals("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT") ? "4" : "5";
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        transaction.problems().forEach(problem -> reasons.add(problem.describe()));
        return String.join("; ", reasons);
    }

    private InterchangeView.TransactionResult order(TradingPartners.Partner partner, X12Interchange.Group group,
                                                    X12Interchange.Transaction transaction, String poNumber, String user) {
        PurchaseOrderMapping.Mapped mapped = null;
        try {
            mapped = mapping.map(partner, transaction);
            PurchaseOrderMapping.Mapped request = mapped;
            OrderIntake.Submission submission = idempotency.retryingOnRace(() -> intake.submit(request.request(), null, user));
            return new InterchangeView.TransactionResult(group.controlNumber(), transaction.controlNumber(), transaction.type(),
                    poNumber, submission.order().getId(), submission.order().getOrderNumber(), null);
        } catch (EdiRejection rejected) {
            return new InterchangeView.TransactionResult(group.controlNumber(), transaction.controlNumber(), transaction.type(),
                    poNumber, null, null, rejected.getMessage());
        } catch (BusinessException refused) {
            return new InterchangeView.TransactionResult(group.controlNumber(), transaction.controlNumber(), transaction.type(),
                    poNumber, null, null, mapped == null ? refused.getMessage() : mapped.explain(refused));
        }
    }

    static final class InterchangeNotFound extends NotFound {
        InterchangeNotFound(long id) {
            super("edi-interchange.not-found", "No EDI interchange " + id);
        }
    }
}
