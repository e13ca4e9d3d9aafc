package org.tradeflow.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/**
 * Credit notes for price disputes: asked for by the order desk, decided by a sales manager in the engine (never the
 * one who asked), issued in their own series at the invoice's tax, applied to the account, shown as documents.
 */
class CreditNoteTest extends IntegrationTest {

    private static final String TASK = "UserTaskApprovePriceCorrection";

    @Test
    void anApprovedPriceCorrectionIssuesACreditNoteThatSettlesTheInvoiceItCorrects() throws IOException {
        String account = fixtures.accountLike("ACME-DE");
        String lamp = fixtures.product(Map.of("WH-DE", 50), "12.50");
        JsonNode invoice = invoiceOf(anOrder().forAccount(account).line(lamp, 4).body());
        BigDecimal gross = invoice.get("grossTotal").decimalValue();

        Api.Response asked = askForCorrection(invoice, Map.of("reason", "Contract price not applied",
                "lines", List.of(Map.of("orderLineNo", 1, "unitPrice", billedLess(invoice, "2.50")))));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(asked.json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(asked.json().get("creditNet").decimalValue()).isEqualByComparingTo("10.00");
        long correctionId = asked.json().get("id").asLong();
        Task approval = processes.task("PC-" + correctionId, TASK);
        assertThat(processes.candidateGroups(approval)).containsExactly("sales-managers");

        Api.Response byRequester = decide("demo", approval, "APPROVE", "fine by me");
        assertThat(byRequester.status()).as(byRequester.body()).isEqualTo(403);
        assertThat(byRequester.json().get("detail").asText()).contains("demo asked for PC-" + correctionId, "four eyes");
        Api.Response bySalesManager = decide("sam", approval, "APPROVE", "contract confirmed");
        assertThat(bySalesManager.status()).as(bySalesManager.body()).isEqualTo(204);

        JsonNode correction = api.get("/api/v1/price-corrections/" + correctionId).json();
        assertThat(correction.get("status").asText()).isEqualTo("APPROVED");
        assertThat(correction.get("decidedBy").asText()).isEqualTo("sam");
        assertThat(correction.get("creditNoteNumber").asText()).matches("CRN-\\d{4}-\\d{6}");
        processes.awaitEventsHandled();
        JsonNode note = api.get("/api/v1/invoices/" + correction.get("creditNoteId").asLong()).json();
        assertThat(note.get("documentType").asText()).isEqualTo("CREDIT_NOTE");
        assertThat(note.get("creditedInvoiceNumber").asText()).isEqualTo(invoice.get("invoiceNumber").asText());
        assertThat(note.get("netTotal").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(note.get("taxTotal").decimalValue()).isEqualByComparingTo("1.90");
        assertThat(note.get("grossTotal").decimalValue()).isEqualByComparingTo("11.90");
        assertThat(note.get("lines").get(0).get("taxCategory").asText()).isEqualTo("S");
        assertThat(note.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(note.get("lines").get(0).get("quantity").asInt()).isEqualTo(4);
        assertThat(note.get("status").asText()).isEqualTo("APPLIED");
        assertThat(note.get("amountDue").decimalValue()).isZero();

        JsonNode corrected = api.get("/api/v1/invoices/" + invoice.get("id").asLong()).json();
        assertThat(corrected.get("amountCredited").decimalValue()).isEqualByComparingTo("11.90");
        assertThat(corrected.get("amountDue").decimalValue()).isEqualByComparingTo(gross.subtract(new BigDecimal("11.90")));
        assertThat(corrected.get("status").asText()).isEqualTo("PARTIALLY_PAID");

        JsonNode statement = api.get("/api/v1/accounts/" + account + "/statement?from=" + LocalDate.now().minusDays(1)
                + "&to=" + LocalDate.now().plusDays(1)).json();
        assertThat(statement.get("entries").findValuesAsText("kind")).containsExactly("INVOICE", "CREDIT_NOTE");
        assertThat(statement.get("entries").get(1).get("credit").decimalValue()).isEqualByComparingTo("11.90");
        assertThat(statement.get("closingBalance").decimalValue()).isEqualByComparingTo(gross.subtract(new BigDecimal("11.90")));
        assertThat(statement.get("ageing").get("current").decimalValue()).isEqualByComparingTo(gross.subtract(new BigDecimal("11.90")));
        assertThat(statement.get("ageing").get("unappliedCredit").decimalValue()).isZero();
    }

    @Test
    void aCreditNoteIsAUblCreditNoteThatEn16931AndPeppolAcceptAndAPdfThatSaysWhatItCredits() throws IOException {
        JsonNode note = approvedCreditNote(fixtures.accountLike("ACME-DE"));
        long id = note.get("id").asLong();

        Api.Document xml = api.getDocument("/api/v1/invoices/" + id, "application/xml");
        assertThat(xml.status()).as(xml.text()).isEqualTo(200);
        assertThat(xml.text()).contains("<CreditNote", "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
                "<cbc:ID>" + note.get("creditedInvoiceNumber").asText() + "</cbc:ID>");
        assertThat(EInvoiceRules.errors(xml.body(), EInvoiceRules.EN16931_CREDIT_NOTE)).as(xml.text()).isEmpty();
        assertThat(EInvoiceRules.errors(xml.body(), EInvoiceRules.PEPPOL_CREDIT_NOTE)).as(xml.text()).isEmpty();

        Api.Document pdf = api.getDocument("/api/v1/invoices/" + id, "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
            assertThat(text).contains("Credit note " + note.get("invoiceNumber").asText(),
                    "Corrects invoice " + note.get("creditedInvoiceNumber").asText(), "Price correction: Contract price",
                    "Credited to you 11.90 EUR").doesNotContain("Amount due");
        }
    }

    @Test
    void creditLeftOverAfterThePaidInvoiceLowersTheExposureAndSettlesTheNextInvoice() {
        String account = fixtures.accountLike("ACME-DE");
        String lamp = fixtures.product(Map.of("WH-DE", 50), "12.50");
        JsonNode first = invoiceOf(anOrder().forAccount(account).line(lamp, 4).body());
        Api.Response paid = api.postAs("fiona", "demo", "/api/v1/payments", Map.of("accountCode", account, "amount", first.get("grossTotal").decimalValue(),
                "currency", "EUR", "valueDate", LocalDate.now().plusDays(40).toString(), "reference", "WIRE-" + account));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);

        JsonNode note = approvedCreditNote(first);
        assertThat(note.get("status").asText()).isEqualTo("OPEN"); // nothing owed to set it against yet
        assertThat(note.get("amountDue").decimalValue()).isEqualByComparingTo("11.90");

        JsonNode second = invoiceOf(anOrder().forAccount(account).line(lamp, 2).body());
        processes.awaitEventsHandled();

        JsonNode settled = api.get("/api/v1/invoices/" + second.get("id").asLong()).json();
        assertThat(settled.get("amountCredited").decimalValue()).isEqualByComparingTo("11.90");
        assertThat(settled.get("amountDue").decimalValue()).isEqualByComparingTo(second.get("grossTotal").decimalValue().subtract(new BigDecimal("11.90")));
        assertThat(api.get("/api/v1/invoices/" + note.get("id").asLong()).json().get("status").asText()).isEqualTo("APPLIED");
        JsonNode credit = api.get("/api/v1/invoices?accountCode=" + account + "&documentType=CREDIT_NOTE").json();
        assertThat(credit).hasSize(1);
    }

    @Test
    void aRejectedCorrectionNeedsAReasonAndIssuesNothing() {
        JsonNode invoice = invoiceOf(anOrder().forAccount(fixtures.accountLike("ACME-DE"))
                .line(fixtures.product(Map.of("WH-DE", 50), "12.50"), 4).body());
        long correctionId = askForCorrection(invoice, Map.of("reason", "Customer says 11.00",
                "lines", List.of(Map.of("orderLineNo", 1, "unitPrice", billedLess(invoice, "1.00"), "quantity", 2)))).json().get("id").asLong();
        Task approval = processes.task("PC-" + correctionId, TASK);

        Api.Response silent = api.postAs("sam", "demo", "/engine-rest/task/" + approval.getId() + "/complete",
                Map.of("variables", Map.of("priceCorrectionDecision", string("REJECT"))));
        Api.Response retargeted = api.postAs("sam", "demo", "/engine-rest/task/" + approval.getId() + "/complete",
                Map.of("variables", Map.of("priceCorrectionDecision", string("APPROVE"), "priceCorrectionId", Map.of("value", 1, "type", "Long"))));
        assertThat(silent.status()).as(silent.body()).isBetween(400, 499);
        assertThat(silent.body()).contains("needs a reason");
        assertThat(retargeted.status()).as(retargeted.body()).isBetween(400, 499);
        assertThat(retargeted.body()).contains("'priceCorrectionId' cannot be set");

        assertThat(decide("sam", approval, "REJECT", "List price applies").status()).isEqualTo(204);
        JsonNode correction = api.get("/api/v1/price-corrections/" + correctionId).json();
        assertThat(correction.get("status").asText()).isEqualTo("REJECTED");
        assertThat(correction.get("decisionComment").asText()).isEqualTo("List price applies");
        assertThat(correction.get("creditNoteNumber").isNull()).isTrue();
        assertThat(api.get("/api/v1/invoices?orderId=" + invoice.get("orderId").asLong() + "&documentType=CREDIT_NOTE").json()).isEmpty();
    }

    @Test
    void correctionsThatDoNotFitTheInvoiceAreRefusedNamingTheField() {
        JsonNode invoice = invoiceOf(anOrder().forAccount(fixtures.accountLike("ACME-DE"))
                .line(fixtures.product(Map.of("WH-DE", 50), "12.50"), 4).body());

        assertProblem(askForCorrection(invoice, Map.of("reason", "r", "lines", List.of(Map.of("orderLineNo", 1, "unitPrice", billedLess(invoice, "0"))))),
                422, "lines[0].unitPrice");
        assertProblem(askForCorrection(invoice, Map.of("reason", "r", "lines", List.of(Map.of("orderLineNo", 7, "unitPrice", 1)))),
                422, "lines[0].orderLineNo");
        assertProblem(askForCorrection(invoice, Map.of("reason", "r", "lines", List.of(Map.of("orderLineNo", 1, "unitPrice", 1, "quantity", 5)))),
                422, "lines[0].quantity");
        assertProblem(askForCorrection(invoice, Map.of("reason", " ", "lines", List.of())), 422, "reason");
        assertProblem(askForCorrection(invoice, Map.of("reason", "r", "lines", List.of(Map.of("orderLineNo", 1, "unitPrice", 1)), "extra", 1)),
                400, "extra");
        assertThat(api.postAs("wendy", "demo", "/api/v1/invoices/" + invoice.get("id").asLong() + "/price-corrections",
                Map.of("reason", "r", "lines", List.of(Map.of("orderLineNo", 1, "unitPrice", 1)))).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/invoices/999999999/price-corrections",
                Map.of("reason", "r", "lines", List.of(Map.of("orderLineNo", 1, "unitPrice", 1)))).status()).isEqualTo(404);

        assertThat(askForCorrection(invoice, Map.of("reason", "r", "lines", List.of(Map.of("orderLineNo", 1, "unitPrice", billedLess(invoice, "1"))))).status())
                .isEqualTo(201);
        assertProblem(askForCorrection(invoice, Map.of("reason", "again", "lines", List.of(Map.of("orderLineNo", 1, "unitPrice", 10)))),
                409, "waits for a decision");
    }

    private JsonNode approvedCreditNote(String account) {
        String lamp = fixtures.product(Map.of("WH-DE", 50), "12.50");
        return approvedCreditNote(invoiceOf(anOrder().forAccount(account).line(lamp, 4).body()));
    }

    private JsonNode approvedCreditNote(JsonNode invoice) {
        Api.Response asked = askForCorrection(invoice, Map.of("reason", "Contract price not applied",
                "lines", List.of(Map.of("orderLineNo", 1, "unitPrice", billedLess(invoice, "2.50")))));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        long correctionId = asked.json().get("id").asLong();
        Api.Response decided = decide("sam", processes.task("PC-" + correctionId, TASK), "APPROVE", "ok");
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);
        processes.awaitEventsHandled();
        long noteId = api.get("/api/v1/price-corrections/" + correctionId).json().get("creditNoteId").asLong();
        return api.get("/api/v1/invoices/" + noteId).json();
    }

    /** The unit price the invoice's first line billed, less this: 2.50 less on 4 units credits 10.00 net, 11.90 at 19 %. */
    private static BigDecimal billedLess(JsonNode invoice, String less) {
        return invoice.get("lines").get(0).get("unitPrice").decimalValue().subtract(new BigDecimal(less));
    }

    private Api.Response askForCorrection(JsonNode invoice, Map<String, Object> body) {
        return api.post("/api/v1/invoices/" + invoice.get("id").asLong() + "/price-corrections", body);
    }

    private Api.Response decide(String user, Task task, String decision, String comment) {
        return api.postAs(user, "demo", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables",
                Map.of("priceCorrectionDecision", string(decision), "decisionComment", string(comment))));
    }
}
