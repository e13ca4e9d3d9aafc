package org.tradeflow.edi;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes our CONTRL answer to an EDIFACT interchange with StAEDI's EDIStreamWriter: UCI with the interchange's action
 * (7 acknowledged, 4 rejected) and syntax error code, UCF per functional group, UCM per message, and under a rejected
 * message UCS (the segment's position in the message) and UCD (the element and component) for each error, so that the
 * partner's translator finds what is at fault.
 */
final class ContrlWriter {

    static final String ACCEPTED = "7";
    static final String REJECTED = "4";

    /** StAEDI error types, and ours, as EDIFACT syntax error codes (0085). */
    private static final Map<String, String> ERROR_CODES = Map.ofEntries(
            Map.entry("CONTROL_REFERENCE_MISMATCH", "28"), Map.entry("CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT", "29"),
            Map.entry("INVALID_CONTROL_STRUCTURE", "18"),
            Map.entry("UNRECOGNIZED_SEGMENT_ID", "14"), Map.entry("UNEXPECTED_SEGMENT", "15"),
            Map.entry("MANDATORY_SEGMENT_MISSING", "13"), Map.entry("LOOP_OCCURS_OVER_MAXIMUM_TIMES", "36"),
            Map.entry("SEGMENT_EXCEEDS_MAXIMUM_USE", "35"), Map.entry("SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET", "15"),
            Map.entry("SEGMENT_NOT_IN_PROPER_SEQUENCE", "15"), Map.entry("SEGMENT_HAS_DATA_ELEMENT_ERRORS", "12"),
            Map.entry("REQUIRED_DATA_ELEMENT_MISSING", "13"), Map.entry("CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING", "13"),
            Map.entry("TOO_MANY_DATA_ELEMENTS", "16"), Map.entry("TOO_MANY_COMPONENTS", "16"),
            Map.entry("TOO_MANY_REPETITIONS", "35"), Map.entry("DATA_ELEMENT_TOO_SHORT", "40"),
            Map.entry("DATA_ELEMENT_TOO_LONG", "39"), Map.entry("INVALID_CHARACTER_DATA", "21"),
            Map.entry("INVALID_CODE_VALUE", "12"), Map.entry("INVALID_DATE", "12"), Map.entry("INVALID_TIME", "12"),
            Map.entry("EXCLUSION_CONDITION_VIOLATED", "12"), Map.entry("INVALID_VALUE", "12"));

    /** The syntax error code (0085) of a StAEDI error type, or of ours ({@code INVALID_VALUE}: a value we cannot take). */
    static String code(String error) {
        return ERROR_CODES.getOrDefault(error, "18");
    }

    /**
     * What we tell about one level (interchange, group or message): its action, and when rejected the syntax error code
     * with the service segment (UNB, UNT, ...) and its element at fault, where the error is in a service segment.
     */
    record Verdict(String action, String code, String serviceSegment, int element, int component) {

        static Verdict accepted() {
            return new Verdict(ACCEPTED, null, null, 0, 0);
        }

        static Verdict rejected(String code) {
            return new Verdict(REJECTED, code, null, 0, 0);
        }

        static Verdict rejected(EdifactInterchange.Problem problem) {
            boolean service = problem.segmentTag().startsWith("UN");
            return new Verdict(REJECTED, ContrlWriter.code(problem.error()), service ? problem.segmentTag() : null,
                    service ? problem.elementPosition() : 0, service ? problem.componentPosition() : 0);
        }
    }

    /** One message: its reference and S009 identifier, the verdict and the errors in its body (UCS/UCD). */
    record MessageAck(String reference, String type, String version, String release, String agency, Verdict verdict,
                      List<EdifactInterchange.Problem> bodyErrors) {
    }

    /** One functional group (UNG) and its messages. */
    record GroupAck(String reference, String senderId, String recipientId, Verdict verdict, List<MessageAck> messages) {
    }

    /** The whole answer: to whom, about which interchange, what we tell at each level. */
    record Plan(EdifactInterchange.Unb unb, String ourId, Verdict interchange, List<GroupAck> groups,
                List<MessageAck> messages, long controlReference, ZonedDateTime sentAt) {
    }

    private ContrlWriter() {
    }

    static String write(Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        EdifactInterchange.Unb unb = plan.unb();
        boolean version4 = "4".equals(unb.syntaxVersion());
        String reference = String.valueOf(plan.controlReference() % 100_000_000_000_000L);
        try (EDIStreamWriter writer = factory.createEDIStreamWriter(out, StandardCharsets.ISO_8859_1.name())) {
            writer.startInterchange();
            segment(writer, "UNB", composite(syntaxId(unb.syntaxId()), version4 ? "4" : "3"),
                    composite(plan.ourId(), unb.recipientQualifier()), composite(unb.senderId(), unb.senderQualifier()),
                    composite(plan.sentAt().format(DateTimeFormatter.ofPattern(version4 ? "yyyyMMdd" : "yyMMdd")),
                            plan.sentAt().format(DateTimeFormatter.ofPattern("HHmm"))), reference);
            List<Object[]> body = new ArrayList<>();
            body.add(new Object[] {"UCI", unb.controlReference(), composite(unb.senderId(), unb.senderQualifier()),
                    composite(unb.recipientId(), unb.recipientQualifier()), plan.interchange().action(),
                    plan.interchange().code(), plan.interchange().serviceSegment(), position(plan.interchange())});
            for (MessageAck message : plan.messages()) {
                message(body, message);
            }
            for (GroupAck group : plan.groups()) {
                body.add(new Object[] {"UCF", group.reference(), composite(group.senderId()), composite(group.recipientId()),
                        group.verdict().action(), group.verdict().code(), group.verdict().serviceSegment(),
                        position(group.verdict())});
                for (MessageAck message : group.messages()) {
                    message(body, message);
                }
            }
            segment(writer, "UNH", "1", version4 ? composite("CONTRL", "4", "1", "UN") : composite("CONTRL", "D", "3", "UN"));
            for (Object[] segment : body) {
                segment(writer, (String) segment[0], Arrays.copyOfRange(segment, 1, segment.length));
            }
            segment(writer, "UNT", String.valueOf(body.size() + 2), "1");
            segment(writer, "UNZ", "1", reference);
            writer.endInterchange();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("Cannot write the CONTRL", e);
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static void message(List<Object[]> body, MessageAck message) {
        body.add(new Object[] {"UCM", message.reference(), composite(message.type(), message.version(), message.release(),
                message.agency()), message.verdict().action(), message.verdict().code(), message.verdict().serviceSegment(),
                position(message.verdict())});
        if (ACCEPTED.equals(message.verdict().action())) {
            return;
        }
        String lastSegment = null;
        for (EdifactInterchange.Problem problem : message.bodyErrors()) {
            if (problem.segmentPosition() <= 0 || problem.segmentTag().startsWith("UN")) {
                continue; // UNH/UNT errors are told by UCM itself
            }
            String key = problem.segmentTag() + "#" + problem.segmentPosition();
            if (problem.ofSegment()) {
                body.add(new Object[] {"UCS", String.valueOf(problem.segmentPosition()), code(problem.error())});
                lastSegment = key;
                continue;
            }
            if (!key.equals(lastSegment)) {
                body.add(new Object[] {"UCS", String.valueOf(problem.segmentPosition())});
                lastSegment = key;
            }
            body.add(new Object[] {"UCD", code(problem.error()), problem.componentPosition() > 0
                    ? composite(String.valueOf(problem.elementPosition()), String.valueOf(problem.componentPosition()))
                    : composite(String.valueOf(problem.elementPosition()))});
        }
    }

    /** S011: the element (0098) and component (0104) position in the service segment at fault. */
    private static String[] position(Verdict verdict) {
        if (verdict.serviceSegment() == null || verdict.element() <= 0) {
            return null;
        }
        return verdict.component() > 0 ? composite(String.valueOf(verdict.element()), String.valueOf(verdict.component()))
                : composite(String.valueOf(verdict.element()));
    }

    private static String syntaxId(String received) {
        return received.matches("UNO[A-Y]") ? received : "UNOA";
    }

    private static String[] composite(String... components) {
        return components;
    }

    /** A segment of simple elements (String) and composites (String[]); trailing empty elements are left out. */
    private static void segment(EDIStreamWriter writer, String tag, Object... elements) throws EDIStreamException {
        int last = elements.length;
        while (last > 0 && empty(elements[last - 1])) {
            last--;
        }
        writer.writeStartSegment(tag);
        for (int i = 0; i < last; i++) {
            if (elements[i] instanceof String[] components) {
                int lastComponent = components.length;
                while (lastComponent > 0 && empty(components[lastComponent - 1])) {
                    lastComponent--;
                }
                if (lastComponent == 0) {
                    writer.writeEmptyElement();
                    continue;
                }
                writer.writeStartElement();
                for (int c = 0; c < lastComponent; c++) {
                    writer.writeComponent(clean(components[c]));
                }
                writer.endElement();
            } else if (empty(elements[i])) {
                writer.writeEmptyElement();
            } else {
                writer.writeElement(clean((String) elements[i]));
            }
        }
        writer.writeEndSegment();
    }

    private static boolean empty(Object element) {
        if (element == null) {
            return true;
        }
        if (element instanceof String[] components) {
            return Arrays.stream(components).allMatch(ContrlWriter::empty);
        }
        return ((String) element).isEmpty();
    }

    /** A value copied from the partner's interchange: at most 35 characters and none of our delimiters. */
    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        String cleaned = value.replaceAll("[+:'?*\\r\\n]", "");
        return cleaned.length() > 35 ? cleaned.substring(0, 35) : cleaned;
    }
}
