package org.tradeflow.banking;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/**
 * Finance imports the bank's camt.053 statement over real HTTP: credits naming an invoice, or owing exactly what one
 * open invoice owes, are booked as payments at once; the rest waits in a Match payment task, whose decision books it.
 * A statement is imported once, and hostile XML is refused before anything is stored.
 */
class BankStatementImportTest extends IntegrationTest {

    private static final String TASK = "UserTaskMatchPayment";
    private static final String STATEMENTS = "/api/v1/bank-statements";

    @Test
    void creditsThatNameOrMatchAnInvoiceAreBookedAndTheSameStatementAgainBooksNothing() {
        String account = fixtures.accountLike("ALPINE-AT");
        JsonNode first = invoiceOf(account, oddPrice(), 3);
        JsonNode second = invoiceOf(account, oddPrice(), 2);
        JsonNode third = invoiceOf(account, oddPrice(), 1);
        String number = first.get("invoiceNumber").asText();
        Statement statement = new Statement()
                .with("INVOICE_1_TYPED", number.substring(0, 9) + " " + number.substring(9)) // INV-2026- 000123, as people type
                .with("AMOUNT_1", gross(first).toPlainString())
                .with("INVOICE_2", second.get("invoiceNumber").asText())
                .with("AMOUNT_2", gross(second).subtract(new BigDecimal("10.00")).toPlainString())
                .with("AMOUNT_3", gross(third).toPlainString())
                .with("PAYER_3", "Test account like " + account)
                .with("AMOUNT_4", unmatchableAmount());

        Api.Response imported = statement.importAs("fiona");

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        JsonNode body = imported.json();
        assertThat(imported.header("Location")).endsWith(STATEMENTS + "/" + body.get("id").asLong());
        assertThat(body.get("statementId").asText()).isEqualTo(statement.id());
        assertThat(body.get("accountIban").asText()).isEqualTo("DE89370400440532013000");
        assertThat(body.get("importedBy").asText()).isEqualTo("fiona");
        assertThat(body.get("entryCount").asInt()).isEqualTo(5);
        assertThat(body.get("skippedCount").asInt()).as("the debit").isEqualTo(1);
        assertThat(body.get("matchedCount").asInt()).isEqualTo(3);
        assertThat(body.get("unmatchedCount").asInt()).isEqualTo(1);
        JsonNode entries = body.get("entries");
        assertThat(entries.findValuesAsText("lineNo")).containsExactly("1", "2", "3", "4");
        assertThat(entries.findValuesAsText("status")).containsExactly("MATCHED", "MATCHED", "MATCHED", "UNMATCHED");
        assertThat(entries.findValuesAsText("invoiceNumber")).containsExactly(number, second.get("invoiceNumber").asText(),
                third.get("invoiceNumber").asText(), "null");
        assertThat(entries.get(0).get("accountCode").asText()).isEqualTo(account);
        assertThat(entries.get(0).get("amount").decimalValue()).isEqualByComparingTo(gross(first));
        assertThat(entries.get(2).get("matchNote").asText()).isEqualTo("the amount of " + third.get("invoiceNumber").asText());
        assertThat(entries.get(3).get("paymentId").isNull()).isTrue();
        assertThat(entries.get(3).get("matchNote").asText()).contains("no invoice number in the remittance");
        assertThat(entries.get(3).get("payerName").asText()).isEqualTo("Unknown Payer SARL");
        assertThat(entries.get(3).get("remittance").asText()).isEqualTo("see our letter");

        assertThat(invoice(first).get("status").asText()).isEqualTo("PAID");
        assertThat(invoice(second).get("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(invoice(second).get("amountDue").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(invoice(third).get("status").asText()).isEqualTo("PAID");
        JsonNode payment = api.get("/api/v1/payments/" + entries.get(0).get("paymentId").asLong()).json();
        assertThat(payment.get("reference").asText()).isEqualTo(statement.reference() + "-1");
        assertThat(payment.get("accountCode").asText()).isEqualTo(account);
        assertThat(payment.get("receivedBy").asText()).isEqualTo("fiona");
        assertThat(payment.get("valueDate").asText()).isEqualTo("2026-12-02");
        assertThat(payment.get("allocations").get(0).get("invoiceNumber").asText()).isEqualTo(number);
        assertThat(payment.get("unapplied").decimalValue()).isZero();
        long entryId = entries.get(3).get("id").asLong();
        Task task = processes.task("BANK-" + entryId, TASK);
        assertThat(task).as("a Match payment task for the unmatched credit").isNotNull();
        assertThat(processes.candidateGroups(task)).containsExactly("finance");

        Api.Response again = statement.importAs("fiona");

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("id").asLong()).isEqualTo(body.get("id").asLong());
        assertThat(again.json().get("entries")).isEqualTo(entries);
        assertThat(fixtures.count("select count(*) from payment where reference like ?", statement.reference() + "-%"))
                .as("booked once").isEqualTo(3);
        assertThat(fixtures.count("select count(*) from bank_statement where statement_id = ?", statement.id())).isEqualTo(1);
        assertThat(processes.task("BANK-" + entryId, TASK)).as("still the one task").isNotNull();
        assertThat(invoice(second).get("amountDue").decimalValue()).isEqualByComparingTo("10.00");

        Api.Response read = api.getAs("fiona", "demo", STATEMENTS + "/" + body.get("id").asLong());
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("entries")).isEqualTo(entries);

        Api.Response otherEntries = statement.with("AMOUNT_4", "1.00").importAs("fiona");
        assertThat(otherEntries.status()).as(otherEntries.body()).isEqualTo(409);
        assertThat(otherEntries.body()).contains("was imported on", "with other entries");
    }

