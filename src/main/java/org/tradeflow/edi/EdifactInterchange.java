package org.tradeflow.edi;

import java.util.List;
import java.util.Optional;

/**
 * An EDIFACT interchange as {@link EdifactReader} read it: its UNB, its functional groups (UNG, optional), its messages
 * with their segments, and every error StAEDI reported, each where it occurred (interchange, group or message).
 */
record EdifactInterchange(Unb unb, List<Group> groups, List<Message> messages, List<Problem> problems) {

    /**
     * UNB: syntax identifier and version (S001), sender id and qualifier (S002; the qualifier may be empty), recipient
     * (S003), date and time of preparation (S004), the interchange control reference (0020) and whether the sender asks
     * for an acknowledgement (0031 = 1).
     */
    record Unb(String syntaxId, String syntaxVersion, String senderId, String senderQualifier, String recipientId,
               String recipientQualifier, String date, String time, String controlReference, boolean acknowledgementRequested) {

        /** "14/SENDER1", or the id alone when the sender names no qualifier. */
        String sender() {
            return senderQualifier.isEmpty() ? senderId : senderQualifier + "/" + senderId;
        }
    }

    /** UNG: the message type it groups (0038), its application sender and recipient ids, its reference (0048). */
    record Group(String reference, String messageType, String senderId, String recipientId, List<Problem> problems) {
    }

    /**
     * One message: its reference (UNH 0062), type and directory (S009: ORDERS, D, 96A, UN), the reference of the group
     * it came in (null without UNG), its segments and its errors.
     */
    record Message(String reference, String type, String version, String release, String agency, String groupReference,
                   List<Segment> segments, List<Problem> problems) {

        /** "D96A": the directory version and release together. */
        String directory() {
            return version + release;
        }

        /** "ORDERS:D:96A:UN", as S009 names it. */
        String identifier() {
            return type + ":" + version + ":" + release + ":" + agency;
        }

        Optional<Segment> first(String tag) {
            return segments.stream().filter(segment -> segment.tag().equals(tag)).findFirst();
        }
    }

    /**
     * One segment, its position in the message (UNH = 1, as CONTRL's UCS counts) and its elements, each a list of its
     * components (a simple element is a list of one).
     */
    record Segment(String tag, int position, List<List<String>> elements) {

        /** Component {@code component} of element {@code element} (both 1-based), empty when absent. */
        String value(int element, int component) {
            if (element > elements.size() || elements.get(element - 1) == null) {
                return "";
            }
            List<String> components = elements.get(element - 1);
            return component <= components.size() && components.get(component - 1) != null ? components.get(component - 1) : "";
        }

        /** A simple element, or the first component of a composite. */
        String value(int element) {
            return value(element, 1);
        }

        /** "QTY (segment 7, element 1-2)"; element 0 is the segment itself, component 0 a simple element. */
        String at(int element, int component) {
            return Problem.where(tag, position, element, component);
        }
    }

    /**
     * An error: the StAEDI error type, the segment (tag and position in its message, or in the interchange for service
     * segments outside one), the element and component (0 for the segment itself), the text at fault where StAEDI gives it.
     */
    record Problem(String error, String segmentTag, int segmentPosition, int elementPosition, int componentPosition,
                   String text) {

        boolean ofSegment() {
            return elementPosition <= 0;
        }

        /** "QTY (segment 7, element 1-2): INVALID_CHARACTER_DATA 'x'". */
        String describe() {
            return where(segmentTag, segmentPosition, elementPosition, componentPosition) + ": " + error
                    + (text == null || text.isEmpty() ? "" : " '" + text + "'");
        }

        static String where(String tag, int position, int element, int component) {
            return element <= 0 ? tag + " (segment " + position + ")"
                    : tag + " (segment " + position + ", element " + element + (component > 0 ? "-" + component : "") + ")";
        }
    }
}
