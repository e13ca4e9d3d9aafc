package org.tradeflow.dunning;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/**
 * The dunning of overdue invoices as dunning.xlsx says (demo: a free reminder a day after the due date, a second after
 * 15 days with a fee and interest, a final notice after 29 days that holds orders and asks finance to call), sent by the
 * daily run, stopped by payment, paused by a dispute. Invoices are put 40 days past due in the data; "14 days later"
 * is the last reminder's date moved back, never the clock.
 */
class DunningTest extends IntegrationTest {

    private static final String CALL = "UserTaskCallCustomer";

    @Autowired
    DunningRun run;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper objectMapper;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void anOverdueInvoiceClimbsTheLevelsUntilFinanceCallsTheCustomer() throws IOException {
        String account = fixtures.accountLike("ACME-DE");
        long invoiceId = fixtures.openingBalance(account, "500.00", LocalDate.now().minusDays(40));
        String invoiceNumber = invoiceNumber(invoiceId);

        run.run();
        JsonNode first = dunning(invoiceId);
        assertThat(first.get("level").asInt()).isEqualTo(1);
        assertThat(first.get("blocksOrders").asBoolean()).isFalse();
        JsonNode reminder = first.get("notices").get(0);
        assertThat(reminder.get("title").asText()).isEqualTo("Payment reminder");
        assertThat(reminder.get("daysOverdue").asInt()).isEqualTo(40);
        assertThat(reminder.get("fee").decimalValue()).isZero();
        assertThat(reminder.get("interest").decimalValue()).isZero();
        assertThat(reminder.get("totalDue").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(reminder.get("payBy").asText()).isEqualTo(LocalDate.now().plusDays(14).toString());
        assertThat(announced(invoiceNumber)).isEqualTo(1);

        run.run(); // the same day: the next level waits its 14 days
        assertThat(dunning(invoiceId).get("level").asInt()).isEqualTo(1);

        fourteenDaysLater(invoiceId);
        run.run();
        JsonNode second = dunning(invoiceId).get("notices").get(1);
        assertThat(second.get("level").asInt()).isEqualTo(2);
        assertThat(second.get("fee").decimalValue()).isEqualByComparingTo("5.00");
        // 5 % a year on 500.00 for 40 days
        assertThat(second.get("interest").decimalValue()).isEqualByComparingTo("2.74");
        assertThat(second.get("blocksOrders").asBoolean()).isFalse();
        assertThat(processes.task(invoiceNumber, CALL)).isNull();

        fourteenDaysLater(invoiceId);
        run.run();
        JsonNode third = dunning(invoiceId);
        JsonNode last = third.get("notices").get(2);
        assertThat(last.get("title").asText()).isEqualTo("Final notice");
        assertThat(last.get("fee").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(last.get("interest").decimalValue()).isEqualByComparingTo("4.93");
        assertThat(last.get("totalDue").decimalValue()).isEqualByComparingTo("519.93");
        assertThat(last.get("finalNotice").asBoolean()).isTrue();
        assertThat(third.get("blocksOrders").asBoolean()).isTrue();
        assertThat(announced(invoiceNumber)).isEqualTo(3);
        JsonNode event = objectMapper.readTree(jdbc.queryForObject("""
                select payload::text from outbox_event where event_type = 'InvoiceDunned' and aggregate_id = ? order by id desc limit 1""",
                String.class, invoiceNumber));
        assertThat(event.get("level").asInt()).isEqualTo(3);
        assertThat(event.get("accountCode").asText()).isEqualTo(account);
        assertThat(event.get("finalNotice").asBoolean()).isTrue();

        Task call = processes.task(invoiceNumber, CALL);
        assertThat(call).isNotNull();
        assertThat(call.getName()).isEqualTo("Call customer about " + invoiceNumber);
        assertThat(processes.candidateGroups(call)).containsExactly("finance");
        assertThat(processes.formData(call).get("callSummary").asText()).contains(invoiceNumber, "40 days overdue",
                "519.93 EUR", "new orders of the account are held");
        assertThat(completeCall("wendy", call, "PAYMENT_PROMISED", "x").status()).isEqualTo(403);
        Api.Response called = completeCall("fiona", call, "PAYMENT_PROMISED", "Mr Berg promises payment by Friday");
        assertThat(called.status()).as(called.body()).isEqualTo(204);
        JsonNode outcome = dunning(invoiceId).get("notices").get(2).get("call");
        assertThat(outcome.get("outcome").asText()).isEqualTo("PAYMENT_PROMISED");
        assertThat(outcome.get("calledBy").asText()).isEqualTo("fiona");
        assertThat(outcome.get("comment").asText()).isEqualTo("Mr Berg promises payment by Friday");

        fourteenDaysLater(invoiceId);
        run.run(); // no level after the final notice
        assertThat(dunning(invoiceId).get("notices")).hasSize(3);

        Api.Response one = api.get("/api/v1/invoices/" + invoiceId + "/dunning-notices/2");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("fee").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(api.get("/api/v1/invoices/" + invoiceId + "/dunning-notices/4").status()).isEqualTo(404);
        Api.Document letter = api.getDocument("/api/v1/invoices/" + invoiceId + "/dunning-notices/3", "application/pdf");
        assertThat(letter.status()).as(letter.text()).isEqualTo(200);
        assertThat(letter.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(letter.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("[ \\t]+", " ");
            assertThat(text).contains("Final notice", invoiceNumber, "Test account like", "40 days overdue",
                    "Open amount of the invoice 500.00 EUR", "Reminder fee 15.00 EUR", "Interest 9 % a year for 40 days 4.93 EUR",
                    "Amount to pay 519.93 EUR", "new orders of your account are held", "Our finance team will call you",
                    "DE89370400440532013000");
        }
        try (PDDocument document = Loader.loadPDF(api.getDocument("/api/v1/invoices/" + invoiceId + "/dunning-notices/1",
                "application/pdf").body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Payment reminder", "escaped your attention")
                    .doesNotContain("final notice", "are held");
        }
    }

    @Test
    void anInvoiceAnotherTransactionHoldsIsLeftForTheNextRunAndALevelIsSentOnceWhenServersRunTogether() throws Exception {
        String account = fixtures.accountLike("ACME-DE");
        long invoiceId = fixtures.openingBalance(account, "500.00", LocalDate.now().minusDays(40));
        String invoiceNumber = invoiceNumber(invoiceId);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread otherServer = new Thread(() -> transaction.executeWithoutResult(status -> {
            jdbc.queryForList("select id from invoice where id = ? for update", invoiceId);
            locked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        otherServer.start();
        assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

        run.run(); // not waiting for the lock
        assertThat(dunning(invoiceId).get("level").asInt()).isZero();
        release.countDown();
        otherServer.join();

        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = List.of(servers.submit(run::run), servers.submit(run::run));
            for (Future<Integer> each : runs) {
                each.get(120, TimeUnit.SECONDS);
            }
        } finally {
            servers.shutdown();
        }
        assertThat(dunning(invoiceId).get("notices")).hasSize(1);
        assertThat(announced(invoiceNumber)).isEqualTo(1);
    }

    @Test
    void aPaymentThatSettlesTheInvoiceStopsItsDunningAndTheCall() {
        String account = fixtures.accountLike("ACME-DE");
        long invoiceId = fixtures.openingBalance(account, "500.00", LocalDate.now().minusDays(40));
        String invoiceNumber = invoiceNumber(invoiceId);
        dunToFinalNotice(invoiceId);
        assertThat(processes.task(invoiceNumber, CALL)).isNotNull();

        pay(account, "500.00");

        assertThat(processes.isEnded(invoiceNumber)).isTrue();
        assertThat(dunning(invoiceId).get("blocksOrders").asBoolean()).isFalse();
        fourteenDaysLater(invoiceId);
        run.run();
        assertThat(dunning(invoiceId).get("notices")).hasSize(3);
    }

    @Test
    void aPartPaymentLeavesTheInvoiceDunned() {
        String account = fixtures.accountLike("ACME-DE");
        long invoiceId = fixtures.openingBalance(account, "500.00", LocalDate.now().minusDays(40));
        run.run();
        pay(account, "200.00");
        fourteenDaysLater(invoiceId);

        run.run();
        JsonNode second = dunning(invoiceId).get("notices").get(1);
        assertThat(second.get("openAmount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(second.get("interest").decimalValue()).isEqualByComparingTo("1.64"); // 5 % a year on 300.00, 40 days
    }

    @Test
    void aDisputePausesDunningUntilFinanceLiftsIt() {
        String account = fixtures.accountLike("ACME-DE");
        long invoiceId = fixtures.openingBalance(account, "500.00", LocalDate.now().minusDays(40));
        String invoiceNumber = invoiceNumber(invoiceId);
        run.run();

        Api.Response disputed = dispute("oscar", invoiceId, "Goods arrived damaged");
        assertThat(disputed.status()).as(disputed.body()).isEqualTo(201);
        assertThat(disputed.json().get("reason").asText()).isEqualTo("Goods arrived damaged");
        assertThat(disputed.json().get("disputedBy").asText()).isEqualTo("oscar");
        Api.Response again = dispute("fiona", invoiceId, "Something else");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("reason").asText()).isEqualTo("Goods arrived damaged");
        assertThat(dunning(invoiceId).get("dispute").get("disputedBy").asText()).isEqualTo("oscar");

        fourteenDaysLater(invoiceId);
        run.run();
        assertThat(dunning(invoiceId).get("level").asInt()).isEqualTo(1);

        assertThat(api.requestAs("oscar", "demo", "DELETE", "/api/v1/invoices/" + invoiceId + "/dispute", null).status()).isEqualTo(403);
        assertThat(api.requestAs("fiona", "demo", "DELETE", "/api/v1/invoices/" + invoiceId + "/dispute", null).status()).isEqualTo(204);
        assertThat(api.requestAs("fiona", "demo", "DELETE", "/api/v1/invoices/" + invoiceId + "/dispute", null).status()).isEqualTo(204);
        assertThat(dunning(invoiceId).get("dispute").isNull()).isTrue();
        run.run();
        assertThat(dunning(invoiceId).get("level").asInt()).isEqualTo(2);
        assertThat(invoiceNumber).isNotBlank();
    }

    @Test
    void aDisputeEndsTheCallOfTheFinalNotice() {
        String account = fixtures.accountLike("ACME-DE");
        long invoiceId = fixtures.openingBalance(account, "500.00", LocalDate.now().minusDays(40));
        dunToFinalNotice(invoiceId);

        assertThat(dispute("fiona", invoiceId, "Customer says the invoice was paid to the old account").status()).isEqualTo(201);

        assertThat(processes.isEnded(invoiceNumber(invoiceId))).isTrue();
        assertThat(dunning(invoiceId).get("blocksOrders").asBoolean()).isFalse();
    }

    @Test
    void onlyTheOrderDeskAndFinanceDisputeAndOnlyOpenInvoices() {
        String account = fixtures.accountLike("ACME-DE");
        long invoiceId = fixtures.openingBalance(account, "500.00", LocalDate.now().minusDays(40));

        assertThat(dispute("wendy", invoiceId, "not mine").status()).isEqualTo(403);
        assertThat(dispute("sam", invoiceId, "not mine").status()).isEqualTo(403);
        assertProblem(dispute("fiona", invoiceId, " "), 422, "reason");
        assertThat(dispute("fiona", 999_999_999L, "no such invoice").status()).isEqualTo(404);

        long creditNoteId = jdbc.queryForObject("""
                insert into invoice (invoice_number, account_id, currency, net_total, tax_total, gross_total, issued_on, due_on,
                                     status, document_type, credited_invoice_id)
                select 'CRN-T' || nextval('invoice_id_seq'), account_id, currency, 10, 0, 10, issued_on, issued_on, 'OPEN', 'CREDIT_NOTE', id
                  from invoice where id = ? returning id""", Long.class, invoiceId);
        assertProblem(dispute("fiona", creditNoteId, "a credit note"), 409, "credit note");

        pay(account, "500.00");
        assertProblem(dispute("fiona", invoiceId, "too late"), 409, "is paid");
    }

    @Test
    void anAccountDunningBlocksHasItsNewOrdersHeldUntilTheInvoiceIsPaid() {
        String account = fixtures.accountLike("ACME-DE", "100000.00");
        long invoiceId = fixtures.openingBalance(account, "500.00", LocalDate.now().minusDays(40));
        String invoiceNumber = invoiceNumber(invoiceId);
        dunToFinalNotice(invoiceId);

        JsonNode held = heldOrder(account);
        assertThat(held.get("statusReason").asText()).contains("Dunning: invoice " + invoiceNumber + " is unpaid at reminder level 3",
                "within the credit limit");

        pay(account, "500.00");
        processes.runJobs(held.get("orderNumber").asText());

        JsonNode released = reload(held);
        assertThat(released.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(released.get("audit").findValuesAsText("action")).contains("CREDIT_RELEASED");
        assertThat(submitAndRun(anOrder().forAccount(account).line(fixtures.product(Map.of("WH-DE", 50)), 2).body())
                .get("orderNumber").asText()).isNotBlank();
    }

    @Test
    void aDisputeOfTheBlockingInvoiceReleasesTheHeldOrders() {
        String account = fixtures.accountLike("ACME-DE", "100000.00");
        long invoiceId = fixtures.openingBalance(account, "500.00", LocalDate.now().minusDays(40));
        dunToFinalNotice(invoiceId);
        JsonNode held = heldOrder(account);

        assertThat(dispute("oscar", invoiceId, "Customer never received the goods").status()).isEqualTo(201);
        processes.awaitEventsHandled();
        processes.runJobs(held.get("orderNumber").asText());

        assertThat(reload(held).get("status").asText()).isEqualTo("ALLOCATED");
    }

    private JsonNode heldOrder(String account) {
        JsonNode order = submitAndRun(anOrder().forAccount(account).line(fixtures.product(Map.of("WH-DE", 50)), 2).body());
        JsonNode held = reload(order);
        assertThat(held.get("status").asText()).as(held.toString()).isEqualTo("CREDIT_HOLD");
        return held;
    }

    private void dunToFinalNotice(long invoiceId) {
        run.run();
        fourteenDaysLater(invoiceId);
        run.run();
        fourteenDaysLater(invoiceId);
        run.run();
        assertThat(dunning(invoiceId).get("level").asInt()).isEqualTo(3);
    }

    /** The invoice's reminders went out 14 days earlier than they did: its next level is due. */
    private void fourteenDaysLater(long invoiceId) {
        jdbc.update("update dunning_notice set issued_on = issued_on - 14 where invoice_id = ?", invoiceId);
    }

    private void pay(String account, String amount) {
        Api.Response paid = api.postAs("fiona", "demo", "/api/v1/payments", Map.of("accountCode", account, "amount", new BigDecimal(amount),
                "currency", "EUR", "valueDate", LocalDate.now().toString(), "reference", "WIRE-" + System.nanoTime()));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        processes.awaitEventsHandled();
    }

    private JsonNode dunning(long invoiceId) {
        Api.Response response = api.get("/api/v1/invoices/" + invoiceId + "/dunning-notices");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String invoiceNumber(long invoiceId) {
        return api.get("/api/v1/invoices/" + invoiceId).json().get("invoiceNumber").asText();
    }

    private int announced(String invoiceNumber) {
        return fixtures.count("select count(*) from outbox_event where event_type = 'InvoiceDunned' and aggregate_id = ?", invoiceNumber);
    }

    private Api.Response dispute(String user, long invoiceId, String reason) {
        return api.postAs(user, "demo", "/api/v1/invoices/" + invoiceId + "/dispute", Map.of("reason", reason));
    }

    private Api.Response completeCall(String user, Task task, String outcome, String comment) {
        return api.postAs(user, "demo", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables",
                Map.of("callOutcome", Map.of("value", outcome, "type", "String"), "decisionComment", Map.of("value", comment, "type", "String"))));
    }
}
