package org.tradeflow.edi;

import io.xlate.edi.schema.Schema;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes one outbound transaction set in its interchange (ISA/GS/ST ... SE/GE/IEA) with StAEDI's EDIStreamWriter, in
 * the partner's version, our control number as ISA13 and GS06; and reads documents back against our schemas
 * (edi/x12/855-004010.xml, 856, 810) with the envelope's control checks: a document that does not read back cleanly
 * is a bug of ours and is never stored or sent.
 */
final class X12Writer {

    /** The functional group each transaction set travels in. */
    static final Map<String, String> FUNCTIONAL_IDS = Map.of("855", "PR", "856", "SH", "810", "IN", "997", "FA");
    static final String TRANSACTION_CONTROL = "0001";

    private static final Map<String, Schema> SCHEMAS = Map.of(
            "855", EdiSyntax.schema("/edi/x12/855-004010.xml"), "856", EdiSyntax.schema("/edi/x12/856-004010.xml"),
            "810", EdiSyntax.schema("/edi/x12/810-004010.xml"));
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    /** Who it goes to, its ISA13/GS06 and when it is written. */
    record Envelope(TradingPartners.Partner partner, long control, ZonedDateTime at) {

        String interchangeControl() {
            return String.format("%09d", control);
        }

        String groupControl() {
            return String.valueOf(control);
        }
    }

    /** Writes the segments between ST and SE. */
    @FunctionalInterface
    interface Body {
        void write(Segments segments) throws EDIStreamException;
    }

    /** Writes segments and counts them for SE01. Values lose our delimiters; trailing empty elements are left off. */
    static final class Segments {
        private final EDIStreamWriter writer;
        private int count;

        private Segments(EDIStreamWriter writer) {
            this.writer = writer;
        }

        void segment(String tag, String... elements) throws EDIStreamException {
            write(tag, true, elements);
        }

        private void write(String tag, boolean clean, String... elements) throws EDIStreamException {
            int last = elements.length;
            while (last > 0 && (elements[last - 1] == null || elements[last - 1].isEmpty())) {
                last--;
            }
            writer.writeStartSegment(tag);
            for (int i = 0; i < last; i++) {
                writer.writeElement(elements[i] == null ? "" : clean ? clean(elements[i]) : elements[i]);
            }
            writer.writeEndSegment();
            count++;
        }
    }

    private X12Writer() {
    }

    static String date(java.time.LocalDate date) {
        return date.format(CCYYMMDD);
    }

    /** The interchange with one group holding one transaction set of this type. */
    static String write(Envelope envelope, String type, Body body) {
        TradingPartners.Partner partner = envelope.partner();
        boolean v5010 = "005010".equals(partner.version());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        try (EDIStreamWriter writer = factory.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name())) {
            writer.startInterchange();
            Segments envelopeSegments = new Segments(writer);
            envelopeSegments.write("ISA", false, "00", " ".repeat(10), "00", " ".repeat(10), partner.ourIsaQualifier(),
                    EdiSyntax.isaId(partner.ourIsaId()), partner.isaQualifier(), EdiSyntax.isaId(partner.isaId()),
                    envelope.at().format(YYMMDD),
                    envelope.at().format(HHMM), v5010 ? "^" : "U", v5010 ? "00501" : "00401", envelope.interchangeControl(),
                    "0", "P", ">");
            envelopeSegments.segment("GS", FUNCTIONAL_IDS.get(type), partner.ourGsId(), partner.gsId(),
                    envelope.at().format(CCYYMMDD), envelope.at().format(HHMM), envelope.groupControl(), "X", partner.version());
            Segments transaction = new Segments(writer);
            transaction.segment("ST", type, TRANSACTION_CONTROL, v5010 ? "005010" : "");
            body.write(transaction);
            writer.writeStartSegment("SE").writeElement(String.valueOf(transaction.count + 1))
                    .writeElement(TRANSACTION_CONTROL).writeEndSegment();
            envelopeSegments.segment("GE", "1", envelope.groupControl());
            envelopeSegments.segment("IEA", "1", envelope.interchangeControl());
            writer.endInterchange();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("Cannot write the " + type + " for partner " + partner.code(), e);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /**
     * Every error StAEDI finds reading the document back: envelope and control numbers and counts, and for 855, 856 and
     * 810 our schema's segments, elements, lengths, codes and dates. Empty for a clean document.
     */
    static List<String> errors(String document) {
        List<String> errors = new ArrayList<>();
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, true);
        try (EDIStreamReader reader = factory.createEDIStreamReader(new ByteArrayInputStream(document.getBytes(StandardCharsets.US_ASCII)))) {
            String tag = null;
            List<String> st = new ArrayList<>();
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        if ("ST".equals(tag)) {
                            st.clear();
                        }
                    }
                    case ELEMENT_DATA -> {
                        if ("ST".equals(tag)) {
                            st.add(reader.getText());
                        }
                    }
                    case END_SEGMENT -> {
                        if ("ST".equals(tag) && !st.isEmpty() && SCHEMAS.containsKey(st.get(0))) {
                            reader.setTransactionSchema(SCHEMAS.get(st.get(0)));
                        }
                    }
                    case SEGMENT_ERROR -> errors.add(reader.getErrorType() + " at segment " + reader.getText());
                    case ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> errors.add(reader.getErrorType() + " at "
                            + reader.getLocation().getSegmentTag() + String.format("%02d", reader.getLocation().getElementPosition()));
                    default -> {
                    }
                }
            }
        } catch (EDIStreamException | RuntimeException e) {
            errors.add("unreadable: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }

    /** Throws when the document does not read back cleanly. */
    static String validated(String type, String document) {
        List<String> errors = errors(document);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The " + type + " we wrote is invalid (" + String.join("; ", errors) + "):\n" + document);
        }
        return document;
    }

    /** A value without our delimiters (element *, segment ~, component >, repetition ^). */
    private static String clean(String value) {
        return value.replaceAll("[*~>^\\r\\n]", " ");
    }
}
