package org.tradeflow.edi;

import org.springframework.stereotype.Service;
import org.tradeflow.business.BusinessException;
import org.tradeflow.intake.Idempotency;
import org.tradeflow.order.OrderIntake;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes an EDIFACT interchange from a trading partner: reads and validates it ({@link EdifactReader}), makes an order of
 * each valid ORDERS message through the same intake as the REST API and the X12 path ({@link OrdersMapping}), answers
 * with a CONTRL ({@link ContrlWriter}) when the partner wants one, the UNB asks for one or anything was rejected, and keeps the interchange with what became of each message. A broken envelope, an
 * unknown sender or an interchange not addressed to us makes no order at all; each valid message stands on its own.
 * The same UNB control reference again from the same partner is a replay: the first answer, no second order.
 */
@Service
class EdifactInterchanges {

    static final String SYNTAX = "EDIFACT";

    private final TradingPartners partners;
    private final InterchangeStore store;
    private final OrdersMapping mapping;
    private final OrderIntake intake;
    private final Idempotency idempotency;
    private final Clock clock;

    EdifactInterchanges(TradingPartners partners, InterchangeStore store, OrdersMapping mapping, OrderIntake intake,
                        Idempotency idempotency, Clock clock) {
        this.partners = partners;
        this.store = store;
        this.mapping = mapping;
        this.intake = intake;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    EdiInterchanges.Received receive(byte[] raw, String user) {
        EdifactInterchange interchange = EdifactReader.read(raw);
        EdifactInterchange.Unb unb = interchange.unb();
        Optional<TradingPartners.EdifactPartner> partner = partners.byUnbSender(unb.senderQualifier(), unb.senderId());
        if (partner.isPresent()) {
            Optional<Long> earlier = store.find(partner.get().id(), SYNTAX, unb.controlReference());
            if (earlier.isPresent()) {
                return new EdiInterchanges.Received(store.view(earlier.get()).orElseThrow(), true);
            }
        }
        List<String> reasons = new ArrayList<>();
        ContrlWriter.Verdict envelope = interchangeVerdict(interchange, partner, reasons);
        List<InterchangeView.TransactionResult> results = new ArrayList<>();
        List<ContrlWriter.MessageAck> ungrouped = new ArrayList<>();
        List<ContrlWriter.GroupAck> groupAcks = new ArrayList<>();
        List<List<ContrlWriter.MessageAck>> groupMessages = new ArrayList<>();
        List<ContrlWriter.Verdict> groupVerdicts = new ArrayList<>();
        for (EdifactInterchange.Group group : interchange.groups()) {
            String groupReason = groupReason(group);
            if (groupReason != null) {
                reasons.add("UNG " + group.reference() + ": " + groupReason);
            }
            groupVerdicts.add(groupReason == null ? ContrlWriter.Verdict.accepted() : ContrlWriter.Verdict.rejected(group.problems().get(0)));
            groupMessages.add(new ArrayList<>());
        }
        int accepted = 0;
        for (EdifactInterchange.Message message : interchange.messages()) {
            int groupIndex = groupIndex(interchange, message);
            ContrlWriter.Verdict groupVerdict = groupIndex < 0 ? null : groupVerdicts.get(groupIndex);
            String poNumber = message.first("BGM").map(bgm -> bgm.value(2)).filter(po -> !po.isEmpty()).orElse(null);
            List<EdifactInterchange.Problem> errors = new ArrayList<>(message.problems());
            ContrlWriter.Verdict verdict;
            String rejection;
            Long orderId = null;
            String orderNumber = null;
            String own = messageReason(message, partner.orElse(null));
            if (envelope.action().equals(ContrlWriter.REJECTED)) {
                rejection = "the interchange is rejected: " + reasons.get(0) + (own == null ? "" : "; " + own);
                verdict = ContrlWriter.Verdict.rejected((String) null);
            } else if (groupVerdict != null && groupVerdict.action().equals(ContrlWriter.REJECTED)) {
                rejection = "the functional group is rejected: " + groupReason(interchange.groups().get(groupIndex))
                        + (own == null ? "" : "; " + own);
                verdict = ContrlWriter.Verdict.rejected((String) null);
            } else if (own != null) {
                rejection = own;
                verdict = message.problems().isEmpty() ? ContrlWriter.Verdict.rejected("17")
                        : ContrlWriter.Verdict.rejected(message.problems().get(0));
            } else {
                try {
                    OrdersMapping.Mapped mapped = mapping.map(partner.orElseThrow(), message);
                    try {
                        OrderIntake.Submission submission = idempotency.retryingOnRace(() -> intake.submit(mapped.request(), null, user));
                        orderId = submission.order().getId();
                        orderNumber = submission.order().getOrderNumber();
                        rejection = null;
                        verdict = ContrlWriter.Verdict.accepted();
                    } catch (BusinessException refused) {
                        throw mapped.explain(refused);
                    }
                } catch (OrdersMapping.Rejected rejected) {
                    rejection = rejected.getMessage();
                    errors.add(rejected.problem());
                    verdict = ContrlWriter.Verdict.rejected(rejected.problem());
                } catch (BusinessException refused) {
                    rejection = refused.getMessage();
                    verdict = ContrlWriter.Verdict.rejected("18");
                }
            }
            if (rejection == null) {
                accepted++;
            } else if (envelope.action().equals(ContrlWriter.ACCEPTED) && (groupVerdict == null
                    || groupVerdict.action().equals(ContrlWriter.ACCEPTED))) {
                reasons.add("UNH " + message.reference() + ": " + rejection);
            }
            results.add(new InterchangeView.TransactionResult(message.groupReference(), message.reference(), message.type(),
                    poNumber, orderId, orderNumber, rejection));
            ContrlWriter.MessageAck ack = new ContrlWriter.MessageAck(message.reference(), message.type(), message.version(),
                    message.release(), message.agency(), verdict, errors);
            (groupIndex < 0 ? ungrouped : groupMessages.get(groupIndex)).add(ack);
        }
        for (int i = 0; i < interchange.groups().size(); i++) {
            EdifactInterchange.Group group = interchange.groups().get(i);
            groupAcks.add(new ContrlWriter.GroupAck(group.reference(), group.senderId(), group.recipientId(),
                    groupVerdicts.get(i), groupMessages.get(i)));
        }
        if (interchange.messages().isEmpty() && reasons.isEmpty()) {
            reasons.add("the interchange holds no message");
            envelope = ContrlWriter.Verdict.rejected("32");
        }
        String status = accepted == 0 ? "REJECTED" : accepted == results.size() ? "ACCEPTED" : "PARTIALLY_ACCEPTED";
        // a CONTRL when the partner wants one, the UNB asks for one (0031 = 1), or anything was rejected
        boolean answered = partner.map(TradingPartners.EdifactPartner::wantsContrl).orElse(true)
                || unb.acknowledgementRequested() || !"ACCEPTED".equals(status);
        String contrl = !answered ? null : ContrlWriter.write(new ContrlWriter.Plan(unb,
                partner.map(TradingPartners.EdifactPartner::ourRecipientId).orElse(unb.recipientId()), envelope, groupAcks,
                ungrouped, store.nextAcknowledgementControl(), ZonedDateTime.now(clock)));
        long id = store.insertEdifact(partner.map(TradingPartners.EdifactPartner::id).orElse(null), unb, user, clock.instant(),
                status, reasons, raw, contrl, results);
        return new EdiInterchanges.Received(store.view(id).orElseThrow(), false);
    }

    /** The UCI verdict: rejected (each reason added) for a broken envelope, an unknown sender or another recipient. */
    private static ContrlWriter.Verdict interchangeVerdict(EdifactInterchange interchange,
                                                           Optional<TradingPartners.EdifactPartner> partner, List<String> reasons) {
        ContrlWriter.Verdict verdict = null;
        for (EdifactInterchange.Problem problem : interchange.problems()) {
            reasons.add(problem.describe());
            verdict = verdict == null ? ContrlWriter.Verdict.rejected(problem) : verdict;
        }
        EdifactInterchange.Unb unb = interchange.unb();
        if (partner.isEmpty()) {
            reasons.add("UNB (segment 1, element 2) " + unb.sender() + ": unknown partner, the sender is no trading partner of ours");
            return verdict != null ? verdict : new ContrlWriter.Verdict(ContrlWriter.REJECTED, "23", "UNB", 2, 1);
        }
        TradingPartners.EdifactPartner known = partner.get();
        if (!known.active()) {
            reasons.add("UNB (segment 1, element 2) " + unb.sender() + ": trading partner " + known.code() + " is not active");
            return verdict != null ? verdict : new ContrlWriter.Verdict(ContrlWriter.REJECTED, "23", "UNB", 2, 1);
        }
        if (!known.ourRecipientId().equals(unb.recipientId())) {
            reasons.add("UNB (segment 1, element 3) " + unb.recipientId() + ": the interchange is not addressed to us ("
                    + known.ourRecipientId() + " for partner " + known.code() + ")");
            return verdict != null ? verdict : new ContrlWriter.Verdict(ContrlWriter.REJECTED, "7", "UNB", 3, 1);
        }
        return verdict != null ? verdict : ContrlWriter.Verdict.accepted();
    }

    private static String groupReason(EdifactInterchange.Group group) {
        return group.problems().isEmpty() ? null
                : String.join("; ", group.problems().stream().map(EdifactInterchange.Problem::describe).toList());
    }

    /** Why the message cannot become an order before it is mapped: its own errors, or a type or version we do not take. */
    private static String messageReason(EdifactInterchange.Message message, TradingPartners.EdifactPartner partner) {
        List<String> reasons = new ArrayList<>();
        if (!"ORDERS".equals(message.type())) {
            reasons.add("UNH (segment 1, element 2-1) '" + message.type() + "': message type not supported, we take ORDERS");
        } else if (!EdifactReader.takes(message.type(), message.directory())) {
            reasons.add("UNH (segment 1, element 2-2) '" + message.version() + ":" + message.release()
                    + "': version not supported, we take ORDERS D96A and D01B");
        } else if (partner != null && !partner.version().equals(message.directory())) {
            reasons.add("UNH (segment 1, element 2-2) '" + message.version() + ":" + message.release() + "': partner "
                    + partner.code() + " is set up for " + partner.version());
        }
        message.problems().forEach(problem -> reasons.add(problem.describe()));
        return reasons.isEmpty() ? null : String.join("; ", reasons);
    }

    private static int groupIndex(EdifactInterchange interchange, EdifactInterchange.Message message) {
        if (message.groupReference() == null) {
            return -1;
        }
        for (int i = 0; i < interchange.groups().size(); i++) {
            if (message.groupReference().equals(interchange.groups().get(i).reference())) {
                return i;
            }
        }
        return -1;
    }
}
