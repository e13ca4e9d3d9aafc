package org.tradeflow.edi;

import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Writes our answer to an interchange with StAEDI's EDIStreamWriter: a TA1 when the interchange itself is refused
 * (its envelope, or a sender we do not know), and a 997 per functional group with AK1/AK2/AK3/AK4/AK5/AK9 built from the
 * reader's errors, so that the partner's translator finds the segment, its position and the element at fault.
 */
final class AcknowledgementWriter {

    /** What we tell about one transaction set: accepted, or rejected for these errors (AK5 codes). */
    record TransactionAck(String type, String controlNumber, boolean accepted, List<X12Interchange.Problem> problems,
                          List<String> syntaxCodes) {
    }

    /** One functional group: its AK9 status follows from its transactions unless the group itself is in error. */
    record GroupAck(String functionalId, String controlNumber, List<TransactionAck> transactions, List<String> groupCodes) {
    }

    /** The whole answer; {@code interchangeNote} is the TA1 note code (e.g. 001, 006) or null when the envelope is fine. */
    record Plan(X12Interchange.Isa isa, String ourQualifier, String ourId, String ourGsId, String theirGsId,
                String interchangeNote, List<GroupAck> groups, long controlNumber, ZonedDateTime sentAt) {
    }

    /** StAEDI error types as X12 AK304 segment syntax error codes. */
    private static final Map<String, String> SEGMENT_CODES = Map.ofEntries(
            Map.entry("UNRECOGNIZED_SEGMENT_ID", "1"), Map.entry("UNEXPECTED_SEGMENT", "2"),
            Map.entry("MANDATORY_SEGMENT_MISSING", "3"), Map.entry("LOOP_OCCURS_OVER_MAXIMUM_TIMES", "4"),
            Map.entry("SEGMENT_EXCEEDS_MAXIMUM_USE", "5"), Map.entry("SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET", "6"),
            Map.entry("SEGMENT_NOT_IN_PROPER_SEQUENCE", "7"), Map.entry("SEGMENT_HAS_DATA_ELEMENT_ERRORS", "8"));
    /** StAEDI error types as X12 AK403 data element syntax error codes. */
    private static final Map<String, String> ELEMENT_CODES = Map.ofEntries(
            Map.entry("REQUIRED_DATA_ELEMENT_MISSING", "1"), Map.entry("CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING", "2"),
            Map.entry("TOO_MANY_DATA_ELEMENTS", "3"), Map.entry("DATA_ELEMENT_TOO_SHORT", "4"),
            Map.entry("DATA_ELEMENT_TOO_LONG", "5"), Map.entry("INVALID_CHARACTER_DATA", "6"),
            Map.entry("INVALID_CODE_VALUE", "7"), Map.entry("INVALID_DATE", "8"), Map.entry("INVALID_TIME", "9"),
            Map.entry("EXCLUSION_CONDITION_VIOLATED", "10"), Map.entry("TOO_MANY_REPETITIONS", "12"),
            Map.entry("TOO_MANY_COMPONENTS", "13"));

    private AcknowledgementWriter() {
    }

