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
import java.util.Set;

/**
 * Reads an X12 interchange with StAEDI: its control schemas check the envelope (ISA13 = IEA02, GS06 = GE02,
 * ST02 = SE02, SE01 segment count, GE01 and IEA01 counts), our 850 schema (edi/x12/850-004010.xml) checks each purchase
 * order's segments and elements. Input that is no interchange at all (no ISA where one must start) is refused whole.
 */
final class X12Reader {

    static final String FIELD = "interchange";
    /** Transaction sets we take, and the schema each is validated against. */
    private static final Set<String> PURCHASE_ORDER_VERSIONS = Set.of("004010", "005010");
    /** Far beyond any real purchase order; more is an attack, not an order. */
    static final int MAX_SEGMENTS = 200_000;

    private static final Schema PURCHASE_ORDER = EdiSyntax.schema("/edi/x12/850-004010.xml");

    private X12Reader() {
    }

    static X12Interchange read(byte[] raw) {
        if (raw == null || raw.length == 0) {
            throw new InvalidInput(FIELD, "is empty: send the X12 interchange (starting with ISA) as the request body");
        }
        if (raw.length < 106 || raw[0] != 'I' || raw[1] != 'S' || raw[2] != 'A') {
            throw new InvalidInput(FIELD, "is no X12 interchange: it must start with the ISA segment (no byte order mark, "
                    + "blank or padding before it), found " + EdiSyntax.printable(raw));
        }
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        X12Interchange.Isa isa = null;
        List<X12Interchange.Group> groups = new ArrayList<>();
        List<X12Interchange.Problem> interchangeProblems = new ArrayList<>();
        List<String> isaElements = new ArrayList<>();
        List<String> gsElements = null;
        List<X12Interchange.Transaction> transactions = null;
        List<X12Interchange.Problem> groupProblems = null;
        List<X12Interchange.Segment> segments = null;
        List<X12Interchange.Problem> transactionProblems = null;
        String segmentTag = null;
        List<String> elements = null;
        int segmentPosition = 0;
        int segmentCount = 0;
        boolean inComposite = false;
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(raw))) {
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_GROUP -> {
                        gsElements = new ArrayList<>();
                        transactions = new ArrayList<>();
                        groupProblems = new ArrayList<>();
                    }
                    case START_TRANSACTION -> {
                        segments = new ArrayList<>();
                        transactionProblems = new ArrayList<>();
                        segmentPosition = 0;
                    }
                    case START_SEGMENT -> {
                        if (++segmentCount > MAX_SEGMENTS) {
                            throw new InvalidInput(FIELD, "has more than " + MAX_SEGMENTS + " segments");
                        }
                        segmentTag = reader.getText();
                        elements = new ArrayList<>();
                        if (segments != null) {
                            segmentPosition++;
                        }
                    }
                    case START_COMPOSITE -> {
                        inComposite = true;
                        pad(elements, reader.getLocation().getElementPosition());
                    }
                    case END_COMPOSITE -> inComposite = false;
                    case ELEMENT_DATA -> {
                        Location location = reader.getLocation();
                        if (location.getElementOccurrence() > 1) {
                            break; // repetitions: only the first occurrence counts for an order
                        }
                        if (inComposite && location.getComponentPosition() > 1) {
                            int at = location.getElementPosition() - 1;
                            elements.set(at, elements.get(at) + ":" + reader.getText());
                        } else {
                            pad(elements, location.getElementPosition() - 1);
                            elements.add(reader.getText());
                        }
                    }
                    case END_SEGMENT -> {
                        switch (segmentTag) {
                            case "ISA" -> {
                                isaElements = elements;
                                isa = isa(isaElements);
                            }
                            case "GS" -> gsElements = elements;
                            default -> {
                            }
                        }
                        if (segments != null) {
                            segments.add(new X12Interchange.Segment(segmentTag, segmentPosition, List.copyOf(trimmed(elements))));
                            if ("ST".equals(segmentTag) && segmentPosition == 1 && "850".equals(element(elements, 1))
                                    && PURCHASE_ORDER_VERSIONS.contains(version(gsElements, elements))) {
                                reader.setTransactionSchema(PURCHASE_ORDER);
                            }
                        }
                    }
                    case END_TRANSACTION -> {
                        X12Interchange.Segment st = segments.isEmpty() ? null : segments.get(0);
                        transactions.add(new X12Interchange.Transaction(st == null ? "" : st.element(1),
                                st == null ? "" : st.element(2), segments, transactionProblems));
                        segments = null;
                        transactionProblems = null;
                    }
                    case END_GROUP -> {
                        groups.add(new X12Interchange.Group(element(gsElements, 1), element(gsElements, 2),
                                element(gsElements, 3), element(gsElements, 6), element(gsElements, 8), transactions, groupProblems));
                        transactions = null;
                        groupProblems = null;
                    }
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                        Location location = reader.getLocation();
                        String tag = event == EDIStreamEvent.SEGMENT_ERROR ? reader.getText() : location.getSegmentTag();
                        X12Interchange.Problem problem = new X12Interchange.Problem(reader.getErrorType().name(),
                                tag == null ? "" : tag, segments != null ? Math.max(segmentPosition, 1) : location.getSegmentPosition(),
                                event == EDIStreamEvent.SEGMENT_ERROR ? 0 : location.getElementPosition(),
                                event == EDIStreamEvent.SEGMENT_ERROR ? 0 : Math.max(location.getComponentPosition(), 0),
                                event == EDIStreamEvent.SEGMENT_ERROR ? null : EdiSyntax.bounded(EdiSyntax.errorText(reader)));
                        // trailers' count and reference errors belong to what they close
                        switch (problem.segmentTag()) {
                            case "ISA", "IEA" -> interchangeProblems.add(problem);
                            case "GS", "GE" -> (groupProblems != null ? groupProblems : interchangeProblems).add(problem);
                            default -> (transactionProblems != null ? transactionProblems
                                    : groupProblems != null ? groupProblems : interchangeProblems).add(problem);
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException e) {
            if (isa == null) {
                throw new InvalidInput(FIELD, "is no readable X12 interchange: " + EdiSyntax.bounded(e.getMessage()));
            }
            interchangeProblems.add(new X12Interchange.Problem("INVALID_CONTROL_STRUCTURE", segmentTag == null ? "" : segmentTag,
                    segmentPosition, 0, 0, EdiSyntax.bounded(e.getMessage())));
            if (transactions != null && segments != null) {
                transactions.add(new X12Interchange.Transaction(segments.isEmpty() ? "" : segments.get(0).element(1),
                        segments.isEmpty() ? "" : segments.get(0).element(2), segments, transactionProblems));
            }
            if (gsElements != null && transactions != null) {
                groups.add(new X12Interchange.Group(element(gsElements, 1), element(gsElements, 2), element(gsElements, 3),
                        element(gsElements, 6), element(gsElements, 8), transactions, groupProblems));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (isa == null) {
            throw new InvalidInput(FIELD, "holds no ISA segment");
        }
        return new X12Interchange(isa, groups, interchangeProblems);
    }

    private static X12Interchange.Isa isa(List<String> e) {
        return new X12Interchange.Isa(element(e, 5).trim(), element(e, 6).trim(), element(e, 7).trim(), element(e, 8).trim(),
                element(e, 9), element(e, 10), element(e, 12), element(e, 13).trim(), element(e, 15));
    }

    /** The transaction's version: ST03 (005010) or else GS08 (its first six characters: 004010VICS is 004010). */
    private static String version(List<String> gs, List<String> st) {
        String version = !element(st, 3).isEmpty() ? element(st, 3) : element(gs, 8);
        return version.length() > 6 ? version.substring(0, 6) : version;
    }

    static String element(List<String> elements, int n) {
        return elements != null && n <= elements.size() && elements.get(n - 1) != null ? elements.get(n - 1) : "";
    }

    private static void pad(List<String> elements, int size) {
        while (elements.size() < size) {
            elements.add("");
        }
    }

    private static List<String> trimmed(List<String> elements) {
        return elements.stream().map(value -> value == null ? "" : value.strip()).toList();
    }
}
