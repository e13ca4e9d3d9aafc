package org.tradeflow.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A file that is no readable workbook is refused with what is wrong in an analyst's words, never a library's. */
class UnreadableSpreadsheetTest extends IntegrationTest {

    private static final byte[] PRICING = read(Path.of("decision-tables", "pricing.xlsx"));

    @Autowired
    RuleSetRegistry rules;

    static Stream<Arguments> unreadableFiles() {
        return Stream.of(
                arguments("an empty body", new byte[0], "the file is empty"),
                arguments("plain text", "just text".getBytes(StandardCharsets.UTF_8),
                        "the file is not a zip archive, as every .xlsx file is"),
                arguments("an old .xls or encrypted file", Arrays.copyOf(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11,
                        (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 512), "an old-style .xls workbook"),
                arguments("a zip that is not a workbook", zip(Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8))),
                        "the file is a zip archive, but not an Excel workbook"),
                arguments("a zip with a workbook's content types and nothing else", zip(Map.of("[Content_Types].xml",
                        "<Types/>".getBytes(StandardCharsets.UTF_8))), "the zip archive holds no workbook Excel could open"),
                arguments("a cut-off workbook", Arrays.copyOf(PRICING, PRICING.length / 2), "the zip archive is damaged"),
                arguments("a zip bomb", zipBomb(), "(zip bomb refused)"),
                arguments("an XXE attempt in the workbook's XML", withPart(PRICING, "xl/sharedStrings.xml", xml -> xml
                        .replaceFirst("\\?>", "?><!DOCTYPE sst [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                        .replaceFirst("<t>", "<t>&xxe;")), "its XML declares a document type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadableFiles")
    void unreadableUploadIsRefusedInPlainWords(String file, byte[] content, String reason) {
        int versionsBefore = rules.versions("pricing").size();

        Api.Response refused = api.putAs("rita", "demo", "/api/v1/rules/tables/pricing", RuleTableController.XLSX, content);

        assertRefusedInPlainWords(refused, reason);
        assertThat(rules.versions("pricing")).hasSize(versionsBefore);
    }

    /** The preview endpoint (in reporting) requires a body: Spring answers an empty one with 400 before the rules see it. */
    static Stream<Arguments> nonEmptyUnreadableFiles() {
        return unreadableFiles().filter(file -> ((byte[]) file.get()[1]).length > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonEmptyUnreadableFiles")
    void unreadablePreviewIsRefusedInPlainWords(String file, byte[] content, String reason) {
        String today = LocalDate.now().toString();

        Api.Response refused = api.postBytesAs("rita", "demo", "/api/v1/rules/tables/pricing/preview?from=" + today
                + "&to=" + today, RuleTableController.XLSX, content);

        assertRefusedInPlainWords(refused, reason);
    }

    private static void assertRefusedInPlainWords(Api.Response refused, String reason) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        String detail = refused.json().get("detail").asText();
        assertThat(detail).contains("not a readable .xlsx spreadsheet: ", reason);
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains(reason);
        assertThat(refused.body()).doesNotContainIgnoringCase("org.apache").doesNotContainIgnoringCase("poi")
                .doesNotContainIgnoringCase("xmlbeans").doesNotContainIgnoringCase("exception").doesNotContain("root:");
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A workbook-looking zip whose sheet inflates from some 60 KB to 64 MB of zeros. */
    private static byte[] zipBomb() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The workbook with one XML part rewritten. */
    private static byte[] withPart(byte[] workbook, String part, UnaryOperator<String> rewrite) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(part)) {
                    content = rewrite.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(content);
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