    static String write(Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        String control = String.format("%09d", plan.controlNumber() % 1_000_000_000L);
        try (EDIStreamWriter writer = factory.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name())) {
            writer.startInterchange();
            segment(writer, "ISA", "00", " ".repeat(10), "00", " ".repeat(10), plan.ourQualifier(), EdiSyntax.isaId(plan.ourId()),
                    plan.isa().senderQualifier(), EdiSyntax.isaId(plan.isa().senderId()),
                    plan.sentAt().format(DateTimeFormatter.ofPattern("yyMMdd")),
                    plan.sentAt().format(DateTimeFormatter.ofPattern("HHmm")), "U", "00401", control, "0", plan.isa().usage().isBlank()
                            ? "P" : plan.isa().usage(), ":");
            if (plan.interchangeNote() != null) {
                segment(writer, "TA1", plan.isa().controlNumber(), plan.isa().date(), plan.isa().time(), "R", plan.interchangeNote());
            }
            int groupControl = 0;
            for (GroupAck group : plan.groups()) {
                groupControl++;
                segment(writer, "GS", "FA", plan.ourGsId(), plan.theirGsId(), plan.sentAt().format(DateTimeFormatter.ofPattern("yyyyMMdd")),
                        plan.sentAt().format(DateTimeFormatter.ofPattern("HHmm")), String.valueOf(groupControl), "X", "004010");
                writer.writeStartSegment("ST").writeElement("997").writeElement("0001").writeEndSegment();
                int segments = 1;
                segment(writer, "AK1", group.functionalId(), group.controlNumber());
                segments++;
                int accepted = 0;
                for (TransactionAck transaction : group.transactions()) {
                    segment(writer, "AK2", transaction.type(), transaction.controlNumber());
                    segments++;
                    segments += errors(writer, transaction.problems());
                    if (transaction.accepted()) {
                        accepted++;
                        segment(writer, "AK5", "A");
                    } else {
                        segment(writer, "AK5", codes("R", transaction.syntaxCodes()));
                    }
                    segments++;
                }
                String status = !group.groupCodes().isEmpty() || accepted == 0 ? "R"
                        : accepted < group.transactions().size() ? "P" : "A";
                String[] ak9 = new String[4 + Math.min(group.groupCodes().size(), 5)];
                ak9[0] = status;
                ak9[1] = String.valueOf(group.transactions().size());
                ak9[2] = String.valueOf(group.transactions().size());
                ak9[3] = String.valueOf(accepted);
                for (int i = 4; i < ak9.length; i++) {
                    ak9[i] = group.groupCodes().get(i - 4);
                }
                segment(writer, "AK9", ak9);
                segments += 2; // AK9 and SE
                writer.writeStartSegment("SE").writeElement(String.valueOf(segments)).writeElement("0001").writeEndSegment();
                segment(writer, "GE", "1", String.valueOf(groupControl));
            }
            segment(writer, "IEA", String.valueOf(plan.groups().size()), control);
            writer.endInterchange();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("Cannot write the acknowledgement", e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** AK3 per segment in error and AK4 per element in error under it; the number of segments written. */
    private static int errors(EDIStreamWriter writer, List<X12Interchange.Problem> problems) throws EDIStreamException {
        int written = 0;
        String lastSegment = null;
        for (X12Interchange.Problem problem : problems) {
            String key = problem.segmentTag() + "#" + problem.segmentPosition();
            if (problem.ofSegment()) {
                segment(writer, "AK3", problem.segmentTag(), String.valueOf(problem.segmentPosition()), "",
                        SEGMENT_CODES.getOrDefault(problem.error(), "8"));
                written++;
                lastSegment = key;
                continue;
            }
            if (!ELEMENT_CODES.containsKey(problem.error())) {
                continue; // control numbers and counts of SE are told by AK5
            }
            if (!key.equals(lastSegment)) {
                segment(writer, "AK3", problem.segmentTag(), String.valueOf(problem.segmentPosition()), "", "8");
                written++;
                lastSegment = key;
            }
            // AK401 is the composite C030: the element's position and, within a composite, the component's
            writer.writeStartSegment("AK4").writeStartElement().writeComponent(String.valueOf(problem.elementPosition()));
            if (problem.componentPosition() > 0) {
                writer.writeComponent(String.valueOf(problem.componentPosition()));
            }
            writer.endElement().writeElement("").writeElement(ELEMENT_CODES.get(problem.error()));
            String bad = problem.text() == null ? "" : clean(problem.text());
            if (!bad.isEmpty()) {
                writer.writeElement(bad);
            }
            writer.writeEndSegment();
            written++;
        }
        return written;
    }

    private static String[] codes(String first, List<String> codes) {
        String[] elements = new String[1 + Math.min(codes.size(), 5)];
        elements[0] = first;
        for (int i = 1; i < elements.length; i++) {
            elements[i] = codes.get(i - 1);
        }
        return elements;
    }

    private static void segment(EDIStreamWriter writer, String tag, String... elements) throws EDIStreamException {
        writer.writeStartSegment(tag);
        for (String element : elements) {
            writer.writeElement(element == null ? "" : element);
        }
        writer.writeEndSegment();
    }

    /** A bad value copied into AK404: at most 99 characters and none of our delimiters. */
    private static String clean(String value) {
        String cleaned = value.replaceAll("[*~:^\\r\\n]", "");
        return cleaned.length() > 99 ? cleaned.substring(0, 99) : cleaned;
    }
}
