package org.tradeflow.edi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trading partners' gateways post EDIFACT interchanges over real HTTP: the demo partner EUROHANDEL's ORDERS becomes an
 * order of its account; every public test file is accepted or rejected for a stated reason; a broken envelope, an
 * unknown sender, an unsupported version or a bad quantity is answered with a CONTRL naming what is at fault and makes
 * no order; the same UNB control reference again is a replay.
 */
class EdifactInterchangeTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    private static final String INTERCHANGES = "/api/v1/edi/interchanges";
    private static final String EDIFACT = "application/edifact";
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    @Test
    void theDemoPartnersOrdersBecomesAnOrderWithItsPoLinesAndQuantitiesAndIsAnsweredWithAContrl() {
        String po = poNumber();
        LocalDate delivery = LocalDate.now().plusDays(21);
        String control = control();
        // the partner declares its own delimiters in UNA: components '|', elements '~', decimal comma, segments '#'
        String body = "UNA|~,? #\nUNB~UNOA|3~SENDER1|14~RECEIVER1~261202|0930~" + control + "#\n"
                + "UNH~1~ORDERS|D|96A|UN#\nBGM~220~" + po + "~9#\nDTM~137|20261202|102#\nDTM~2|" + delivery.format(CCYYMMDD)
                + "|102#\nNAD~DP~5012345000017||9#\nLIN~1~~4000862141404|SRS#\nQTY~21|24|PCE#\nPRI~AAA|2,95#\n"
                + "LIN~2~~4000862141407|SRS#\nQTY~21|2|CT#\nUNS~S#\nCNT~2|2#\nUNT~13~1#\nUNZ~1~" + control + "#\n";

        Api.Response received = post(body);

        assertThat(received.status()).as(received.body()).isEqualTo(201);
        JsonNode interchange = received.json();
        assertThat(received.header("Location")).endsWith(INTERCHANGES + "/" + interchange.get("id").asLong());
        assertThat(interchange.get("syntax").asText()).isEqualTo("EDIFACT");
        assertThat(interchange.get("partner").asText()).isEqualTo("EUROHANDEL");
        assertThat(interchange.get("sender").asText()).isEqualTo("14/SENDER1");
        assertThat(interchange.get("controlNumber").asText()).isEqualTo(control);
        assertThat(interchange.get("status").asText()).as(received.body()).isEqualTo("ACCEPTED");
        assertThat(interchange.get("reasons")).isEmpty();
        JsonNode message = interchange.get("transactions").get(0);
        assertThat(message.get("type").asText()).isEqualTo("ORDERS");
        assertThat(message.get("controlNumber").asText()).isEqualTo("1");
        assertThat(message.get("poNumber").asText()).isEqualTo(po);

        JsonNode order = api.get("/api/v1/orders/" + message.get("orderId").asLong()).json();
        assertThat(order.get("orderNumber").asText()).isEqualTo(message.get("orderNumber").asText());
        assertThat(order.get("accountCode").asText()).isEqualTo("BRIT-UK");
        assertThat(order.get("customerPoNumber").asText()).isEqualTo(po);
        assertThat(order.get("requestedDeliveryDate").asText()).isEqualTo(delivery.toString());
        assertThat(order.get("lines").findValuesAsText("sku")).containsExactly("85123A", "22086");
        assertThat(order.get("lines").findValuesAsText("quantity")).as("24 pieces, 2 cartons of 6").containsExactly("24", "12");

        String contrl = interchange.get("acknowledgement").asText();
        assertThat(contrl).startsWith("UNB+UNOA:3+RECEIVER1+SENDER1:14+")
                .contains("UNH+1+CONTRL:D:3:UN'", "UCI+" + control + "+SENDER1:14+RECEIVER1+7'",
                        "UCM+1+ORDERS:D:96A:UN+7'", "UNT+4+1'");
        assertValidEdifact(contrl);
        Api.Document download = api.getDocument(INTERCHANGES + "/" + interchange.get("id").asLong() + "/acknowledgement", EDIFACT);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith(EDIFACT);
        assertThat(download.text()).isEqualTo(contrl);

        // the same UNB control reference again: the first answer, no second order
        Api.Response replay = post(body);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("id").asLong()).isEqualTo(interchange.get("id").asLong());
        assertThat(replay.json().get("acknowledgement").asText()).isEqualTo(contrl);
        assertThat(ordersWithPo(po)).isEqualTo(1);
    }

    @Test
    void eachPublicOrdersFileIsAcceptedOrRejectedForAStatedReason() {
        // smooks ORDERS D96A: EUROHANDEL's, its first and third lines map, the second is ordered in kilograms
        JsonNode smooks = received(resource("smooks-examples__pipelines__ORDERS_D96A.txt"));
        assertThat(smooks.get("partner").asText()).isEqualTo("EUROHANDEL");
        assertThat(smooks.get("status").asText()).isEqualTo("REJECTED");
        JsonNode message = smooks.get("transactions").get(0);
        assertThat(message.get("poNumber").asText()).isEqualTo("128576");
        assertThat(message.get("rejection").asText()).isEqualTo("QTY (segment 9, element 1-3): unit 'KGM' is no unit we "
                + "sell in (pieces PCE, EA, NAR or C62; cartons CT, CS or CA; packs PK or PA)");
        assertThat(smooks.get("acknowledgement").asText()).contains("UCI+131+SENDER1:14+RECEIVER1:1+7'",
                "UCM+000000101+ORDERS:D:96A:UN+4+12'\nUCS+9'\nUCD+12+1:3'");
        assertValidEdifact(smooks.get("acknowledgement").asText());
        assertThat(ordersWithPo("128576")).isZero();

        // staedi orders-with-group: an EANCOM sender we have no agreement with, a D96B message, a UNT count of 21 for 18
        JsonNode staedi = received(resource("staedi__orders-with-group.edi"));
        assertThat(staedi.get("partner").isNull()).isTrue();
        assertThat(staedi.get("status").asText()).isEqualTo("REJECTED");
        assertThat(staedi.get("reasons").get(0).asText())
                .isEqualTo("UNB (segment 1, element 2) 14/5400110000009: unknown partner, the sender is no trading partner of ours");
        assertThat(staedi.get("transactions").get(0).get("rejection").asText())
                .contains("unknown partner", "UNH (segment 1, element 2-2) 'D:96B': version not supported",
                        "UNT (segment 18, element 1): CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT '21'");
        assertThat(staedi.get("acknowledgement").asText()).contains(
                "UCI+2722166169492+5400110000009:14+5013546107732:14+4+23+UNB+2:1'", "UCF+1+5400110000009+5013546107732+4+39+UNG+7:3'");
        assertValidEdifact(staedi.get("acknowledgement").asText());
        assertThat(ordersWithPo("C1441747")).isZero();
    }

    @Test
    void aBrokenEnvelopeAnUnknownSenderAnUnsupportedVersionAndABadQuantityAreEachRejectedWithTheRightContrl() {
        String po = poNumber();
        String line = "LIN+1++4000862141404:SRS'\nQTY+21:3:PCE'\n";

        String count = control();
        JsonNode brokenCount = received(eurohandel(count, message("1", "D:96A", po, line).replace("UNT+7+1'", "UNT+99+1'")));
        assertRejected(brokenCount, "UNH 1: UNT (segment 7, element 1): CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT '99'",
                "UCI+" + count + "+SENDER1:14+RECEIVER1+7'", "UCM+1+ORDERS:D:96A:UN+4+29+UNT+1'");

        String reference = control();
        JsonNode wrongReference = received(eurohandel(reference, message("1", "D:96A", po, line))
                .replace("UNZ+1+" + reference + "'", "UNZ+1+X" + reference + "'"));
        assertRejected(wrongReference, "UNZ (segment 9, element 2): CONTROL_REFERENCE_MISMATCH 'X" + reference + "'",
                "UCI+" + reference + "+SENDER1:14+RECEIVER1+4+28+UNZ+2'", "UCM+1+ORDERS:D:96A:UN+4'");
        assertThat(wrongReference.get("transactions").get(0).get("rejection").asText()).startsWith("the interchange is rejected: ");

        String unknown = control();
        JsonNode stranger = received(eurohandel(unknown, message("1", "D:96A", po, line)).replace("SENDER1:14", "SENDER9:14"));
        assertRejected(stranger, "UNB (segment 1, element 2) 14/SENDER9: unknown partner, the sender is no trading partner of ours",
                "UCI+" + unknown + "+SENDER9:14+RECEIVER1+4+23+UNB+2:1'", "UCM+1+ORDERS:D:96A:UN+4'");
        assertThat(stranger.get("partner").isNull()).isTrue();

        String version = control();
        JsonNode unsupported = received(eurohandel(version, message("1", "D:97A", po, line)));
        assertRejected(unsupported, "UNH 1: UNH (segment 1, element 2-2) 'D:97A': version not supported, we take ORDERS D96A and D01B",
                "UCI+" + version + "+SENDER1:14+RECEIVER1+7'", "UCM+1+ORDERS:D:97A:UN+4+17'");

        String d01b = control();
        JsonNode notHis = received(eurohandel(d01b, message("1", "D:01B", po, line)));
        assertRejected(notHis, "UNH 1: UNH (segment 1, element 2-2) 'D:01B': partner EUROHANDEL is set up for D96A",
                "UCM+1+ORDERS:D:01B:UN+4+17'");

        String letters = control();
        JsonNode badQuantity = received(eurohandel(letters, message("1", "D:96A", po, "LIN+1++4000862141404:SRS'\nQTY+21:THREE:PCE'\n")));
        assertRejected(badQuantity, "UNH 1: QTY (segment 5, element 1-2): INVALID_CHARACTER_DATA 'THREE'",
                "UCM+1+ORDERS:D:96A:UN+4+21'\nUCS+5'\nUCD+21+1:2'");

        String fraction = control();
        JsonNode fractional = received(eurohandel(fraction, message("1", "D:96A", po, "LIN+1++4000862141404:SRS'\nQTY+21:2.5:PCE'\n")));
        assertRejected(fractional, "UNH 1: QTY (segment 5, element 1-2): quantity 2.5 PCE is not a positive whole number of units",
                "UCM+1+ORDERS:D:96A:UN+4+12'\nUCS+5'\nUCD+12+1:2'");

        assertThat(ordersWithPo(po)).isZero();
    }

    @Test
    void eachMessageStandsAloneAndTheOrderIntakesRefusalIsToldInTheMessagesTerms() {
        String good = poNumber();
        String past = poNumber();
        String unmapped = poNumber();
        String control = control();
        JsonNode interchange = received(eurohandel(control,
                message("1", "D:96A", good, "LIN+1++4000862141406:SRS'\nQTY+21:5:PCE'\nPRI+AAA:12.5:::10'\n"),
                message("2", "D:96A", past, "DTM+2:20200101:102'\nLIN+1++4000862141404:SRS'\nQTY+21:1'\n"),
                message("3", "D:96A", unmapped, "LIN+1++4000000000000:EN'\nPIA+1+NO-SUCH-PART:BP'\nQTY+21:1:PCE'\n")));

        assertThat(interchange.get("status").asText()).as(interchange.toString()).isEqualTo("PARTIALLY_ACCEPTED");
        JsonNode messages = interchange.get("transactions");
        assertThat(messages.findValuesAsText("controlNumber")).containsExactly("1", "2", "3");
        assertThat(messages.get(0).get("orderNumber").asText()).startsWith("SO-");
        assertThat(messages.get(1).get("rejection").asText()).isEqualTo("DTM (segment 4, element 1-2): must not be in the past");
        assertThat(messages.get(2).get("rejection").asText()).isEqualTo("LIN (segment 4, element 3-1): EN '4000000000000', "
                + "BP 'NO-SUCH-PART' in unit 'PCE' has no cross-reference to one of our SKUs for partner EUROHANDEL");
        JsonNode order = api.get("/api/v1/orders/" + messages.get(0).get("orderId").asLong()).json();
        assertThat(order.get("lines").get(0).get("sku").asText()).isEqualTo("22834");
        assertThat(order.get("lines").get(0).get("quantity").asInt()).isEqualTo(5);
        assertThat(ordersWithPo(past) + ordersWithPo(unmapped)).isZero();
        String contrl = interchange.get("acknowledgement").asText();
        assertValidEdifact(contrl);
        assertThat(contrl).contains("UCI+" + control + "+SENDER1:14+RECEIVER1+7'", "UCM+1+ORDERS:D:96A:UN+7'",
                "UCM+2+ORDERS:D:96A:UN+4+12'\nUCS+4'\nUCD+12+1:2'", "UCM+3+ORDERS:D:96A:UN+4+12'\nUCS+4'\nUCD+12+3:1'");
    }

    @Test
    void aPartnerThatWantsNoContrlGetsOneOnlyWhenItsUnbAsksOrSomethingIsRejected() {
        // a D01B partner without a UNB sender qualifier, which wants no CONTRL
        jdbc.update("""
                insert into trading_partner (code, account_code, unb_sender_id, our_unb_id, edifact_version, wants_contrl)
                values ('QUIET', 'ACME-DE', 'QUIETGMBH', 'TRADEFLOW', 'D01B', false) on conflict do nothing""");
        jdbc.update("""
                insert into trading_partner_item (partner_id, buyer_part_number, sku, unit_of_measure, pack_factor)
                values ((select id from trading_partner where code = 'QUIET'), 'Q-1', '22423', 'EA', 1) on conflict do nothing""");
        String po = poNumber();
        String line = "LIN+1'\nPIA+5+Q-1:BP'\nQTY+21:4'\n";
        String control = control();
        JsonNode silent = received(quiet(control, "", message("1", "D:01B", po, line)));
        assertThat(silent.get("partner").asText()).isEqualTo("QUIET");
        assertThat(silent.get("sender").asText()).isEqualTo("/QUIETGMBH");
        assertThat(silent.get("status").asText()).as(silent.toString()).isEqualTo("ACCEPTED");
        assertThat(silent.get("acknowledgement").isNull()).isTrue();
        Api.Document none = api.getDocument(INTERCHANGES + "/" + silent.get("id").asLong() + "/acknowledgement", EDIFACT);
        assertThat(none.status()).isEqualTo(404);
        JsonNode order = api.get("/api/v1/orders/" + silent.get("transactions").get(0).get("orderId").asLong()).json();
        assertThat(order.get("accountCode").asText()).isEqualTo("ACME-DE");
        assertThat(order.get("customerPoNumber").asText()).isEqualTo(po);
        assertThat(order.get("lines").get(0).get("sku").asText()).isEqualTo("22423");
        assertThat(order.get("lines").get(0).get("quantity").asInt()).isEqualTo(4);

        String asked = control();
        JsonNode answered = received(quiet(asked, "++++1", message("1", "D:01B", poNumber(), line)));
        assertThat(answered.get("acknowledgement").asText()).contains("UCI+" + asked + "+QUIETGMBH+TRADEFLOW+7'");

        String rejected = control();
        JsonNode refused = received(quiet(rejected, "", message("1", "D:01B", poNumber(), "LIN+1'\nPIA+5+Q-2:BP'\nQTY+21:4'\n")));
        assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("acknowledgement").asText()).contains("UCM+1+ORDERS:D:01B:UN+4+12'\nUCS+4'\nUCD+12+3:1'");
    }

    @Test
    void aBodyThatIsNoEdifactInterchangeIsRefusedWithAProblem() {
        int before = fixtures.count("select count(*) from edi_interchange");
        String bom = "\uFEFF" + eurohandel(control(), message("1", "D:96A", poNumber(), "LIN+1++4000862141404:SRS'\nQTY+21:1'\n"));
        assertProblem(api.postBytesAs("edi", "demo", INTERCHANGES, EDIFACT, bom.getBytes(StandardCharsets.UTF_8)),
                "must start with the UNA or UNB segment", "found '\\\\xEF\\\\xBB\\\\xBFUNB+UNOA");
        assertProblem(post("   UNB+UNOA:3+SENDER1:14+RECEIVER1+261202:0930+1'"), "must start with the UNA or UNB segment");
        assertProblem(api.postBytesAs("edi", "demo", INTERCHANGES, EDIFACT, new byte[] {0, 1, 2, 3, (byte) 0xff, 5, 6, 7, 8, 9, 10, 11, 12}),
                "is no EDIFACT interchange");
        assertProblem(post("UNB+UNOA:3+SENDER1"), "is no readable EDIFACT interchange: EDIE005 - Unexpected end of stream");
        assertThat(fixtures.count("select count(*) from edi_interchange")).isEqualTo(before);
        assertThat(api.postRawAs("oscar", "demo", INTERCHANGES, EDIFACT, eurohandel(control(),
                message("1", "D:96A", poNumber(), "LIN+1++4000862141404:SRS'\nQTY+21:1'\n"))).status()).isEqualTo(403);
    }

    private static void assertProblem(Api.Response response, String... details) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.body()).contains(details);
    }

    private void assertRejected(JsonNode interchange, String reason, String... contrl) {
        assertThat(interchange.get("status").asText()).as(interchange.toString()).isEqualTo("REJECTED");
        List<String> reasons = new ArrayList<>();
        interchange.get("reasons").forEach(r -> reasons.add(r.asText()));
        assertThat(reasons).as(interchange.toString()).contains(reason);
        assertThat(interchange.get("transactions").get(0).get("orderId").isNull()).isTrue();
        assertThat(interchange.get("acknowledgement").asText()).contains(contrl);
        assertValidEdifact(interchange.get("acknowledgement").asText());
    }

    /** Our CONTRL read back by StAEDI: its envelope (UNB/UNH/UNT/UNZ, counts, references) is valid EDIFACT. */
    private static void assertValidEdifact(String contrl) {
        List<String> errors = new ArrayList<>();
        try (io.xlate.edi.stream.EDIStreamReader reader = io.xlate.edi.stream.EDIInputFactory.newFactory()
                .createEDIStreamReader(new java.io.ByteArrayInputStream(contrl.getBytes(StandardCharsets.ISO_8859_1)))) {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR ->
                            errors.add(reader.getErrorType() + " at " + reader.getLocation().getSegmentTag());
                    default -> {
                    }
                }
            }
        } catch (Exception e) {
            throw new AssertionError("the CONTRL is no readable EDIFACT: " + contrl, e);
        }
        assertThat(errors).as(contrl).isEmpty();
    }

    private JsonNode received(String body) {
        Api.Response response = post(body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private Api.Response post(String body) {
        return api.postRawAs("edi", "demo", INTERCHANGES, EDIFACT, body);
    }

    private int ordersWithPo(String po) {
        return fixtures.count("select count(*) from sales_order where customer_po_number = ?", po);
    }

    /** A fresh UNB control reference, so that each run's interchanges are new to the demo partner. */
    private static String control() {
        return "T" + ThreadLocalRandom.current().nextLong(1, 999_999_999_999L);
    }

    /** An interchange of the demo partner EUROHANDEL (standard delimiters, no UNA) holding these messages. */
    private static String eurohandel(String control, String... messages) {
        return "UNB+UNOA:3+SENDER1:14+RECEIVER1+261202:0930+" + control + "'\n" + String.join("", messages)
                + "UNZ+" + messages.length + "+" + control + "'\n";
    }

    /** An interchange of the test partner QUIET (no sender qualifier), its UNB ending with {@code unbTail}. */
    private static String quiet(String control, String unbTail, String... messages) {
        return "UNB+UNOA:3+QUIETGMBH+TRADEFLOW+261202:0930+" + control + unbTail + "'\n" + String.join("", messages)
                + "UNZ+" + messages.length + "+" + control + "'\n";
    }

    /** An ORDERS message of this directory ("D:96A") with these line segments. */
    private static String message(String reference, String directory, String po, String lines) {
        List<String> segments = new ArrayList<>();
        segments.add("UNH+" + reference + "+ORDERS:" + directory + ":UN");
        segments.add("BGM+220+" + po + "+9");
        segments.add("DTM+137:20261202:102");
        for (String line : lines.split("'\n")) {
            if (!line.isBlank()) {
                segments.add(line);
            }
        }
        segments.add("UNS+S");
        segments.add("UNT+" + (segments.size() + 1) + "+" + reference);
        return String.join("'\n", segments) + "'\n";
    }

    private static String resource(String file) {
        try (InputStream in = EdifactInterchangeTest.class.getResourceAsStream("/edi/edifact/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final AtomicInteger PO_SEQUENCE = new AtomicInteger();

    private static String poNumber() {
        return "EH-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT) + "-" + PO_SEQUENCE.incrementAndGet();
    }
}
