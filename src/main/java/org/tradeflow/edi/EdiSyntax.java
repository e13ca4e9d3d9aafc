package org.tradeflow.edi;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIStreamReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** What the X12 and EDIFACT readers and writers share: our StAEDI schemas and how a partner's bytes are quoted back. */
final class EdiSyntax {

    private EdiSyntax() {
    }

    /** One of our schemas on the classpath (edi/x12/..., edi/edifact/...); a schema that does not load is a bug. */
    static Schema schema(String resource) {
        try (InputStream in = EdiSyntax.class.getResourceAsStream(resource)) {
            return SchemaFactory.newFactory().createSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (EDISchemaException e) {
            throw new IllegalStateException("Cannot load the EDI schema " + resource, e);
        }
    }

    /** The text at fault where the reader reports an error; a syntax note's error (two elements together) has none. */
    static String errorText(EDIStreamReader reader) {
        try {
            return reader.hasText() ? reader.getText() : null;
        } catch (RuntimeException none) {
            return null;
        }
    }

    /** A partner's text as far as a reason quotes it: at most 200 characters. */
    static String bounded(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    /** The first bytes of a body that is no interchange, readable in a reason: '\x00PK…' (4096 bytes). */
    static String printable(byte[] raw) {
        StringBuilder shown = new StringBuilder("'");
        for (int i = 0; i < Math.min(raw.length, 16); i++) {
            int b = raw[i] & 0xff;
            shown.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02X", b));
        }
        return shown.append(raw.length > 16 ? "…'" : "'").append(" (").append(raw.length).append(" bytes)").toString();
    }

    /** An interchange id as ISA06/ISA08 carry it: exactly 15 characters. */
    static String isaId(String id) {
        return String.format("%-15s", id.length() > 15 ? id.substring(0, 15) : id);
    }
}
