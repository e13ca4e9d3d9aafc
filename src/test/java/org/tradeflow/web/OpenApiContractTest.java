package org.tradeflow.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document against the running server: every documented example is sent, in the order a channel
 * would send them (quote, order, read, find, change, cancel; receipt, count, dispatch, return), and every answer
 * must have a documented status, the documented content type and exactly the documented properties.
 */
class OpenApiContractTest extends IntegrationTest {

    private static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    /** Operations not executed here, and why. */
    private static final Map<String, String> NOT_EXECUTED = Map.of(
            "PUT /api/v1/rules/tables/{name}", "changes the live rules every other test prices with (RuleGovernanceTest)",
            "POST /api/v1/rules/tables/{name}/versions/{version}/activate", "changes the live rules (RuleGovernanceTest)",
            "POST /api/v1/rules/tables/{name}/preview", "takes a spreadsheet, not JSON (RuleImpactPreviewTest)");

    @org.springframework.beans.factory.annotation.Autowired
    org.tradeflow.dunning.DunningRun dunningRun;

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> executed = new TreeSet<>();
    private JsonNode document;

    @BeforeEach
    void readTheDocument() {
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        document = docs.json();
    }

    @Test
    void everyDocumentedExampleSucceedsInTheOrderAChannelSendsThem() throws Exception {
        call("GET", "/api/v1/accounts", "/api/v1/accounts", null, Map.of(), 200);
        call("GET", "/api/v1/products", withExamples("/api/v1/products", Map.of()), null, Map.of(), 200);
        call("GET", "/api/v1/availability", withExamples("/api/v1/availability", Map.of()), null, Map.of(), 200);
        call("POST", "/api/v1/price-quotes", "/api/v1/price-quotes", example("/api/v1/price-quotes", "post"), Map.of(), 200);

        JsonNode orderExample = example("/api/v1/orders", "post");
        Map<String, String> key = Map.of("Idempotency-Key", parameterExample("/api/v1/orders", "post", "Idempotency-Key"));
        Api.Response created = call("POST", "/api/v1/orders", "/api/v1/orders", orderExample, key, 201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/orders/" + id);
        Api.Response replayed = call("POST", "/api/v1/orders", "/api/v1/orders", orderExample, key, 200);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("id").asLong()).isEqualTo(id);

        call("GET", "/api/v1/orders/{id}", "/api/v1/orders/" + id, null, Map.of(), 200);
        Api.Response found = call("GET", "/api/v1/orders", withExamples("/api/v1/orders",
                Map.of("orderNumber", created.json().get("orderNumber").asText())), null, Map.of(), 200);
        assertThat(found.json()).extracting(o -> o.get("id").asLong()).containsExactly(id);
        Api.Response byPo = call("GET", "/api/v1/orders", "/api/v1/orders?customerPoNumber="
                + orderExample.get("customerPoNumber").asText().replace(" ", "%20"), null, Map.of(), 200);
        assertThat(byPo.json()).extracting(o -> o.get("id").asLong()).contains(id);
        // the rules that priced it, by the checksum the order carries
        call("GET", "/api/v1/rules/sets/{checksum}", "/api/v1/rules/sets/" + created.json().get("ruleSetChecksum").asText(),
                null, Map.of(), 200);

        call("POST", "/api/v1/orders/{id}/changes", "/api/v1/orders/" + id + "/changes",
                example("/api/v1/orders/{id}/changes", "post"), Map.of(), 200);
        // nothing proposed a substitute for this order: the documented refusal
        Api.Response noProposal = call("POST", "/api/v1/orders/{id}/substitution", "/api/v1/orders/" + id + "/substitution",
                example("/api/v1/orders/{id}/substitution", "post"), Map.of(), 409);
        assertThat(noProposal.isProblem()).isTrue();
        call("POST", "/api/v1/orders/{id}/cancel", "/api/v1/orders/" + id + "/cancel",
                example("/api/v1/orders/{id}/cancel", "post"), Map.of(), 200);
        call("POST", "/api/v1/orders/{id}/cancel", "/api/v1/orders/" + id + "/cancel",
                example("/api/v1/orders/{id}/cancel", "post"), Map.of(), 409);

        JsonNode receipt = example("/api/v1/receipts", "post");
        Map<String, String> receiptKey = Map.of("Idempotency-Key", "WMS-" + System.nanoTime());
        call("POST", "/api/v1/receipts", "/api/v1/receipts", receipt, receiptKey, 201);
        call("POST", "/api/v1/receipts", "/api/v1/receipts", receipt, receiptKey, 200);
        call("POST", "/api/v1/stock-adjustments", "/api/v1/stock-adjustments", example("/api/v1/stock-adjustments", "post"),
                Map.of(), 201);

        Map<String, Object> second = json.convertValue(orderExample, Map.class);
        second.put("customerPoNumber", "PO-CONTRACT-" + System.nanoTime());
        JsonNode running = reload(submitAndRun(second));
        JsonNode shipment = running.get("shipments").get(0);
        assertThat(shipment.get("status").asText()).as(running.toString()).isEqualTo("REQUESTED");
        String shipmentPath = "/api/v1/shipments/" + shipment.get("id").asLong();
        call("POST", "/api/v1/shipments/{id}/dispatch", shipmentPath + "/dispatch",
                example("/api/v1/shipments/{id}/dispatch", "post"), Map.of(), 200);
        call("POST", "/api/v1/shipments/{id}/dispatch", shipmentPath + "/dispatch",
                example("/api/v1/shipments/{id}/dispatch", "post"), Map.of(), 409);
        processes.runJobs(running.get("orderNumber").asText());
        JsonNode invoices = call("GET", "/api/v1/invoices", "/api/v1/invoices?orderId=" + running.get("id").asLong(), null,
                Map.of(), 200).json();
        String invoicePath = "/api/v1/invoices/" + invoices.get(0).get("id").asLong();
        call("GET", "/api/v1/invoices/{id}", invoicePath, null, Map.of(), 200);
        for (String document : List.of("application/pdf", "application/xml")) {
            Api.Document answer = api.getDocument(invoicePath, document);
            assertThat(answer.status()).as(document + ": " + answer.text()).isEqualTo(200);
            assertThat(answer.contentType()).isEqualTo(document);
            assertThat(documented("GET", "/api/v1/invoices/{id}", 200).path("content").has(document)).as(document).isTrue();
        }
        Api.Document notAcceptable = api.getDocument(invoicePath, "image/png");
        assertThat(notAcceptable.status()).as(notAcceptable.text()).isEqualTo(406);
        assertThat(documented("GET", "/api/v1/invoices/{id}", 406).path("content").has(notAcceptable.contentType()
                .replaceFirst(";.*", ""))).as("406 documented as " + notAcceptable.contentType()).isTrue();
        // the documented price correction, at a cent below what the invoice's first line billed
        JsonNode correction = example("/api/v1/invoices/{id}/price-corrections", "post");
        ((com.fasterxml.jackson.databind.node.ObjectNode) correction.get("lines").get(0)).put("unitPrice",
                api.get(invoicePath).json().get("lines").get(0).get("unitPrice").decimalValue().subtract(new java.math.BigDecimal("0.01")));
        long correctionId = call("POST", "/api/v1/invoices/{id}/price-corrections", invoicePath + "/price-corrections", correction,
                Map.of(), 201).json().get("id").asLong();
        call("GET", "/api/v1/price-corrections/{id}", "/api/v1/price-corrections/" + correctionId, null, Map.of(), 200);
        // the documented payment and credit limit, for an account of its own (the demo account's balance stays as other tests expect it)
        String payer = fixtures.accountLike("PACIFIC-US");
        JsonNode payment = example("/api/v1/payments", "post");
        ((com.fasterxml.jackson.databind.node.ObjectNode) payment).put("accountCode", payer);
        Map<String, String> paymentKey = Map.of("Idempotency-Key", parameterExample("/api/v1/payments", "post", "Idempotency-Key") + System.nanoTime());
        long paymentId = call("POST", "/api/v1/payments", "/api/v1/payments", payment, paymentKey, 201).json().get("id").asLong();
        call("POST", "/api/v1/payments", "/api/v1/payments", payment, paymentKey, 200);
        call("POST", "/api/v1/payments", "/api/v1/payments", payment, Map.of(), 409);
        call("GET", "/api/v1/payments/{id}", "/api/v1/payments/" + paymentId, null, Map.of(), 200);
        // nothing of it settled an invoice of the new account: some of the credit goes back
        call("POST", "/api/v1/payments/{id}/refunds", "/api/v1/payments/" + paymentId + "/refunds",
                example("/api/v1/payments/{id}/refunds", "post"), Map.of(), 200);
        call("GET", "/api/v1/accounts/{code}/statement", withExamples("/api/v1/accounts/{code}/statement", Map.of())
                .replace("{code}", payer), null, Map.of(), 200);
        call("PUT", "/api/v1/accounts/{code}/credit-limit", "/api/v1/accounts/" + payer + "/credit-limit",
                example("/api/v1/accounts/{code}/credit-limit", "put"), Map.of(), 200);
        call("GET", "/api/v1/accounts/{code}", "/api/v1/accounts/" + payer, null, Map.of(), 200);
        call("PUT", "/api/v1/accounts/{code}/billing", "/api/v1/accounts/" + payer + "/billing",
                example("/api/v1/accounts/{code}/billing", "put"), Map.of(), 200);
        // the documented bank statement, under an id of its own (a statement is imported once, whatever the run)
        String camt = xmlExample("/api/v1/bank-statements", "post").replace("<Id>DE89370400440532013000-2026-236</Id>",
                "<Id>CONTRACT-" + System.nanoTime() + "</Id>");
        Api.Response statement = api.postRawAs("demo", "demo", "/api/v1/bank-statements", "application/xml", camt);
        conforms("POST", "/api/v1/bank-statements", statement, 201);
        conforms("POST", "/api/v1/bank-statements", api.postRawAs("demo", "demo", "/api/v1/bank-statements", "application/xml", camt), 200);
        executed.add("POST /api/v1/bank-statements");
        call("GET", "/api/v1/bank-statements/{id}", "/api/v1/bank-statements/" + statement.json().get("id").asLong(), null, Map.of(), 200);
        // the documented X12 interchange of the demo partner Hudson, under an ISA13 and PO of its own (a replay makes no order)
        String control = String.format("%09d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 999_999_999));
        String x12 = rawExample("/api/v1/edi/interchanges", "post", "application/edi-x12")
                .replace("000000101", control).replace("HH-PO-77001", org.tradeflow.support.Fixtures.poNumber());
        Api.Response interchange = api.postRawAs("edi", "demo", "/api/v1/edi/interchanges", "application/edi-x12", x12);
        conforms("POST", "/api/v1/edi/interchanges", interchange, 201);
        assertThat(interchange.json().get("status").asText()).as(interchange.body()).isEqualTo("ACCEPTED");
        conforms("POST", "/api/v1/edi/interchanges", api.postRawAs("edi", "demo", "/api/v1/edi/interchanges", "application/edi-x12", x12), 200);
        // the documented EDIFACT ORDERS of the demo partner EUROHANDEL, under a control reference and PO of its own
        String edifact = rawExample("/api/v1/edi/interchanges", "post", "application/edifact")
                .replace("EH2612020930", "C" + control).replace("EH-PO-4711", org.tradeflow.support.Fixtures.poNumber());
        Api.Response orders = api.postRawAs("edi", "demo", "/api/v1/edi/interchanges", "application/edifact", edifact);
        conforms("POST", "/api/v1/edi/interchanges", orders, 201);
        assertThat(orders.json().get("status").asText()).as(orders.body()).isEqualTo("ACCEPTED");
        conforms("POST", "/api/v1/edi/interchanges", api.postRawAs("edi", "demo", "/api/v1/edi/interchanges", "application/edifact", edifact), 200);
        Api.Document contrl = api.getDocument("/api/v1/edi/interchanges/" + orders.json().get("id").asLong() + "/acknowledgement",
                "application/edifact");
        assertThat(contrl.status()).as(contrl.text()).isEqualTo(200);
        assertThat(contrl.contentType()).startsWith("application/edifact");
        assertThat(contrl.text()).contains("UCM+1+ORDERS:D:96A:UN+7'");
        assertThat(documented("GET", "/api/v1/edi/interchanges/{id}/acknowledgement", 200).path("content").has("application/edifact")).isTrue();
        executed.add("POST /api/v1/edi/interchanges");
        call("GET", "/api/v1/edi/interchanges", withExamples("/api/v1/edi/interchanges", Map.of()), null, Map.of(), 200);
        String interchangePath = "/api/v1/edi/interchanges/" + interchange.json().get("id").asLong();
        call("GET", "/api/v1/edi/interchanges/{id}", interchangePath, null, Map.of(), 200);
        Api.Document acknowledgement = api.getDocument(interchangePath + "/acknowledgement", "application/edi-x12");
        assertThat(acknowledgement.status()).as(acknowledgement.text()).isEqualTo(200);
        assertThat(acknowledgement.text()).contains("ST*997*").contains("AK9*A*1*1*1~");
        assertThat(documented("GET", "/api/v1/edi/interchanges/{id}/acknowledgement", 200).path("content").has("application/edi-x12")).isTrue();
        executed.add("GET /api/v1/edi/interchanges/{id}/acknowledgement");
        // the documents sent to the partner: the 997 of that interchange, and the documented filters
        call("GET", "/api/v1/edi/documents", withExamples("/api/v1/edi/documents", Map.of()), null, Map.of(), 200);
        JsonNode sent = call("GET", "/api/v1/edi/documents", "/api/v1/edi/documents?partner=HUDSON&type=997&reference="
                + interchange.json().get("id").asLong(), null, Map.of(), 200).json();
        assertThat(sent).hasSize(1);
        Api.Document sentDocument = api.getDocument("/api/v1/edi/documents/" + sent.get(0).get("id").asLong(), "application/edi-x12");
        assertThat(sentDocument.status()).as(sentDocument.text()).isEqualTo(200);
        assertThat(sentDocument.text()).isEqualTo(acknowledgement.text());
        assertThat(documented("GET", "/api/v1/edi/documents/{id}", 200).path("content").has("application/edi-x12")).isTrue();
        executed.add("GET /api/v1/edi/documents/{id}");
        // the documented trading partner, under a code and ISA id of its own; the documented settings, items and locations are HUDSON's own
        JsonNode newPartner = example("/api/v1/edi/partners", "post");
        String partnerSuffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);
        ((com.fasterxml.jackson.databind.node.ObjectNode) newPartner).put("code", "MAPLE" + partnerSuffix).put("isaId", "MAPLE" + partnerSuffix);
        call("POST", "/api/v1/edi/partners", "/api/v1/edi/partners", newPartner, Map.of(), 201);
        call("GET", "/api/v1/edi/partners", "/api/v1/edi/partners", null, Map.of(), 200);
        call("GET", "/api/v1/edi/partners/{code}", "/api/v1/edi/partners/HUDSON", null, Map.of(), 200);
        call("PUT", "/api/v1/edi/partners/{code}", "/api/v1/edi/partners/HUDSON", example("/api/v1/edi/partners/{code}", "put"), Map.of(), 200);
        call("PUT", "/api/v1/edi/partners/{code}/items", "/api/v1/edi/partners/HUDSON/items",
                api.get("/api/v1/edi/partners/HUDSON").json().get("items") /* list bodies: springdoc drops their example */, Map.of(), 200);
        call("PUT", "/api/v1/edi/partners/{code}/locations", "/api/v1/edi/partners/HUDSON/locations",
                api.get("/api/v1/edi/partners/HUDSON").json().get("locations"), Map.of(), 200);
        // the documented return of the shipped order's first line: DAMAGED needs inspection, no approval
        String returnedSku = shipment.get("lines").get(0).get("sku").asText();
        JsonNode returnRequest = example("/api/v1/returns", "post");
        ((com.fasterxml.jackson.databind.node.ObjectNode) returnRequest).put("orderId", running.get("id").asLong());
        ((com.fasterxml.jackson.databind.node.ObjectNode) returnRequest.get("lines").get(0)).put("lineNo",
                shipment.get("lines").get(0).get("lineNo").asInt());
        JsonNode authorised = call("POST", "/api/v1/returns", "/api/v1/returns", returnRequest, Map.of(), 201).json();
        JsonNode returned = example("/api/v1/shipments/{id}/returns", "post");
        ((com.fasterxml.jackson.databind.node.ObjectNode) returned).put("sku", returnedSku)
                .put("rmaNumber", authorised.get("rmaNumber").asText());
        call("POST", "/api/v1/shipments/{id}/returns", shipmentPath + "/returns", returned, Map.of(), 201);
        JsonNode inspection = example("/api/v1/returns/{id}/inspection", "post");
        ((com.fasterxml.jackson.databind.node.ObjectNode) inspection.get("lines").get(0)).put("lineNo", shipment.get("lines").get(0).get("lineNo").asInt());
        String returnPath = "/api/v1/returns/" + authorised.get("id").asLong();
        call("POST", "/api/v1/returns/{id}/inspection", returnPath + "/inspection", inspection, Map.of(), 200);
        call("GET", "/api/v1/returns/{id}", returnPath, null, Map.of(), 200);
        JsonNode ofOrder = call("GET", "/api/v1/returns", "/api/v1/returns?orderId=" + running.get("id").asLong(), null, Map.of(), 200).json();
        assertThat(ofOrder).extracting(r -> r.get("id").asLong()).containsExactly(authorised.get("id").asLong());
        // an invoice of an account of its own, 40 days overdue, dunned by the daily run; its reminder and letter; a dispute
        long overdue = fixtures.openingBalance(fixtures.accountLike("ACME-DE"), "500.00", java.time.LocalDate.now().minusDays(40));
        dunningRun.run();
        String overduePath = "/api/v1/invoices/" + overdue;
        call("GET", "/api/v1/invoices/{id}/dunning-notices", overduePath + "/dunning-notices", null, Map.of(), 200);
        call("GET", "/api/v1/invoices/{id}/dunning-notices/{level}", overduePath + "/dunning-notices/1", null, Map.of(), 200);
        Api.Document letter = api.getDocument(overduePath + "/dunning-notices/1", "application/pdf");
        assertThat(letter.status()).as(letter.text()).isEqualTo(200);
        assertThat(documented("GET", "/api/v1/invoices/{id}/dunning-notices/{level}", 200).path("content").has("application/pdf")).isTrue();
        JsonNode dispute = example("/api/v1/invoices/{id}/dispute", "post");
        call("POST", "/api/v1/invoices/{id}/dispute", overduePath + "/dispute", dispute, Map.of(), 201);
        call("POST", "/api/v1/invoices/{id}/dispute", overduePath + "/dispute", dispute, Map.of(), 200);
        call("DELETE", "/api/v1/invoices/{id}/dispute", overduePath + "/dispute", null, Map.of(), 204);

        call("GET", "/api/v1/rules/tables", "/api/v1/rules/tables", null, Map.of(), 200);
        call("GET", "/api/v1/rules/tables/{name}/versions", "/api/v1/rules/tables/pricing/versions", null, Map.of(), 200);
        Api.Response spreadsheet = api.get("/api/v1/rules/tables/pricing/versions/1/content");
        assertThat(spreadsheet.status()).isEqualTo(200);
        assertThat(documented("GET", "/api/v1/rules/tables/{name}/versions/{version}/content", 200).has("content")).isTrue();
        executed.add("GET /api/v1/rules/tables/{name}/versions/{version}/content");

        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(p -> p.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase() + " " + p.getKey())));
        operations.removeAll(NOT_EXECUTED.keySet());
        assertThat(executed).containsAll(operations);
    }

    @Test
    void refusalsAreTheDocumentedProblems() throws Exception {
        JsonNode order = example("/api/v1/orders", "post");

        Api.Response anonymous = api.getAnonymously("/api/v1/accounts");
        conforms("GET", "/api/v1/accounts", anonymous, 401);
        Api.Response notFound = api.get("/api/v1/orders/999999999");
        conforms("GET", "/api/v1/orders/{id}", notFound, 404);
        Api.Response unknownRuleSet = api.get("/api/v1/rules/sets/0000");
        conforms("GET", "/api/v1/rules/sets/{checksum}", unknownRuleSet, 404);
        Api.Response unknownTable = api.get("/api/v1/rules/tables/no-such-table/versions");
        conforms("GET", "/api/v1/rules/tables/{name}/versions", unknownTable, 404);
        Api.Response wrongRole = api.postAs("wendy", "demo", "/api/v1/orders/1/cancel", Map.of("reason", "not mine to cancel"));
        conforms("POST", "/api/v1/orders/{id}/cancel", wrongRole, 403);

        Map<String, Object> unknownSku = json.convertValue(order, Map.class);
        unknownSku.put("customerPoNumber", "PO-UNKNOWN-SKU-" + System.nanoTime());
        unknownSku.put("lines", List.of(Map.of("sku", "NO-SUCH-SKU", "quantity", 1)));
        Api.Response invalid = api.post("/api/v1/orders", unknownSku);
        conforms("POST", "/api/v1/orders", invalid, 422);
        assertThat(invalid.json().get("errors").get(0).get("field").asText()).isEqualTo("lines[0].sku");

        conforms("POST", "/api/v1/orders", api.postRaw("/api/v1/orders", "{\"accountCode\": ", Map.of()), 400);
        conforms("POST", "/api/v1/orders", api.postRawAs("demo", "demo", "/api/v1/orders", "application/xml", "<order/>"), 415);
        conforms("POST", "/api/v1/price-quotes", api.postRaw("/api/v1/price-quotes",
                "{\"accountCode\": \"ACME-DE\", \"lines\": [" + "{\"sku\": \"85123A\", \"quantity\": 1},".repeat(80_000)
                        + "{\"sku\": \"85123A\", \"quantity\": 1}]}", Map.of()), 413);

        Map<String, Object> otherContent = json.convertValue(order, Map.class);
        otherContent.put("customerPoNumber", "PO-TWICE-" + System.nanoTime());
        assertThat(api.post("/api/v1/orders", otherContent).status()).isEqualTo(201);
        otherContent.put("lines", List.of(Map.of("sku", "85123A", "quantity", 48)));
        conforms("POST", "/api/v1/orders", api.post("/api/v1/orders", otherContent), 409);
    }

    @Test
    void everyGetRefusesAParameterItDoesNotTake() {
        List<String> failures = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> {
            if (!path.getValue().has("get")) {
                return;
            }
            String url = path.getKey().replace("{name}", "pricing").replace("{version}", "1").replace("{id}", "1")
                    .replace("{checksum}", "0000").replace("{code}", "ACME-DE").replace("{level}", "1");
            Api.Response response = api.get(url + "?orderNo=SO-100001");
            if (response.status() != 400 || !response.isProblem()
                    || !response.json().path("errors").path(0).path("field").asText().equals("orderNo")) {
                failures.add(path.getKey() + " answered " + response.status() + " " + response.body());
            } else {
                conforms("GET", path.getKey(), response, 400);
            }
        });
        assertThat(failures).isEmpty();
        Api.Response typo = api.get("/api/v1/orders?stauts=SHIPPED");
        assertThat(typo.json().get("detail").asText()).startsWith("stauts: unknown parameter; this endpoint takes ");
    }

    @Test
    void ordersAreFoundByOrderNumberAndCustomerPo() {
        JsonNode first = api.post("/api/v1/orders", org.tradeflow.support.OrderRequests.anOrder().forAccount("BRIT-UK")
                .line("85123A", 6).body()).json();
        api.post("/api/v1/orders", org.tradeflow.support.OrderRequests.anOrder().forAccount("BRIT-UK").line("22423", 1).body());

        JsonNode byNumber = api.get("/api/v1/orders?orderNumber=" + first.get("orderNumber").asText()).json();
        JsonNode byPo = api.get("/api/v1/orders?accountCode=BRIT-UK&customerPoNumber=" + first.get("customerPoNumber").asText()).json();
        JsonNode none = api.get("/api/v1/orders?orderNumber=" + first.get("orderNumber").asText() + "&accountCode=ACME-DE").json();

        assertThat(byNumber).extracting(o -> o.get("id").asLong()).containsExactly(first.get("id").asLong());
        assertThat(byPo).extracting(o -> o.get("id").asLong()).containsExactly(first.get("id").asLong());
        assertThat(none).isEmpty();
    }

    @Test
    void theDocumentNamesCapabilitiesSummariesAndTheFullOrderLine() {
        Set<String> tags = new TreeSet<>();
        List<String> unsummarised = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            op.getValue().path("tags").forEach(tag -> tags.add(tag.asText()));
            if (op.getValue().path("summary").asText().isBlank()) {
                unsummarised.add(op.getKey() + " " + path.getKey());
            }
        }));
        JsonNode line = document.at("/components/schemas/OrderLine/properties");

        assertThat(tags).containsExactlyInAnyOrder("Orders", "Order desk", "Pricing", "Catalog", "Accounts",
                "Availability", "Inventory", "Fulfilment", "Invoices", "Receivables", "Returns", "EDI", "Decision tables");
        assertThat(unsummarised).isEmpty();
        assertThat(line.fieldNames()).toIterable().contains("unitPrice", "netAmount", "priceSource", "priceRule",
                "priceExplanation", "backorderedQuantity");
        assertThat(document.at("/paths/~1api~1v1~1orders/post/responses").fieldNames()).toIterable()
                .containsExactly("200", "201", "400", "401", "409", "413", "415", "422", "503");
    }

    @Test
    void theComparisonNoticesWhatTheDocumentDoesNotSay() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode changed = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree("""
                {"id": 1, "accountCode": "ACME-DE", "customerPoNumber": "PO-1", "status": "RECEIVED", "currency": "EUR",
                 "netTotal": 82.80, "createdAt": "2026-12-02T09:15:00.123456Z", "discount": 5}""");
        List<String> failures = new ArrayList<>();

        validate(changed, json.readTree("{\"$ref\": \"#/components/schemas/OrderSummary\"}"), "$", failures);

        assertThat(failures).containsExactlyInAnyOrder("$.orderNumber is documented as required but missing",
                "$.discount is not documented", "$.createdAt is not an instant with milliseconds: \"2026-12-02T09:15:00.123456Z\"");
    }

    // --- the document as a contract ---------------------------------------------------------------------------

    private Api.Response call(String method, String documentedPath, String url, JsonNode body, Map<String, String> headers,
                              int expected) {
        Api.Response response = switch (method) {
            case "GET" -> api.get(url);
            case "PUT" -> api.putAs("demo", "demo", url, "application/json", body.toString().getBytes(StandardCharsets.UTF_8));
            case "DELETE" -> api.requestAs("demo", "demo", "DELETE", url, null);
            default -> api.post(url, body == null ? "" : body.toString(), headers);
        };
        assertThat(response.status()).as(method + " " + url + ": " + response.body()).isEqualTo(expected);
        if (expected == 204) {
            assertThat(response.body()).isEmpty();
            assertThat(documented(method, documentedPath, 204).has("content")).as("204 has no content").isFalse();
        } else {
            conforms(method, documentedPath, response, expected);
        }
        executed.add(method + " " + documentedPath);
        return response;
    }

    private void conforms(String method, String documentedPath, Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode documented = documented(method, documentedPath, status);
        JsonNode content = documented.path("content");
        String contentType = response.contentType().replaceFirst(";.*", "");
        assertThat(content.has(contentType)).as(method + " " + documentedPath + " " + status + " documents "
                + content + ", answered " + contentType).isTrue();
        List<String> failures = new ArrayList<>();
        validate(response.json(), content.get(contentType).get("schema"), "$", failures);
        assertThat(failures).as(method + " " + documentedPath + " " + status + ": " + response.body()).isEmpty();
    }

    private JsonNode documented(String method, String path, int status) {
        JsonNode responses = document.path("paths").path(path).path(method.toLowerCase()).path("responses");
        assertThat(responses.has(String.valueOf(status))).as(method + " " + path + " documents " + status + " among "
                + responses.fieldNames().next()).isTrue();
        return resolve(responses.get(String.valueOf(status)));
    }

    private void validate(JsonNode value, JsonNode schema, String where, List<String> failures) {
        schema = resolve(schema);
        if (schema == null || schema.isMissingNode()) {
            failures.add(where + " has no documented schema");
            return;
        }
        if (value == null || value.isNull()) {
            return; // absent values are written as null
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    failures.add(where + " is not an object");
                    return;
                }
                JsonNode properties = schema.path("properties");
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        failures.add(where + "." + required.asText() + " is documented as required but missing");
                    }
                }
                if (properties.isObject() && !properties.isEmpty()) {
                    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                        String name = names.next();
                        if (!properties.has(name)) {
                            failures.add(where + "." + name + " is not documented");
                        } else {
                            validate(value.get(name), properties.get(name), where + "." + name, failures);
                        }
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    failures.add(where + " is not an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    validate(value.get(i), schema.get("items"), where + "[" + i + "]", failures);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    failures.add(where + " is not text: " + value);
                } else if (schema.path("format").asText().equals("date-time") && !value.asText().matches(TIMESTAMP)) {
                    failures.add(where + " is not an instant with milliseconds: " + value);
                } else if (schema.path("format").asText().equals("date") && !value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    failures.add(where + " is not a date: " + value);
                } else if (schema.has("enum") && !enumValues(schema).contains(value.asText())) {
                    failures.add(where + " is not one of " + enumValues(schema) + ": " + value);
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    failures.add(where + " is not a whole number: " + value);
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    failures.add(where + " is not a number: " + value);
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    failures.add(where + " is not true or false: " + value);
                }
            }
            default -> {
            }
        }
    }

    private static Set<String> enumValues(JsonNode schema) {
        Set<String> values = new LinkedHashSet<>();
        schema.get("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    private JsonNode resolve(JsonNode node) {
        while (node != null && node.has("$ref")) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** The request body's documented example. */
    private JsonNode example(String path, String method) throws Exception {
        JsonNode body = document.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/json").path("schema");
        JsonNode example = resolve(body).path("example");
        assertThat(example.isMissingNode()).as(method + " " + path + " has an example").isFalse();
        return example.isTextual() ? json.readTree(example.asText()) : example.deepCopy();
    }

    /** The documented example of a request body that is XML (a bank statement). */
    private String xmlExample(String path, String method) {
        JsonNode example = resolve(document.path("paths").path(path).path(method).path("requestBody").path("content")
                .path("application/xml").path("schema")).path("example");
        assertThat(example.isTextual()).as(method + " " + path + " has an XML example").isTrue();
        return example.asText();
    }

    /** The documented example of a request body that is text of another kind (an X12 interchange). */
    private String rawExample(String path, String method, String mediaType) {
        JsonNode example = resolve(document.path("paths").path(path).path(method).path("requestBody").path("content")
                .path(mediaType).path("schema")).path("example");
        assertThat(example.isTextual()).as(method + " " + path + " has a " + mediaType + " example").isTrue();
        return example.asText();
    }

    private String parameterExample(String path, String method, String name) {
        for (JsonNode parameter : document.path("paths").path(path).path(method).path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter.path("example").asText();
            }
        }
        throw new AssertionError(method + " " + path + " documents no parameter " + name);
    }

    /** The path with a query of the documented parameter examples, some replaced. */
    private String withExamples(String path, Map<String, String> replaced) {
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : document.path("paths").path(path).path("get").path("parameters")) {
            String name = parameter.path("name").asText();
            if (parameter.path("in").asText().equals("query") && (parameter.has("example") || replaced.containsKey(name))) {
                query.add(name + "=" + replaced.getOrDefault(name, parameter.path("example").asText()).replace(" ", "%20"));
            }
        }
        return query.isEmpty() ? path : path + "?" + query.stream().collect(Collectors.joining("&"));
    }

}
