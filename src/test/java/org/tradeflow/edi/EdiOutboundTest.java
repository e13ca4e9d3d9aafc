package org.tradeflow.edi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.tradeflow.fulfilment.ShipmentDispatched;
import org.tradeflow.invoicing.InvoiceIssued;
import org.tradeflow.order.OrderAccepted;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What we send a trading partner about its EDI order, over real HTTP: the 997 of its interchange, an 855 when the order
 * is accepted, an 856 when its shipment leaves and an 810 when it is invoiced, in the partner's part numbers and units,
 * each under the partner's next control number, read back cleanly against our schemas, and dropped into its outbox
 * folder. Control numbers have no gaps under concurrency; an event delivered again makes no second document.
 */
class EdiOutboundTest extends IntegrationTest {

    private static final String X12 = "application/edi-x12";
    private static final AtomicInteger PO_SEQUENCE = new AtomicInteger();

    @Autowired
    private org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    private EdiOutboundListeners listeners;
    @Autowired
    private OutboundDocuments documents;
    @Autowired
    private TradingPartners partners;
    @Value("${tradeflow.edi.outbox}")
    private Path outbox;

    @Test
    void hudsonsOrderIsAcknowledgedShippedAndInvoicedInItsOwnPartNumbersAndUnits() {
        fixtures.receive("85123A", "WH-US", 60);
        fixtures.receive("22423", "WH-US", 30);
        String po = poNumber();
        String control = String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999));
        Api.Response received = api.postRawAs("edi", "demo", "/api/v1/edi/interchanges", X12, hudson(control, po,
                "PO1*1*2*CA***BP*HH-HEART-TL*VN*85123A", "PO1*2*3*EA***BP*HH-CAKESTAND"));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        JsonNode transaction = received.json().get("transactions").get(0);
        String orderNumber = transaction.get("orderNumber").asText();
        JsonNode order = api.get("/api/v1/orders/" + transaction.get("orderId").asLong()).json();
        processes.runJobs(orderNumber);
        assertThat(reload(order).get("status").asText()).as(reload(order).toString()).isEqualTo("ALLOCATED");
        JsonNode shipment = reload(order).get("shipments").get(0);
        dispatch(shipment);
        processes.runJobs(orderNumber);
        processes.awaitEventsHandled();
        JsonNode invoices = api.get("/api/v1/invoices?orderId=" + order.get("id").asLong() + "&documentType=INVOICE").json();
        assertThat(invoices).hasSize(1);
        JsonNode invoice = api.get("/api/v1/invoices/" + invoices.get(0).get("id").asLong()).json();

        JsonNode ack = document("997", received.json().get("id").asText());
        JsonNode acknowledgement = document("855", orderNumber);
        JsonNode notice = document("856", shipment.get("shipmentNumber").asText());
        JsonNode billed = document("810", invoice.get("invoiceNumber").asText());

        // one partner, one unbroken series of control numbers, in the order the documents were made
        List<Long> controls = List.of(ack, acknowledgement, notice, billed).stream()
                .map(d -> Long.parseLong(d.get("interchangeControl").asText())).toList();
        assertThat(controls).as("consecutive ISA13").containsExactly(controls.get(0), controls.get(0) + 1, controls.get(0) + 2,
                controls.get(0) + 3);
        assertThat(download(ack)).isEqualTo(received.json().get("acknowledgement").asText())
                .contains("*" + ack.get("interchangeControl").asText() + "*0*P*:~");

        String x855 = download(acknowledgement);
        assertThat(x855).contains("ISA*00*          *00*          *ZZ*TRADEFLOW      *ZZ*HUDSONHOME     *",
                "*" + acknowledgement.get("interchangeControl").asText() + "*0*P*>~",
                "GS*PR*TRADEFLOW*HUDSONHOME*", "ST*855*0001~", "BAK*00*AD*" + po + "*20261202****" + orderNumber + "*",
                "PO1*1*2*CA*", "*BP*HH-HEART-TL*VN*85123A~", "ACK*IA*2*CA~",
                "PO1*2*3*EA*", "*BP*HH-CAKESTAND*VN*22423~", "ACK*IA*3*EA~", "CTT*2*5~");

        String x856 = download(notice);
        assertThat(x856).contains("GS*SH*TRADEFLOW*HUDSONHOME*", "ST*856*0001~", "BSN*00*" + shipment.get("shipmentNumber").asText() + "*",
                "HL*1**S*1~", "TD1*PCS*15~", "TD5*B*ZZ*DHL**DHL~", "REF*CN*JD0146" + shipment.get("id").asLong() + "~", "DTM*011*",
                "HL*2*1*O*1~", "PRF*" + po + "***20261202~",
                "HL*3*2*I*0~", "LIN*1*BP*HH-HEART-TL*VN*85123A~", "SN1*1*2*CA~",
                "HL*4*2*I*0~", "LIN*2*BP*HH-CAKESTAND*VN*22423~", "SN1*2*3*EA~", "CTT*4*5~");

        String x810 = download(billed);
        assertThat(x810).contains("GS*IN*TRADEFLOW*HUDSONHOME*", "ST*810*0001~",
                "BIG*" + invoice.get("issuedOn").asText().replace("-", "") + "*" + invoice.get("invoiceNumber").asText() + "*20261202*" + po + "~",
                "CUR*SE*USD~", "N1*BT*", "CTT*2*5~");
        // the invoice's lines, taxes and totals exactly: 2 cases of 6 at 6 × the unit price, 3 each at the unit price
        BigDecimal net = BigDecimal.ZERO;
        for (JsonNode line : invoice.get("lines")) {
            boolean cases = line.get("sku").asText().equals("85123A");
            BigDecimal price = line.get("unitPrice").decimalValue().multiply(BigDecimal.valueOf(cases ? 6 : 1));
            String it1 = "IT1*" + line.get("orderLineNo").asInt() + "*" + (cases ? "2*CA*" : "3*EA*") + plain(price) + "*PE*";
            assertThat(x810).contains(it1);
            assertThat(price.multiply(BigDecimal.valueOf(cases ? 2 : 3))).isEqualByComparingTo(line.get("netAmount").decimalValue());
            net = net.add(price.multiply(BigDecimal.valueOf(cases ? 2 : 3)));
            assertThat(segmentAfter(x810, it1, "TXI")).isEqualTo("TXI*VA*" + plain(line.get("taxAmount").decimalValue()) + "*"
                    + plain(line.get("taxRate").decimalValue()));
        }
        assertThat(net).isEqualByComparingTo(invoice.get("netTotal").decimalValue());
        assertThat(x810).contains("TDS*" + invoice.get("grossTotal").decimalValue().movePointRight(2).toBigIntegerExact() + "~");
        for (JsonNode tax : invoice.get("taxes")) {
            assertThat(x810).contains("~\nTXI*VA*" + plain(tax.get("taxAmount").decimalValue()) + "*" + plain(tax.get("rate").decimalValue()) + "~\nCTT");
        }

        for (String x12 : List.of(x855, x856, x810, download(ack))) {
            assertThat(X12Writer.errors(x12)).as(x12).isEmpty();
        }
        // each in the partner's outbox folder, as <type>-<ISA13>.x12
        for (JsonNode document : List.of(ack, acknowledgement, notice, billed)) {
            Path file = outbox.resolve("HUDSON").resolve(document.get("type").asText() + "-" + document.get("interchangeControl").asText() + ".x12");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
            assertThat(contentOf(file)).isEqualTo(download(document));
            await().atMost(Duration.ofSeconds(10)).until(() -> !document(document.get("type").asText(),
                    document.get("sourceReference").asText()).get("droppedAt").isNull());
        }

        // the events delivered again (the registry's redelivery after a crash): no second document, no number used
        listeners.orderAccepted(new OrderAccepted(orderNumber, "HUDSON-US", po, order.get("netTotal").decimalValue(), "USD"));
        listeners.shipmentDispatched(new ShipmentDispatched(shipment.get("shipmentNumber").asText(), orderNumber, "WH-US", "DHL",
                "JD0146" + shipment.get("id").asLong(), true));
        listeners.invoiceIssued(new InvoiceIssued(invoice.get("invoiceNumber").asText(), orderNumber,
                shipment.get("shipmentNumber").asText(), "HUDSON-US", invoice.get("netTotal").decimalValue(), "USD", null));
        for (String type : List.of("855", "856", "810")) {
            assertThat(fixtures.count("select count(*) from edi_outbound_document d join trading_partner p on p.id = d.partner_id "
                    + "where p.code = 'HUDSON' and d.document_type = ? and d.source_reference in (?, ?, ?)", type, orderNumber,
                    shipment.get("shipmentNumber").asText(), invoice.get("invoiceNumber").asText())).isEqualTo(1);
        }
        assertThat(fixtures.count("select cast(last_control as integer) from edi_control_counter c join trading_partner p "
                + "on p.id = c.partner_id where p.code = 'HUDSON'")).isEqualTo(controls.get(3).intValue());
    }

    @Test
    void anEdiOrderTheSalesManagerRejectsIsAnsweredWithARejecting855() {
        String po = poNumber();
        String control = String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999));
        Api.Response received = api.postRawAs("edi", "demo", "/api/v1/edi/interchanges", X12, hudson(control, po,
                "PO1*1*1100*EA***BP*HH-CAKESTAND"));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String orderNumber = received.json().get("transactions").get(0).get("orderNumber").asText();
        processes.runJobs(orderNumber);
        processes.complete(processes.task(orderNumber, "UserTaskApproveOrder"),
                java.util.Map.of("approvalDecision", "REJECT", "decisionComment", "margin too thin"));
        processes.runJobs(orderNumber);
        processes.awaitEventsHandled();

        String x855 = download(document("855", orderNumber));
        assertThat(x855).contains("BAK*00*RJ*" + po + "*20261202****" + orderNumber + "*", "PO1*1*1100*EA***BP*HH-CAKESTAND*VN*22423~",
                "ACK*IR*1100*EA~", "CTT*1*1100~");
        assertThat(X12Writer.errors(x855)).isEmpty();
        assertThat(fixtures.count("select count(*) from outbox_event where event_type = 'OrderRejected' and aggregate_id = ?",
                orderNumber)).isEqualTo(1);
    }

    @Test
    void unitsShortAreAcknowledgedAsBackorderedWithTheirPromisedDate() {
        // Hudson ships partial: 4 of its 10 leave now, 6 wait for the supply expected in ten days
        String sku = fixtures.product(Map.of("WH-US", 4));
        fixtures.incoming(sku, "WH-US", 20, java.time.LocalDate.now().plusDays(10), "PO-SUPPLY-" + sku);
        jdbc.update("""
                insert into trading_partner_item (partner_id, buyer_part_number, sku, unit_of_measure, pack_factor)
                values ((select id from trading_partner where code = 'HUDSON'), ?, ?, 'EA', 1)""", "HH-" + sku, sku);
        String po = poNumber();
        Api.Response received = api.postRawAs("edi", "demo", "/api/v1/edi/interchanges", X12,
                hudson(String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999)), po, "PO1*7*10*EA***BP*HH-" + sku));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String orderNumber = received.json().get("transactions").get(0).get("orderNumber").asText();
        processes.runJobs(orderNumber);
        processes.awaitEventsHandled();
        assertThat(api.get("/api/v1/orders/" + received.json().get("transactions").get(0).get("orderId").asLong()).json()
                .get("status").asText()).isEqualTo("BACKORDERED");

        String x855 = download(document("855", orderNumber));
        assertThat(x855).contains("BAK*00*AC*" + po + "*", "PO1*7*10*EA***BP*HH-" + sku + "*VN*" + sku + "~",
                "ACK*IA*4*EA~", "CTT*1*10~").containsPattern("ACK\\*BP\\*6\\*EA~\\s*DTM\\*067\\*\\d{8}~");
        String promised = x855.replaceAll("(?s).*DTM\\*067\\*(\\d{8})~.*", "$1");
        assertThat(java.time.LocalDate.parse(promised, java.time.format.DateTimeFormatter.BASIC_ISO_DATE))
                .isAfterOrEqualTo(java.time.LocalDate.now().plusDays(10));
        assertThat(X12Writer.errors(x855)).isEmpty();
    }

    @Test
    void anOrderThatDidNotComeByEdiGetsNoDocuments() {
        JsonNode order = submitAndRun(java.util.Map.of("accountCode", "HUDSON-US", "customerPoNumber", poNumber(),
                "lines", List.of(java.util.Map.of("sku", "22423", "quantity", 1))));
        processes.awaitEventsHandled();
        assertThat(api.get("/api/v1/edi/documents?reference=" + order.get("orderNumber").asText()).json()).isEmpty();
    }

    @Test
    void documentsMadeInParallelForOnePartnerGetDistinctNumbersWithoutGaps() throws Exception {
        TradingPartners.Partner hudson = partners.byCode("HUDSON").orElseThrow();
        String run = "PAR-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String reference = run + "-" + i;
            boolean fails = i % 7 == 3; // a writer that fails after its number was drawn: the rollback gives it back
            made.add(pool.submit(() -> {
                try {
                    return documents.create(hudson, "855", reference, envelope -> {
                        if (fails) {
                            throw new IllegalStateException("broken on purpose");
                        }
                        return X12Writer.write(envelope, "855", out -> {
                            out.segment("BAK", "00", "AD", reference.length() > 22 ? reference.substring(reference.length() - 22) : reference, "20261202");
                            out.segment("CTT", "0");
                        });
                    }).isPresent();
                } catch (IllegalStateException expected) {
                    return false;
                }
            }));
        }
        int created = 0;
        for (Future<Boolean> future : made) {
            created += future.get() ? 1 : 0;
        }
        pool.shutdown();
        // the same references again, at once: nothing new
        for (int i = 0; i < 40; i += 5) {
            if (i % 7 == 3) {
                continue;
            }
            String reference = run + "-" + i;
            assertThat(documents.create(hudson, "855", reference, envelope -> {
                throw new AssertionError("written twice");
            })).isEmpty();
        }

        List<Long> controls = new ArrayList<>(api.get("/api/v1/edi/documents?partner=HUDSON&type=855&size=200").json().findValuesAsText("sourceReference")
                .stream().filter(reference -> reference.startsWith(run + "-")).map(reference -> document("855", reference))
                .map(d -> Long.parseLong(d.get("interchangeControl").asText())).toList());
        Collections.sort(controls);
        assertThat(created).isEqualTo(34);
        assertThat(controls).hasSize(34).doesNotHaveDuplicates();
        assertThat(controls.get(controls.size() - 1) - controls.get(0)).as("gap-free: " + controls).isEqualTo(33);
    }

    @Test
    void documentsAreReadByEdiAndTheOrderDeskOnly() {
        assertThat(api.getAs("oscar", "demo", "/api/v1/edi/documents?partner=HUDSON").status()).isEqualTo(200);
        assertThat(api.getAs("wendy", "demo", "/api/v1/edi/documents").status()).isEqualTo(403);
        assertProblem(api.get("/api/v1/edi/documents?type=850"), 422, "type");
        assertThat(api.get("/api/v1/edi/documents/999999999").status()).isEqualTo(404);
    }

    private JsonNode document(String type, String reference) {
        JsonNode found = api.get("/api/v1/edi/documents?partner=HUDSON&type=" + type + "&reference=" + reference).json();
        assertThat(found).as(type + " " + reference).hasSize(1);
        return found.get(0);
    }

    private String download(JsonNode document) {
        Api.Document x12 = api.getDocument("/api/v1/edi/documents/" + document.get("id").asLong(), X12);
        assertThat(x12.status()).isEqualTo(200);
        assertThat(x12.contentType()).startsWith(X12);
        return x12.text();
    }

    private static String contentOf(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first segment with this tag after the one starting with {@code start}. */
    private static String segmentAfter(String x12, String start, String tag) {
        List<String> segments = Arrays.stream(x12.split("~\\s*")).toList();
        int at = 0;
        while (!segments.get(at).startsWith(start)) {
            at++;
        }
        return segments.subList(at + 1, segments.size()).stream().filter(s -> s.startsWith(tag + "*")).findFirst().orElseThrow();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String hudson(String control, String po, String... lines) {
        String group = String.valueOf(Integer.parseInt(control.substring(5)));
        List<String> transaction = new ArrayList<>(List.of("ST*850*0001", "BEG*00*SA*" + po + "**20261202",
                "N1*ST*HUDSON HOME SUPPLY NEWARK*92*NWK01"));
        transaction.addAll(List.of(lines));
        transaction.add("CTT*" + lines.length);
        transaction.add("SE*" + (transaction.size() + 1) + "*0001");
        return "ISA*00*          *00*          *ZZ*HUDSONHOME     *ZZ*TRADEFLOW      *261202*0930*U*00401*" + control + "*0*P*>~\n"
                + "GS*PO*HUDSONHOME*TRADEFLOW*20261202*0930*" + group + "*X*004010~\n"
                + String.join("~\n", transaction) + "~\n"
                + "GE*1*" + group + "~\nIEA*1*" + control + "~\n";
    }

    private static String poNumber() {
        return "OB-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT) + "-" + PO_SEQUENCE.incrementAndGet();
    }
}