    @Test
    void financeMatchesAnUnmatchedCreditToAnAccountAndInvoiceAndItIsBooked() {
        String account = fixtures.accountLike("ALPINE-AT");
        String other = fixtures.accountLike("ALPINE-AT");
        JsonNode open = invoiceOf(account, oddPrice(), 2);
        JsonNode othersInvoice = invoiceOf(other, oddPrice(), 1);
        String amount = gross(open).subtract(new BigDecimal("0.01")).toPlainString(); // a cent short: no amount match
        Statement statement = unmatchedOnly(amount);
        JsonNode entry = statement.importAs("fiona").json().get("entries").get(3);
        assertThat(entry.get("status").asText()).isEqualTo("UNMATCHED");
        Task task = processes.task("BANK-" + entry.get("id").asLong(), TASK);
        assertThat(task.getName()).startsWith("Match payment BANK-" + entry.get("id").asLong() + " · Unknown Payer SARL · ")
                .endsWith(" EUR");
        JsonNode form = processes.formData(task);
        assertThat(form.get("payerName").asText()).isEqualTo("Unknown Payer SARL");
        assertThat(form.get("remittanceText").asText()).isEqualTo("see our letter");
        assertThat(form.get("paymentValueDate").asText()).contains("2026");
        assertThat(form.get("paymentSummary").asText()).contains("Line 4 of statement **" + statement.id() + "**");

        Api.Response unknownAccount = decide("fiona", task, Map.of("matchDecision", "MATCH", "accountCode", "NO-SUCH-ACCOUNT"));
        Api.Response noAccount = decide("fiona", task, Map.of("matchDecision", "MATCH", "decisionComment", "who knows"));
        Api.Response anotherAccountsInvoice = decide("fiona", task, Map.of("matchDecision", "MATCH", "accountCode", account,
                "invoiceNumber", othersInvoice.get("invoiceNumber").asText()));
        Api.Response noInvoice = decide("fiona", task, Map.of("matchDecision", "MATCH", "accountCode", account,
                "invoiceNumber", "INV-1999-000001"));
        Api.Response notFinance = decide("wendy", task, Map.of("matchDecision", "MATCH", "accountCode", account));

        assertProblem(unknownAccount, 400, "unknown account 'NO-SUCH-ACCOUNT'");
        assertProblem(noAccount, 400, "say which account paid");
        assertProblem(anotherAccountsInvoice, 400, othersInvoice.get("invoiceNumber").asText() + " is an invoice of " + other
                + ", not of " + account);
        assertProblem(noInvoice, 400, "'INV-1999-000001' is no unpaid invoice");
        assertThat(notFinance.status()).as(notFinance.body()).isBetween(403, 404);
        assertThat(processes.task("BANK-" + entry.get("id").asLong(), TASK)).as("the task stays").isNotNull();
        assertThat(fixtures.count("select count(*) from payment where reference = ?", statement.reference() + "-4")).isZero();

        Api.Response matched = decide("fiona", task, Map.of("matchDecision", "MATCH", "accountCode", account,
                "invoiceNumber", open.get("invoiceNumber").asText(), "decisionComment", "Remittance letter came by mail"));

        assertThat(matched.status()).as(matched.body()).isEqualTo(204);
        assertThat(processes.isEnded("BANK-" + entry.get("id").asLong())).isTrue();
        JsonNode decided = api.getAs("fiona", "demo", STATEMENTS + "/" + statement.importedId()).json().get("entries").get(3);
        assertThat(decided.get("status").asText()).isEqualTo("MATCHED_BY_HAND");
        assertThat(decided.get("accountCode").asText()).isEqualTo(account);
        assertThat(decided.get("invoiceNumber").asText()).isEqualTo(open.get("invoiceNumber").asText());
        assertThat(decided.get("decidedBy").asText()).isEqualTo("fiona");
        assertThat(decided.get("decisionComment").asText()).isEqualTo("Remittance letter came by mail");
        JsonNode payment = api.get("/api/v1/payments/" + decided.get("paymentId").asLong()).json();
        assertThat(payment.get("reference").asText()).isEqualTo(statement.reference() + "-4");
        assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo(amount);
        assertThat(payment.get("allocations").get(0).get("invoiceNumber").asText()).isEqualTo(open.get("invoiceNumber").asText());
        assertThat(invoice(open).get("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(invoice(open).get("amountDue").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(invoice(othersInvoice).get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void aCreditMatchedToAnAccountAloneSettlesItsOldestDueInvoicesFirst() {
        String account = fixtures.accountLike("ALPINE-AT");
        JsonNode older = invoiceOf(account, oddPrice(), 1);
        JsonNode newer = invoiceOf(account, oddPrice(), 1);
        BigDecimal paid = gross(older).add(new BigDecimal("1.00"));
        Statement statement = unmatchedOnly(paid.toPlainString());
        JsonNode entry = statement.importAs("fiona").json().get("entries").get(3);

        Api.Response matched = decide("fiona", processes.task("BANK-" + entry.get("id").asLong(), TASK),
                Map.of("matchDecision", "MATCH", "accountCode", account));

        assertThat(matched.status()).as(matched.body()).isEqualTo(204);
        assertThat(invoice(older).get("status").asText()).isEqualTo("PAID");
        assertThat(invoice(newer).get("status").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(invoice(newer).get("amountDue").decimalValue()).isEqualByComparingTo(gross(newer).subtract(new BigDecimal("1.00")));
    }

    @Test
    void ignoringACreditNeedsAReasonAndBooksNothing() {
        Statement statement = unmatchedOnly(unmatchableAmount());
        JsonNode entry = statement.importAs("fiona").json().get("entries").get(3);
        Task task = processes.task("BANK-" + entry.get("id").asLong(), TASK);

        Api.Response silent = decide("fiona", task, Map.of("matchDecision", "IGNORE"));
        Api.Response blank = decide("fiona", task, Map.of("matchDecision", "IGNORE", "decisionComment", "  "));
        Api.Response retargeted = api.postAs("fiona", "demo", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables",
                Map.of("matchDecision", string("IGNORE"), "decisionComment", string("x"),
                        "bankStatementEntryId", Map.of("value", 1, "type", "Long"))));

        assertProblem(silent, 400, "IGNORE needs a reason in decisionComment");
        assertProblem(blank, 400, "IGNORE needs a reason in decisionComment");
        assertProblem(retargeted, 400, "'bankStatementEntryId' cannot be set");

        Api.Response ignored = decide("fiona", task, Map.of("matchDecision", "IGNORE", "decisionComment", "Refund from our insurer"));

        assertThat(ignored.status()).as(ignored.body()).isEqualTo(204);
        JsonNode decided = api.getAs("fiona", "demo", STATEMENTS + "/" + statement.importedId()).json().get("entries").get(3);
        assertThat(decided.get("status").asText()).isEqualTo("IGNORED");
        assertThat(decided.get("decisionComment").asText()).isEqualTo("Refund from our insurer");
        assertThat(decided.get("paymentId").isNull()).isTrue();
        assertThat(fixtures.count("select count(*) from payment where reference = ?", statement.reference() + "-4")).isZero();
    }

    @Test
    void hostileXmlIsRefusedNamingWhatIsWrongAndNothingIsStored() {
        String id = "T-HOSTILE-" + System.nanoTime();
        String document = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Id>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + document + id + "&xxe;</Id></Stmt></BkToCstmrStmt></Document>";
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>").append(document).append(id).append("&lol9;</Id></Stmt></BkToCstmrStmt></Document>");
        Statement badAmount = unmatchedOnly("12,50");

        Api.Response external = post("fiona", "application/xml", xxe);
        Api.Response billionLaughs = post("fiona", "application/xml", laughs.toString());
        Api.Response notXml = post("fiona", "application/xml", "{\"statement\": 1}");
        Api.Response wrongAmount = post("fiona", "application/xml", badAmount.xml());
        Api.Response empty = post("fiona", "application/xml", "");
        Api.Response json = post("fiona", "application/json", "{}");
        Api.Response tooLarge = post("fiona", "application/xml", document + id + "</Id>" + " ".repeat(2_100_000)
                + "</Stmt></BkToCstmrStmt></Document>");

        assertProblem(external, 422, "DOCTYPE");
        assertThat(external.body()).doesNotContain("root:");
        assertProblem(billionLaughs, 422, "DOCTYPE");
        assertProblem(notXml, 422, "statement");
        assertProblem(wrongAmount, 422, "Document/BkToCstmrStmt/Stmt/Ntry[4]/Amt");
        assertProblem(empty, 422, "is empty");
        assertProblem(json, 415, "Content-Type");
        assertProblem(tooLarge, 413, "exceeds the limit");
        assertThat(fixtures.count("select count(*) from bank_statement where statement_id like 'T-HOSTILE-%' or statement_id = ?",
                badAmount.id())).isZero();
    }

    @Test
    void onlyFinanceImportsAndReadsBankStatements() {
        Statement statement = unmatchedOnly(unmatchableAmount());

        Api.Response byOrderDesk = statement.importAs("oscar");
        Api.Response byWarehouse = statement.importAs("wendy");

        assertProblem(byOrderDesk, 403, "To import bank statements you need the role finance");
        assertThat(byWarehouse.status()).isEqualTo(403);
        assertThat(fixtures.count("select count(*) from bank_statement where statement_id = ?", statement.id())).isZero();
        assertThat(statement.importAs("fiona").status()).isEqualTo(201);
        assertThat(api.getAs("oscar", "demo", STATEMENTS + "/" + statement.importedId()).status()).isEqualTo(403);
        assertThat(api.getAs("fiona", "demo", STATEMENTS + "/999999999").status()).isEqualTo(404);
    }

    // --- fixtures ------------------------------------------------------------------------------------------------

    /** The sample statement whose first three credits match nothing open: only the fourth is of interest. */
    private Statement unmatchedOnly(String amount4) {
        return new Statement().with("INVOICE_1_TYPED", "INV-1999-000001").with("AMOUNT_1", unmatchableAmount())
                .with("INVOICE_2", "INV-1999-000002").with("AMOUNT_2", unmatchableAmount())
                .with("AMOUNT_3", unmatchableAmount()).with("PAYER_3", "Nobody we know").with("AMOUNT_4", amount4);
    }

    /** statement-for-import.camt053.xml (the sample statement) with this test's invoices, amounts and references. */
    private final class Statement {
        private final Map<String, String> values = new HashMap<>();
        private Long importedId;

        Statement() {
            String unique = "T-" + System.nanoTime() % 1_000_000_000_000L + "-" + ThreadLocalRandom.current().nextInt(1000);
            values.put("STATEMENT_ID", unique);
            values.put("MESSAGE_ID", "MSG-" + unique);
            values.put("REFERENCE", "REF-" + unique);
        }

        Statement with(String name, String value) {
            values.put(name, value);
            return this;
        }

        String id() {
            return values.get("STATEMENT_ID");
        }

        String reference() {
            return values.get("REFERENCE");
        }

        long importedId() {
            return importedId;
        }

        String xml() {
            String xml = template();
            for (Map.Entry<String, String> value : values.entrySet()) {
                xml = xml.replace("${" + value.getKey() + "}", value.getValue());
            }
            assertThat(xml).doesNotContain("${");
            return xml;
        }

        Api.Response importAs(String user) {
            Api.Response response = post(user, "application/xml", xml());
            if (response.status() == 201) {
                importedId = response.json().get("id").asLong();
            }
            return response;
        }
    }

    private static String template() {
        try (InputStream in = BankStatementImportTest.class.getResourceAsStream("/camt/statement-for-import.camt053.xml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Api.Response post(String user, String contentType, String body) {
        return api.postRawAs(user, "demo", STATEMENTS, contentType, body);
    }

    private Api.Response decide(String user, Task task, Map<String, String> inputs) {
        Map<String, Object> variables = new LinkedHashMap<>();
        inputs.forEach((name, value) -> variables.put(name, string(value)));
        return api.postAs(user, "demo", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", variables));
    }

    /** A list price of this test's own, so that no other test's open invoice owes what this one does. */
    private static String oddPrice() {
        return new BigDecimal(ThreadLocalRandom.current().nextInt(100_00, 900_00)).movePointLeft(2).toPlainString();
    }

    /** Far more than any test invoices, with odd cents: no open invoice owes it. */
    private static String unmatchableAmount() {
        return new BigDecimal(ThreadLocalRandom.current().nextLong(90_000_000_00L, 99_000_000_00L)).movePointLeft(2).toPlainString();
    }

    private static BigDecimal gross(JsonNode invoice) {
        return invoice.get("grossTotal").decimalValue();
    }

    private JsonNode invoice(JsonNode invoice) {
        return api.get("/api/v1/invoices/" + invoice.get("id").asLong()).json();
    }

    /** An invoice of the account through the normal flow: order, allocation, dispatch, invoicing. */
    private JsonNode invoiceOf(String account, String price, int quantity) {
        return invoiceOf(anOrder().forAccount(account).line(fixtures.product(Map.of("WH-DE", 50), price), quantity).body());
    }
}
