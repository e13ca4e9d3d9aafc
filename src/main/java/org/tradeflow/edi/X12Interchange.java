package org.tradeflow.edi;

import java.util.List;
import java.util.Optional;

/**
 * An X12 interchange as {@link X12Reader} read it: its envelope, its groups and transactions with the segments an
 * order needs, and every error StAEDI reported, each where it occurred (interchange, group or transaction).
 */
record X12Interchange(Isa isa, List<Group> groups, List<Problem> problems) {

    /** ISA05-08, ISA09/ISA10 (date, time), ISA12 (version), ISA13 (control number) and ISA15 (usage). */
    record Isa(String senderQualifier, String senderId, String receiverQualifier, String receiverId, String date,
               String time, String version, String controlNumber, String usage) {
    }

    record Group(String functionalId, String senderId, String receiverId, String controlNumber, String version,
                 List<Transaction> transactions, List<Problem> problems) {
    }

    record Transaction(String type, String controlNumber, List<Segment> segments, List<Problem> problems) {

        /** The first segment with this tag. */
        Optional<Segment> first(String tag) {
            return segments.stream().filter(segment -> segment.tag().equals(tag)).findFirst();
        }
    }

    /** One segment, its position in the transaction (ST = 1) and its simple elements (composites joined by ':'). */
    record Segment(String tag, int position, List<String> elements) {

        /** Element {@code n} (1-based), empty when absent. */
        String element(int n) {
            return n <= elements.size() && elements.get(n - 1) != null ? elements.get(n - 1) : "";
        }
    }

    /**
     * An error: the StAEDI error type, the segment (tag and position in its transaction) and element (position, 0 for the
     * segment itself), the text at fault where StAEDI gives it.
     */
    record Problem(String error, String segmentTag, int segmentPosition, int elementPosition, int componentPosition,
                   String text) {

        boolean ofSegment() {
            return elementPosition <= 0;
        }

        /** "BEG03 (segment 2, element 3): REQUIRED_DATA_ELEMENT_MISSING". */
        String describe() {
            String where = ofSegment() ? segmentTag + " (segment " + segmentPosition + ")"
                    : segmentTag + String.format("%02d", elementPosition) + (componentPosition > 0 ? "-" + componentPosition : "")
                    + " (segment " + segmentPosition + ", element " + elementPosition + ")";
            return where + ": " + error + (text == null || text.isEmpty() ? "" : " '" + text + "'");
        }
    }

}
