package org.tradeflow.edi;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import org.tradeflow.business.InvalidInput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an EDIFACT interchange with StAEDI: its control schemas check the envelope (UNA when present and the delimiters it
 * declares, UNB/UNZ count and reference, UNG/UNE, UNH/UNT segment count and reference), our ORDERS schemas
 * (edi/edifact/ORDERS-D96A.xml, ORDERS-D01B.xml) check each purchase order's segments and elements. Input that is no
 * interchange at all (no UNA or UNB where one must start) is refused whole.
 */
final class EdifactReader {

    static final String FIELD = "interchange";

    /** The ORDERS directories we take, and the schema each is validated against. */
    private static final Map<String, Schema> ORDERS = Map.of(
            "D96A", EdiSyntax.schema("/edi/edifact/ORDERS-D96A.xml"),
            "D01B", EdiSyntax.schema("/edi/edifact/ORDERS-D01B.xml"));

    private EdifactReader() {
    }

    static boolean takes(String messageType, String directory) {
        return "ORDERS".equals(messageType) && ORDERS.containsKey(directory);
    }

    static EdifactInterchange read(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new InvalidInput(FIELD, "is empty: send the EDIFACT interchange (starting with UNA or UNB) as the request body");
        }
        if (raw.length < 12 || raw[0] != 'U' || raw[1] != 'N' || (raw[2] != 'A' && raw[2] != 'B')) {
            throw new InvalidInput(FIELD, "is no EDIFACT interchange: it must start with the UNA or UNB segment (no byte "
                    + "order mark, blank or padding before it), found " + EdiSyntax.printable(raw));
        }
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        EdifactInterchange.Unb unb = null;
        List<EdifactInterchange.Group> groups = new ArrayList<>();
        List<EdifactInterchange.Message> messages = new ArrayList<>();
        List<EdifactInterchange.Problem> interchangeProblems = new ArrayList<>();
        List<List<String>> ung = null;
        List<EdifactInterchange.Problem> groupProblems = null;
        List<EdifactInterchange.Segment> segments = null;
        List<EdifactInterchange.Problem> messageProblems = null;
        String segmentTag = null;
        List<List<String>> elements = null;
        int segmentPosition = 0;
        int segmentCount = 0;
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(raw))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_GROUP -> {
                        ung = new ArrayList<>();
                        groupProblems = new ArrayList<>();
                    }
                    case START_TRANSACTION -> {
                        segments = new ArrayList<>();
                        messageProblems = new ArrayList<>();
                        segmentPosition = 0;
                    }
                    case START_SEGMENT -> {
                        if (++segmentCount > X12Reader.MAX_SEGMENTS) {
                            throw new InvalidInput(FIELD, "has more than " + X12Reader.MAX_SEGMENTS + " segments");
                        }
                        segmentTag = reader.getText();
                        elements = new ArrayList<>();
                        if (segments != null) {
                            segmentPosition++;
                        }
                    }
                    case ELEMENT_DATA -> {
                        Location location = reader.getLocation();
                        if (location.getElementOccurrence() > 1) {
                            break; // repetitions (syntax 4): only the first occurrence counts for an order
                        }
                        int element = location.getElementPosition();
                        int component = Math.max(location.getComponentPosition(), 1);
                        while (elements.size() < element) {
                            elements.add(new ArrayList<>());
                        }
                        List<String> components = elements.get(element - 1);
                        while (components.size() < component - 1) {
                            components.add("");
                        }
                        components.add(reader.getText().strip());
                    }
                    case END_SEGMENT -> {
                        EdifactInterchange.Segment segment = new EdifactInterchange.Segment(segmentTag,
                                segments != null ? segmentPosition : reader.getLocation().getSegmentPosition(), copy(elements));
                        switch (segmentTag) {
                            case "UNB" -> unb = new EdifactInterchange.Unb(segment.value(1, 1), segment.value(1, 2),
                                    segment.value(2, 1), segment.value(2, 2), segment.value(3, 1), segment.value(3, 2),
                                    segment.value(4, 1), segment.value(4, 2), segment.value(5), "1".equals(segment.value(9)));
                            case "UNG" -> ung = segment.elements();
                            default -> {
                            }
                        }
                        if (segments != null) {
                            segments.add(segment);
                            if ("UNH".equals(segmentTag) && segmentPosition == 1
                                    && takes(segment.value(2, 1), segment.value(2, 2) + segment.value(2, 3))) {
                                reader.setTransactionSchema(ORDERS.get(segment.value(2, 2) + segment.value(2, 3)));
                            }
                        }
                    }
                    case END_TRANSACTION -> {
                        messages.add(message(segments, messageProblems, ung));
                        segments = null;
                        messageProblems = null;
                    }
                    case END_GROUP -> {
                        groups.add(group(ung, groupProblems));
                        ung = null;
                        groupProblems = null;
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        Location location = reader.getLocation();
                        String tag = event == EDIStreamEvent.SEGMENT_ERROR ? reader.getText() : location.getSegmentTag();
                        boolean ofSegment = event == EDIStreamEvent.SEGMENT_ERROR;
                        EdifactInterchange.Problem problem = new EdifactInterchange.Problem(reader.getErrorType().name(),
                                tag == null ? "" : tag,
                                segments != null ? Math.max(segmentPosition, 1) : location.getSegmentPosition(),
                                ofSegment ? 0 : location.getElementPosition(),
                                ofSegment ? 0 : Math.max(location.getComponentPosition(), 0),
                                ofSegment ? null : EdiSyntax.bounded(EdiSyntax.errorText(reader)));
                        // trailers' count and reference errors belong to what they close
                        switch (problem.segmentTag()) {
                            case "UNA", "UNB", "UNZ" -> interchangeProblems.add(problem);
                            case "UNG", "UNE" -> (groupProblems != null ? groupProblems : interchangeProblems).add(problem);
                            default -> (messageProblems != null ? messageProblems
                                    : groupProblems != null ? groupProblems : interchangeProblems).add(problem);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException e) {
            if (unb == null) {
                throw new InvalidInput(FIELD, "is no readable EDIFACT interchange: " + EdiSyntax.bounded(e.getMessage()));
            }
            interchangeProblems.add(new EdifactInterchange.Problem("INVALID_CONTROL_STRUCTURE",
                    segmentTag == null ? "" : segmentTag, segmentPosition, 0, 0, EdiSyntax.bounded(e.getMessage())));
            if (segments != null) {
                messages.add(message(segments, messageProblems, ung));
            }
            if (ung != null) {
                groups.add(group(ung, groupProblems));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (unb == null) {
            throw new InvalidInput(FIELD, "holds no UNB segment");
        }
        return new EdifactInterchange(unb, groups, messages, interchangeProblems);
    }

    private static EdifactInterchange.Message message(List<EdifactInterchange.Segment> segments,
                                                      List<EdifactInterchange.Problem> problems, List<List<String>> ung) {
        EdifactInterchange.Segment unh = segments.isEmpty() ? new EdifactInterchange.Segment("UNH", 1, List.of()) : segments.get(0);
        String group = ung == null ? null : new EdifactInterchange.Segment("UNG", 0, ung).value(5);
        return new EdifactInterchange.Message(unh.value(1), unh.value(2, 1), unh.value(2, 2), unh.value(2, 3), unh.value(2, 4),
                group, List.copyOf(segments), List.copyOf(problems));
    }

    private static EdifactInterchange.Group group(List<List<String>> ung, List<EdifactInterchange.Problem> problems) {
        EdifactInterchange.Segment segment = new EdifactInterchange.Segment("UNG", 0, ung);
        return new EdifactInterchange.Group(segment.value(5), segment.value(1), segment.value(2, 1), segment.value(3, 1),
                List.copyOf(problems));
    }

    private static List<List<String>> copy(List<List<String>> elements) {
        return elements.stream().map(List::copyOf).toList();
    }
}
