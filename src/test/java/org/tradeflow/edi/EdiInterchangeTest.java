package org.tradeflow.edi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tradeflow.support.Api;
import org.tradeflow.support.Fixtures;
import org.tradeflow.support.IntegrationTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trading partners' gateways post X12 interchanges over real HTTP: a demo partner's 850 becomes an order of its account
 * and runs through the order's process; every public test file is accepted or rejected for a stated reason and a
 * broken one makes no order; the same ISA13 again is a replay; hostile bodies are refused before anything is stored.
 */
class EdiInterchangeTest extends IntegrationTest {

    private static final String INTERCHANGES = "/api/v1/edi/interchanges";
    private static final String X12 = "application/edi-x12";
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    @Autowired
    private JdbcTemplate jdbc;

    /** The sender of x12-types__004010_850.edi, set up as a partner with cross-references for its seven lines. */
    @BeforeEach
    void partnerOfThePublicSample() {
        jdbc.update("""
                insert into trading_partner (code, account_code, isa_qualifier, isa_id, our_isa_qualifier, our_isa_id, gs_id,
                                             our_gs_id, x12_version, acknowledgement)
                values ('SNACKS', 'HUDSON-US', 'ZZ', 'SENDERISA', '14', '0073268795005', 'SENDERGS', '007326879', '004010', '997')
                on conflict do nothing""");
        List<String> buyerNumbers = List.of("000111111", "000555555", "000666666", "000874917", "000874958", "000874990", "000875088");
        List<String> skus = List.of("85123A", "22423", "22834", "22086", "22111", "22469", "22961");
        for (int i = 0; i < buyerNumbers.size(); i++) {
            jdbc.update("""
                    insert into trading_partner_item (partner_id, buyer_part_number, sku, unit_of_measure, pack_factor)
                    values ((select id from trading_partner where code = 'SNACKS'), ?, ?, 'CA', 6) on conflict do nothing""",
                    buyerNumbers.get(i), skus.get(i));
        }
        // its N1*ST BUYSNACKS PORT (9/1223334445): Hudson's Philadelphia store
        jdbc.update("""
                insert into trading_partner_location (partner_id, qualifier, location_id, address_code)
                values ((select id from trading_partner where code = 'SNACKS'), '9', '1223334445', 'STORE-PHILLY')
                on conflict do nothing""");
    }

    @Test
    void aShipToInTheHeaderSendsEveryLineThereOneInAPo1LoopThatLineAndAnUnknownOneIsRejected() {
        String po = poNumber();
        JsonNode received = post("edi", hudson(control(), purchaseOrder("0001", po,
                "N1*ST*HUDSON HOME SUPPLY NEWARK*92*NWK01",
                "PO1*1*2*CA*17.70*PE*BP*HH-HEART-TL",
                "PO1*2*3*EA*14.90*PE*BP*HH-CAKESTAND",
                "N1*ST*HUDSON BOSTON*UL*0614141000012",
                "CTT*2"))).json();
        assertThat(received.get("status").asText()).as(received.toString()).isEqualTo("ACCEPTED");
        JsonNode order = api.get("/api/v1/orders/" + received.get("transactions").get(0).get("orderId").asLong()).json();
        assertThat(order.get("lines").findValuesAsText("shipTo")).containsExactly("DEPOT-NEWARK", "STORE-BOSTON");

        // no N1*ST: the account's own address, as before
        JsonNode plain = post("edi", hudson(control(), purchaseOrder("0001", poNumber(),
                "PO1*1*1*EA*14.90*PE*BP*HH-CAKESTAND", "CTT*1"))).json();
        JsonNode own = api.get("/api/v1/orders/" + plain.get("transactions").get(0).get("orderId").asLong()).json();
        assertThat(own.get("lines").get(0).get("shipTo").isNull()).isTrue();

        String unknown = poNumber();
        JsonNode rejected = post("edi", hudson(control(), purchaseOrder("0001", unknown,
                "DTM*002*" + LocalDate.now().plusDays(21).format(CCYYMMDD),
                "N1*BT*HUDSON HOME SUPPLY*92*HQ",
                "N1*ST*XYZ RETAIL*UL*0003947268292",
                "PO1*1*1*EA*14.90*PE*BP*HH-CAKESTAND", "CTT*1"))).json();
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("transactions").get(0).get("rejection").asText()).isEqualTo(
                "N104 (segment 5, element 4): ship-to '0003947268292' (UL) is not a location of partner HUDSON");
        assertThat(rejected.get("acknowledgement").asText()).contains("AK5*R*5~");
        assertThat(ordersWithPo(unknown)).isZero();
    }

    @Test
    void aDemoPartnersPurchaseOrderBecomesAnOrderOfItsAccountAndRunsThroughTheProcess() {
        String po = poNumber();
        LocalDate delivery = LocalDate.now().plusDays(21);
        String control = control();
        String body = hudson(control, purchaseOrder("0001", po,
                "DTM*002*" + delivery.format(CCYYMMDD),
                "N1*ST*HUDSON HOME SUPPLY NEWARK*92*NWK01",
                "PO1*1*2*CA*17.70*PE*BP*HH-HEART-TL*VN*85123A",
                "PO1*2*3*EA*14.90*PE*BP*HH-CAKESTAND",
                "CTT*2"));

        Api.Response received = post("edi", body);

        assertThat(received.status()).as(received.body()).isEqualTo(201);
        JsonNode interchange = received.json();
        assertThat(received.header("Location")).endsWith(INTERCHANGES + "/" + interchange.get("id").asLong());
        assertThat(interchange.get("partner").asText()).isEqualTo("HUDSON");
        assertThat(interchange.get("sender").asText()).isEqualTo("ZZ/HUDSONHOME");
        assertThat(interchange.get("controlNumber").asText()).isEqualTo(control);
        assertThat(interchange.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(interchange.get("reasons")).isEmpty();
        JsonNode transaction = interchange.get("transactions").get(0);
        assertThat(transaction.get("poNumber").asText()).isEqualTo(po);
        assertThat(transaction.get("rejection").isNull()).isTrue();
        String ack = interchange.get("acknowledgement").asText();
        assertThat(ack).startsWith("ISA*00*          *00*          *ZZ*TRADEFLOW      *ZZ*HUDSONHOME     *")
                .containsPattern("GS\\*FA\\*TRADEFLOW\\*HUDSONHOME\\*\\d{8}\\*\\d{4}\\*")
                .contains("ST*997*0001~", "AK1*PO*" + Integer.parseInt(control.substring(5)) + "~",
                        "AK2*850*0001~", "AK5*A~", "AK9*A*1*1*1~", "SE*6*0001~")
                .doesNotContain("TA1");
        assertValidX12(ack);

        JsonNode order = api.get("/api/v1/orders/" + transaction.get("orderId").asLong()).json();
        assertThat(order.get("orderNumber").asText()).isEqualTo(transaction.get("orderNumber").asText());
        assertThat(order.get("accountCode").asText()).isEqualTo("HUDSON-US");
        assertThat(order.get("customerPoNumber").asText()).isEqualTo(po);
        assertThat(order.get("requestedDeliveryDate").asText()).isEqualTo(delivery.toString());
        assertThat(order.get("lines").findValuesAsText("sku")).containsExactly("85123A", "22423");
        assertThat(order.get("lines").findValuesAsText("quantity")).as("2 cases of 6, 3 each").containsExactly("12", "3");
        processes.runJobs(order.get("orderNumber").asText());
        assertThat(reload(order).get("status").asText()).isIn("ALLOCATED", "BACKORDERED", "AWAITING_APPROVAL", "ON_HOLD", "CREDIT_HOLD");
        assertThat(reload(order).get("status").asText()).isNotEqualTo("RECEIVED");

        // the acknowledgement, downloadable as X12
        Api.Document download = api.getDocument(INTERCHANGES + "/" + interchange.get("id").asLong() + "/acknowledgement", X12);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith(X12);
        assertThat(download.text()).isEqualTo(ack);

        // the same ISA13 again: the first answer, no second order
        Api.Response replay = post("edi", body);
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().get("id").asLong()).isEqualTo(interchange.get("id").asLong());
        assertThat(replay.json().get("acknowledgement").asText()).isEqualTo(ack);
        assertThat(ordersWithPo(po)).isEqualTo(1);

        // the same PO in a new interchange is the same order, as over REST
        Api.Response resent = post("edi", hudson(control(), purchaseOrder("0001", po,
                "DTM*002*" + delivery.format(CCYYMMDD),
                "N1*ST*HUDSON HOME SUPPLY NEWARK*92*NWK01",
                "PO1*1*2*CA*17.70*PE*BP*HH-HEART-TL*VN*85123A",
                "PO1*2*3*EA*14.90*PE*BP*HH-CAKESTAND",
                "CTT*2")));
        assertThat(resent.status()).as(resent.body()).isEqualTo(201);
        assertThat(resent.json().get("transactions").get(0).get("orderNumber").asText())
                .isEqualTo(transaction.get("orderNumber").asText());
        assertThat(ordersWithPo(po)).isEqualTo(1);
        // and with other lines it is refused, as over REST: the PO is not changed by a second 850
        Api.Response changed = post("edi", hudson(control(), purchaseOrder("0001", po,
                "PO1*1*5*CA*17.70*PE*BP*HH-HEART-TL", "CTT*1")));
        assertThat(changed.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(changed.json().get("transactions").get(0).get("rejection").asText())
                .startsWith("Customer PO " + po + " of account HUDSON-US");
        assertThat(ordersWithPo(po)).isEqualTo(1);
    }

    @Test
    void aBuyersPriceThatDiffersFromOursIsAViolationOnTheOrderNeverTakenSilently() {
        Api.Response quote = api.post("/api/v1/price-quotes", Map.of("accountCode", "HUDSON-US",
                "lines", List.of(Map.of("sku", "85123A", "quantity", 12), Map.of("sku", "22423", "quantity", 3))));
        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        BigDecimal heart = quote.json().get("lines").get(0).get("unitPrice").decimalValue();
        BigDecimal cakestand = quote.json().get("lines").get(1).get("unitPrice").decimalValue();
        BigDecimal perCase = heart.multiply(BigDecimal.valueOf(6));
        BigDecimal lower = cakestand.subtract(new BigDecimal("1.00"));

        Api.Response received = post("edi", hudson(control(), purchaseOrder("0001", poNumber(),
                "PO1*1*2*CA*" + perCase.stripTrailingZeros().toPlainString() + "*PE*BP*HH-HEART-TL",
                "PO1*2*3*EA*" + lower.stripTrailingZeros().toPlainString() + "*PE*BP*HH-CAKESTAND",
                "CTT*2")));

        assertThat(received.json().get("status").asText()).as(received.body()).isEqualTo("ACCEPTED");
        JsonNode order = api.get("/api/v1/orders/" + received.json().get("transactions").get(0).get("orderId").asLong()).json();
        assertThat(order.get("lines").get(0).get("expectedUnitPrice").decimalValue())
                .as("a case's price over its 6 units").isEqualByComparingTo(heart);
        assertThat(order.get("lines").get(1).get("expectedUnitPrice").decimalValue()).isEqualByComparingTo(lower);
        assertThat(order.get("lines").get(1).get("unitPrice").decimalValue()).isEqualByComparingTo(cakestand);
        assertThat(order.get("violations")).filteredOn(v -> v.get("code").asText().equals("PRICE_MISMATCH"))
                .singleElement().satisfies(v -> {
                    assertThat(v.get("lineNo").asInt()).isEqualTo(2);
                    assertThat(v.get("severity").asText()).isEqualTo("BLOCK");
                });
        processes.runJobs(order.get("orderNumber").asText());
        assertThat(reload(order).get("status").asText()).isEqualTo("ON_HOLD");
    }

    @Test
    void eachTransactionSetStandsAloneAndARejectionNamesSegmentPositionAndElement() {
        String good = poNumber();
        String bad = poNumber();
        String unmapped = poNumber();
        String body = hudson(control(),
                purchaseOrder("0001", bad, "DTM*002*2026131", "PO1*1*2.5*CA*17.70*PE*BP*HH-HEART-TL", "CTT*1"),
                purchaseOrder("0002", good, "PO1*1*1*PK*30.00*PE*BP*HH-WARMER-BAB", "CTT*1"),
                purchaseOrder("0003", unmapped, "PO1*1*4*CA*1.00*PE*BP*NO-SUCH-PART*UP*012345678905", "CTT*1"));

        Api.Response received = post("edi", body);

        assertThat(received.status()).as(received.body()).isEqualTo(201);
        JsonNode interchange = received.json();
        assertThat(interchange.get("status").asText()).isEqualTo("PARTIALLY_ACCEPTED");
        JsonNode transactions = interchange.get("transactions");
        assertThat(transactions.findValuesAsText("controlNumber")).containsExactly("0001", "0002", "0003");
        assertThat(transactions.get(0).get("rejection").asText())
                .contains("DTM02 (segment 3, element 2): DATA_ELEMENT_TOO_SHORT '2026131'", "INVALID_DATE");
        assertThat(transactions.get(0).get("orderId").isNull()).isTrue();
        assertThat(transactions.get(1).get("orderNumber").asText()).startsWith("SO-");
        assertThat(transactions.get(2).get("rejection").asText()).isEqualTo("PO107 (segment 3, element 7): BP 'NO-SUCH-PART', "
                + "UP '012345678905' in unit 'CA' has no cross-reference to one of our SKUs for partner HUDSON");
        JsonNode order = api.get("/api/v1/orders/" + transactions.get(1).get("orderId").asLong()).json();
        assertThat(order.get("lines").get(0).get("sku").asText()).isEqualTo("22834");
        assertThat(order.get("lines").get(0).get("quantity").asInt()).as("one pack of 12").isEqualTo(12);
        assertThat(ordersWithPo(bad) + ordersWithPo(unmapped)).isZero();
        assertThat(interchange.get("reasons").toString()).contains("ST02 0001: DTM02", "ST02 0003: PO107");
        String ack = interchange.get("acknowledgement").asText();
        assertValidX12(ack);
        assertThat(ack).contains("AK2*850*0001~AK3*DTM*3**8~AK4*2**4*2026131~AK4*2**8*2026131~AK5*R*5~".replace("~", "~\n"),
                "AK2*850*0002~\nAK5*A~", "AK2*850*0003~\nAK5*R*5~", "AK9*P*3*3*1~");

        // a fractional quantity, once the date is right
        Api.Response fractional = post("edi", hudson(control(),
                purchaseOrder("0001", bad, "PO1*1*2.5*CA*17.70*PE*BP*HH-HEART-TL", "CTT*1")));
        assertThat(fractional.json().get("transactions").get(0).get("rejection").asText())
                .isEqualTo("PO102 (segment 3, element 2): quantity 2.5 CA is not a positive whole number of units");
        // what the order intake refuses is told in the 850's terms too
        Api.Response past = post("edi", hudson(control(),
                purchaseOrder("0001", bad, "DTM*002*20200101", "PO1*1*2*CA*17.70*PE*BP*HH-HEART-TL", "CTT*1")));
        assertThat(past.json().get("transactions").get(0).get("rejection").asText())
                .isEqualTo("DTM02 (segment 3, element 2): must not be in the past");
        assertThat(past.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(ordersWithPo(bad)).isZero();
    }

    @Test
    void theSecondDemoPartnerSends005010AndAVersionOtherThanAPartnersIsRejected() {
        String control = control();
        String po = poNumber();
        String lonestar = "ISA*00*          *00*          *01*078742090      *ZZ*TRADEFLOW      *261202*0930*^*00501*"
                + control + "*0*P*>~\nGS*PO*078742090*TRADEFLOW*20261202*0930*7*X*005010~\n"
                + purchaseOrder("0001", po, "PO1*1*3*PK*9.00*PE*IN*LS-100871", "CTT*1")
                + "GE*1*7~\nIEA*1*" + control + "~\n";
        Api.Response received = post("edi", lonestar);
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        assertThat(received.json().get("status").asText()).as(received.body()).isEqualTo("ACCEPTED");
        JsonNode order = api.get("/api/v1/orders/" + received.json().get("transactions").get(0).get("orderId").asLong()).json();
        assertThat(order.get("accountCode").asText()).isEqualTo("LONESTAR-US");
        assertThat(order.get("lines").get(0).get("sku").asText()).isEqualTo("22086");
        assertThat(order.get("lines").get(0).get("quantity").asInt()).as("3 packs of 6").isEqualTo(18);

        String old = hudson(control(), purchaseOrder("0001", poNumber(), "PO1*1*1*EA*1.00*PE*BP*HH-CAKESTAND", "CTT*1"))
                .replace("*X*004010~", "*X*003010~");
        JsonNode unsupported = post("edi", old).json();
        assertThat(unsupported.get("status").asText()).isEqualTo("REJECTED");
        assertThat(unsupported.get("reasons").get(0).asText()).endsWith("GS08 '003010': version not supported, we take 004010 and 005010");
        // StAEDI reads the GS of 003010 by that version's rules too (GS04 was YYMMDD then): told as well
        assertThat(unsupported.get("reasons").get(0).asText()).contains("GS04 (segment 2, element 4): INVALID_DATE '20261202'");
        assertThat(unsupported.get("acknowledgement").asText()).contains("AK9*R*1*1*0*6*2~");
        JsonNode notHis = post("edi", hudson(control(), purchaseOrder("0001", poNumber(),
                "PO1*1*1*EA*1.00*PE*BP*HH-CAKESTAND", "CTT*1")).replace("*X*004010~", "*X*005010~")).json();
        assertThat(notHis.get("reasons").get(0).asText()).endsWith("GS08 '005010': partner HUDSON is set up for 004010");
        assertThat(notHis.get("transactions").get(0).get("orderId").isNull()).isTrue();
    }

    @Test
    void theSameInterchangeSentTwiceAtOnceMakesOneOrderAndOneAnswer() throws Exception {
        String po = poNumber();
        String body = hudson(control(), purchaseOrder("0001", po, "PO1*1*1*CA*17.70*PE*BP*HH-HEART-TL", "CTT*1"));
        java.util.concurrent.ExecutorService twins = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Api.Response>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(twins.submit(() -> {
                    start.await();
                    return post("edi", body);
                }));
            }
            start.countDown();
            Api.Response first = sent.get(0).get();
            Api.Response second = sent.get(1).get();
            assertThat(List.of(first.status(), second.status())).as(first.body() + second.body()).containsExactlyInAnyOrder(201, 200);
            assertThat(first.json().get("id").asLong()).isEqualTo(second.json().get("id").asLong());
            assertThat(first.json().get("acknowledgement").asText()).isEqualTo(second.json().get("acknowledgement").asText());
        } finally {
            twins.shutdownNow();
        }
        assertThat(ordersWithPo(po)).isEqualTo(1);
    }

    @Test
    void everyPublicPurchaseOrderIsAcceptedOrRejectedForAStatedReason() {
        // Five of the seven name senders that are no partner of ours: rejected as unknown partner (TA1 note 006).
        for (String file : List.of("ediengine__850.Composite.SLN.OK.edi", "node-x12__850.edi", "node-x12__850_2.edi",
                "node-x12__850_3.edi")) {
            JsonNode rejected = accepted201(file);
            assertThat(rejected.get("status").asText()).as(file).isEqualTo("REJECTED");
            assertThat(rejected.get("reasons").get(0).asText()).as(file).contains("unknown partner");
            assertThat(rejected.get("acknowledgement").asText()).as(file).contains("TA1*").contains("*R*006~");
            rejected.get("transactions").forEach(t -> assertThat(t.get("orderId").isNull()).isTrue());
        }
        // Its sender SENDERISA is a partner (set up above), but this interchange is addressed to RECEIVERISA, not us.
        JsonNode dual = accepted201("staedi__invoice810_po850_dual.edi");
        assertThat(dual.get("status").asText()).isEqualTo("REJECTED");
        assertThat(dual.get("reasons").get(0).asText()).isEqualTo("ISA07/ISA08 ZZ/RECEIVERISA: the interchange is not "
                + "addressed to us (14/0073268795005 for partner SNACKS)");
        assertThat(dual.get("transactions").findValuesAsText("type")).containsExactly("810", "810", "850");
        assertThat(dual.get("acknowledgement").asText()).contains("*R*008~", "AK1*IN*1~", "AK2*810*000000001~", "AK5*R*1~");
        // the one from a partner: its seven lines map, but it asks for delivery in 1997
        JsonNode snacks = accepted201("x12-types__004010_850.edi");
        assertThat(snacks.get("partner").asText()).isEqualTo("SNACKS");
        assertThat(snacks.get("status").asText()).isEqualTo("REJECTED");
        assertThat(snacks.get("transactions").get(0).get("poNumber").asText()).isEqualTo("A99999-01");
        assertThat(snacks.get("transactions").get(0).get("rejection").asText())
                .isEqualTo("DTM02 (segment 5, element 2): must not be in the past");
        assertThat(snacks.get("acknowledgement").asText()).contains("AK2*850*000000001~\nAK5*R*5~", "AK9*R*1*1*0~");
        assertThat(ordersWithPo("A99999-01")).isZero();
        // Its ISA pads no field to its fixed length: no X12 reader can find the delimiters, refused whole.
        Api.Response unpadded = post("edi", resource("x12/850/stupidedi__004010_PO850_pass_1.edi"));
        assertProblem(unpadded, 422, "Element delimiter '*' required in position 70 of X12 header");
        assertThat(ordersWithPo("08292233294") + ordersWithPo("PO12345")).isZero();
    }

    @Test
    void everyMalformedInterchangeIsRejectedWithTheRightAcknowledgementAndMakesNoOrder() {
        JsonNode syntax = accepted201("../malformed/ediengine__850.SyntaxNotes.ERR.edi");
        assertThat(syntax.get("status").asText()).isEqualTo("REJECTED");
        assertThat(syntax.get("transactions").get(0).get("rejection").asText())
                .contains("PO107 (segment 13, element 7): CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING");
        assertThat(syntax.get("acknowledgement").asText()).contains("AK3*PO1*13**8~\nAK4*7**2~\nAK5*R*5~");

        JsonNode mismatch = accepted201("../malformed/ediengine__ControlNumbersMismatch.edi");
        assertThat(mismatch.get("reasons").get(0).asText()).isEqualTo("IEA02 (segment 9, element 2): CONTROL_REFERENCE_MISMATCH '000003439'");
        assertThat(mismatch.get("transactions").get(0).get("rejection").asText())
                .contains("SE02 (segment 5, element 2): CONTROL_REFERENCE_MISMATCH '0002'");
        assertThat(mismatch.get("acknowledgement").asText()).contains("TA1*000003438*101127*1719*R*001~", "AK5*R*1*3~", "AK9*R*1*1*0*4*1~");

        JsonNode counts = accepted201("../malformed/ediengine__WrongGroupsAndTranCount.edi");
        assertThat(counts.get("reasons").get(0).asText()).isEqualTo("IEA01 (segment 9, element 1): CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT '2'");
        assertThat(counts.get("reasons").toString()).contains("GE01 (segment 8, element 1): CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT '2'");
        assertThat(counts.get("acknowledgement").asText()).contains("*R*021~", "AK9*R*1*1*0*5*1~");

        JsonNode staleCount = accepted201("../malformed/gozer__po850.txt");
        assertThat(staleCount.get("transactions").get(0).get("rejection").asText())
                .contains("SE01 (segment 21, element 1): CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT '33'");
        assertThat(staleCount.get("acknowledgement").asText()).contains("*R*023~", "AK5*R*4~");

        JsonNode wrongGs = accepted201("../malformed/gozer__x12.wrong.GS.txt");
        assertThat(wrongGs.get("reasons").get(0).asText()).isEqualTo("XX (segment 2): SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET");
        assertThat(wrongGs.get("transactions")).isEmpty();
        assertThat(wrongGs.get("acknowledgement").asText()).contains("*R*024~");

        for (JsonNode rejected : List.of(syntax, mismatch, counts, staleCount, wrongGs)) {
            assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
            assertValidX12(rejected.get("acknowledgement").asText());
            assertThat(rejected.get("reasons").toString()).contains("unknown partner");
            assertThat(jdbc.queryForObject("select count(*) from edi_transaction where interchange_id = ? and order_id is not null",
                    Integer.class, rejected.get("id").asLong())).isZero();
        }
        assertThat(ordersWithPo("08292233294")).isZero();
        JsonNode quarantine = api.getAs("edi", "demo", INTERCHANGES + "?status=REJECTED&size=200").json();
        assertThat(quarantine.findValuesAsText("id")).contains(String.valueOf(mismatch.get("id").asLong()),
                String.valueOf(wrongGs.get("id").asLong()));
        quarantine.forEach(i -> assertThat(i.get("status").asText()).isEqualTo("REJECTED"));

        int before = interchanges();
        assertProblem(post("edi", resource("x12/malformed/ediengine__NonEdi.edi")), 422, "is no X12 interchange");
        assertProblem(post("edi", resource("x12/malformed/gozer__x12.missing.ISA.txt")), 422, "must start with the ISA segment");
        assertThat(interchanges()).isEqualTo(before);
    }

    @Test
    void hostileBodiesAreRefusedWithAProblemAndNothingIsStored() {
        int before = interchanges();
        byte[] garbage = new byte[4096];
        ThreadLocalRandom.current().nextBytes(garbage);
        garbage[0] = 0x00;
        assertProblem(api.postBytesAs("edi", "demo", INTERCHANGES, X12, garbage), 422, "is no X12 interchange");

        byte[] interchange = hudson(control(), purchaseOrder("0001", poNumber(),
                "PO1*1*1*EA*1.00*PE*BP*HH-CAKESTAND", "CTT*1")).getBytes(StandardCharsets.US_ASCII);
        byte[] withBom = new byte[interchange.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(interchange, 0, withBom, 3, interchange.length);
        assertProblem(api.postBytesAs("edi", "demo", INTERCHANGES, X12, withBom), 422, "no byte order mark");
        assertProblem(api.postBytesAs("edi", "demo", INTERCHANGES, X12, new byte[0]), 422, "is empty");

        byte[] oversized = Arrays.copyOf(interchange, 10 * 1024 * 1024 + 1);
        Arrays.fill(oversized, interchange.length, oversized.length, (byte) ' ');
        assertProblem(api.postBytesAs("edi", "demo", INTERCHANGES, X12, oversized), 413, "exceeds the limit");
        assertThat(interchanges()).isEqualTo(before);
    }

    @Test
    void hugeOrTreacherousInterchangesAreRejectedClearlyAndWriteNoOrder() {
        int before = interchanges();
        int orders = fixtures.count("select count(*) from sales_order where account_id = "
                + "(select id from customer_account where code = 'HUDSON-US')");

        // 50 MB streamed without a Content-Length: cut off at the limit, never read whole
        byte[] head = hudson(control(), purchaseOrder("0001", poNumber(), "PO1*1*1*EA*1.00*PE*BP*HH-CAKESTAND", "CTT*1"))
                .getBytes(StandardCharsets.US_ASCII);
        Api.Response huge = api.postStreamAs("edi", "demo", INTERCHANGES, X12, () -> new java.io.SequenceInputStream(
                new java.io.ByteArrayInputStream(head), new RepeatingInputStream((byte) ' ', 50L * 1024 * 1024)));
        assertProblem(huge, 413, "exceeds the limit");
        assertThat(interchanges()).isEqualTo(before);

        // a segment terminator inside a name splits its segment: "HOME SUPPLY*92*NWK01" is no segment at all, and
        // nothing after it can be trusted, so the whole interchange is refused, naming the last good segment
        String po = poNumber();
        Api.Response split = post("edi", hudson(control(), purchaseOrder("0001", po,
                "N1*ST*HUDSON~HOME SUPPLY*92*NWK01", "PO1*1*1*EA*1.00*PE*BP*HH-CAKESTAND", "CTT*1")));
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        assertThat(split.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(split.json().get("reasons").get(0).asText()).startsWith("N1 (segment 3): INVALID_CONTROL_STRUCTURE");
        assertThat(split.json().get("acknowledgement").asText()).contains("TA1*");
        assertThat(ordersWithPo(po)).isZero();

        // 100,000 segments: read and answered, but no order has 100,000 lines
        String many = poNumber();
        String[] lines = new String[100_001];
        for (int i = 0; i < 100_000; i++) {
            lines[i] = "PO1*" + (i + 1) + "*1*EA*1.00*PE*BP*HH-CAKESTAND";
        }
        lines[100_000] = "CTT*100000";
        Api.Response hundredThousand = post("edi", hudson(control(), purchaseOrder("0001", many, lines)));
        assertThat(hundredThousand.status()).as(hundredThousand.body()).isEqualTo(201);
        assertThat(hundredThousand.json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(hundredThousand.json().get("transactions").get(0).get("rejection").asText()).contains("5000");
        assertThat(ordersWithPo(many)).isZero();

        // binary data after a good ISA: the interchange is refused whole, with a TA1
        byte[] isa = head;
        byte[] broken = Arrays.copyOf(isa, 106 + 2048);
        for (int i = 106; i < broken.length; i++) {
            broken[i] = (byte) (i * 31);
        }
        Api.Response garbage = api.postBytesAs("edi", "demo", INTERCHANGES, X12, broken);
        assertThat(garbage.status()).as(garbage.body()).isIn(201, 422);
        if (garbage.status() == 201) {
            assertThat(garbage.json().get("status").asText()).isEqualTo("REJECTED");
            assertThat(garbage.json().get("acknowledgement").asText()).contains("TA1*");
        }
        assertThat(fixtures.count("select count(*) from sales_order where account_id = "
                + "(select id from customer_account where code = 'HUDSON-US')")).isEqualTo(orders);
    }

    /** {@code size} bytes of one value, made as they are read. */
    private static final class RepeatingInputStream extends InputStream {
        private final byte value;
        private long left;

        RepeatingInputStream(byte value, long size) {
            this.value = value;
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? value : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + n, value);
            left -= n;
            return n;
        }
    }

    @Test
    void onlyTheEdiRoleSendsInterchangesAndTheOrderDeskReadsThem() {
        String body = hudson(control(), purchaseOrder("0001", poNumber(), "PO1*1*1*EA*1.00*PE*BP*HH-CAKESTAND", "CTT*1"));
        assertProblem(api.postRawAs("oscar", "demo", INTERCHANGES, X12, body), 403, "edi");
        assertProblem(api.postRawAs("fiona", "demo", INTERCHANGES, X12, body), 403, "edi");
        assertThat(api.getAs("fiona", "demo", INTERCHANGES).status()).isEqualTo(403);
        assertThat(api.getAs("oscar", "demo", INTERCHANGES + "?status=REJECTED").status()).isEqualTo(200);
        assertProblem(api.getAs("edi", "demo", INTERCHANGES + "?status=LOST"), 422, "status");
        assertProblem(api.getAs("edi", "demo", INTERCHANGES + "?size=0"), 400, "size");
        assertProblem(api.getAs("edi", "demo", INTERCHANGES + "/999999999"), 404, "No EDI interchange 999999999");
    }

    /**
     * Our acknowledgement read back as every document we send is: its envelope (ISA/TA1/GS/ST/SE/GE/IEA, counts,
     * references) is valid X12.
     */
    private static void assertValidX12(String acknowledgement) {
        assertThat(X12Writer.errors(acknowledgement)).as(acknowledgement).isEmpty();
    }

    private JsonNode accepted201(String file) {
        Api.Response response = post("edi", resource("x12/850/" + file));
        assertThat(response.status()).as(file + ": " + response.body()).isEqualTo(201);
        return response.json();
    }

    private Api.Response post(String user, String body) {
        return api.postRawAs(user, "demo", INTERCHANGES, X12, body);
    }

    private int ordersWithPo(String po) {
        return fixtures.count("select count(*) from sales_order where customer_po_number = ?", po);
    }

    private int interchanges() {
        return fixtures.count("select count(*) from edi_interchange");
    }

    /** A fresh ISA13, so that each run's interchanges are new to the demo partner. */
    private static String control() {
        return String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999));
    }

    /** An interchange of the demo partner Hudson Home Supply, one functional group of these 850s. */
    private static String hudson(String control, String... transactions) {
        String group = String.valueOf(Integer.parseInt(control.substring(5)));
        StringBuilder x12 = new StringBuilder("ISA*00*          *00*          *ZZ*HUDSONHOME     *ZZ*TRADEFLOW      *261202*0930*U*00401*")
                .append(control).append("*0*P*>~\n")
                .append("GS*PO*HUDSONHOME*TRADEFLOW*20261202*0930*").append(group).append("*X*004010~\n");
        for (String transaction : transactions) {
            x12.append(transaction);
        }
        return x12.append("GE*").append(transactions.length).append('*').append(group).append("~\n")
                .append("IEA*1*").append(control).append("~\n").toString();
    }

    private static String purchaseOrder(String st02, String po, String... segments) {
        List<String> all = new ArrayList<>();
        all.add("ST*850*" + st02);
        all.add("BEG*00*SA*" + po + "**20261202");
        all.addAll(List.of(segments));
        all.add("SE*" + (all.size() + 1) + "*" + st02);
        return String.join("~\n", all) + "~\n";
    }

    private static String resource(String path) {
        try (InputStream in = EdiInterchangeTest.class.getResourceAsStream("/edi/" + path.replace("x12/850/../", "x12/"))) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final AtomicInteger PO_SEQUENCE = new AtomicInteger();

    /**
     * A unique PO number that fits BEG03 (at most 22 characters): {@link Fixtures#poNumber()} grows with the machine's
     * uptime and outgrew it on a clean CI machine.
     */
    private static String poNumber() {
        return "PO-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT) + "-" + PO_SEQUENCE.incrementAndGet();
    }
}
