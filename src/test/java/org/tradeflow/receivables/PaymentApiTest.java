package org.tradeflow.receivables;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** Payments over real HTTP, applied to real invoices in PostgreSQL, releasing real processes held for credit. */
class PaymentApiTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Test
    void aPaymentWithoutAllocationsSettlesTheOldestDueInvoiceFirstAndKeepsTheRestAsCredit() {
        String account = fixtures.accountLike("ALPINE-AT");
        long older = fixtures.openingBalance(account, "300.00", TODAY.plusDays(5));
        long newer = fixtures.openingBalance(account, "200.00", TODAY.plusDays(20));

        Api.Response first = pay(payment(account, "350.00", "EUR"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode allocations = first.json().get("allocations");
        assertThat(allocations).hasSize(2);
        assertThat(allocations.get(0).get("invoiceId").asLong()).isEqualTo(older);
        assertThat(allocations.get(0).get("amount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(allocations.get(0).get("invoiceStatus").asText()).isEqualTo("PAID");
        assertThat(allocations.get(1).get("invoiceId").asLong()).isEqualTo(newer);
        assertThat(allocations.get(1).get("amount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(allocations.get(1).get("invoiceStatus").asText()).isEqualTo("PARTIALLY_PAID");
        assertThat(invoice(newer).get("amountDue").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(first.json().get("unapplied").decimalValue()).isZero();

        Api.Response second = pay(payment(account, "400.00", "EUR"));

        assertThat(second.json().get("allocations").get(0).get("amount").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(invoice(newer).get("status").asText()).isEqualTo("PAID");
        assertThat(second.json().get("unapplied").decimalValue()).isEqualByComparingTo("250.00");
        assertThat(api.get("/api/v1/payments/" + second.json().get("id").asLong()).json().get("unapplied").decimalValue())
                .isEqualByComparingTo("250.00");
    }

    @Test
    void unappliedCreditIsRefundedOnceAndNeverMoreThanIsLeft() {
        String account = fixtures.accountLike("ALPINE-AT");
        fixtures.openingBalance(account, "70.00", TODAY.plusDays(5));
        long paymentId = pay(payment(account, "100.00", "EUR")).json().get("id").asLong();
        String refunds = "/api/v1/payments/" + paymentId + "/refunds";

        Api.Response tooMuch = api.postAs("fiona", "demo", refunds, Map.of("amount", 30.01, "reference", "RF-1"));
        Api.Response refunded = api.postAs("fiona", "demo", refunds, Map.of("amount", 30.00, "reference", "RF-1"));
        Api.Response again = api.postAs("fiona", "demo", refunds, Map.of("amount", 0.01, "reference", "RF-1"));
        Api.Response notFinance = api.postAs("oscar", "demo", refunds, Map.of("amount", 1.00, "reference", "RF-2"));

        assertThat(tooMuch.status()).as(tooMuch.body()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("only 30.00 EUR of payment " + paymentId + " is unapplied credit");
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().get("unapplied").decimalValue()).isZero();
        assertThat(refunded.json().get("refunds").get(0).get("reference").asText()).isEqualTo("RF-1");
        assertThat(again.status()).isEqualTo(409);
        assertThat(notFinance.status()).isEqualTo(403);
        JsonNode statement = api.get("/api/v1/accounts/" + account + "/statement").json();
        assertThat(statement.get("closingBalance").decimalValue()).isZero(); // owed 70, paid 100, 30 back
    }

    @Test
    void anInvoiceNotPaidInFullPastItsDueDateIsReportedAndFoundAsOverdue() {
        String account = fixtures.accountLike("ALPINE-AT");
        long late = fixtures.openingBalance(account, "100.00", TODAY.minusDays(1));
        long notYetDue = fixtures.openingBalance(account, "100.00", TODAY.plusDays(1));
        pay(payment(account, "40.00", "EUR")); // part of the late one

        assertThat(invoice(late).get("status").asText()).isEqualTo("OVERDUE");
        assertThat(invoice(notYetDue).get("status").asText()).isEqualTo("OPEN");
        assertThat(api.get("/api/v1/invoices?accountCode=" + account + "&status=OVERDUE").json())
                .extracting(i -> i.get("id").asLong()).containsExactly(late);
        assertThat(api.get("/api/v1/invoices?accountCode=" + account + "&status=OPEN").json())
                .extracting(i -> i.get("id").asLong()).containsExactly(notYetDue);
        assertThat(api.get("/api/v1/invoices?accountCode=" + account + "&status=PARTIALLY_PAID").json()).isEmpty();

        pay(payment(account, "60.00", "EUR"));

        assertThat(invoice(late).get("status").asText()).isEqualTo("PAID");
        assertThat(api.get("/api/v1/invoices?accountCode=" + account + "&status=OVERDUE").json()).isEmpty();
    }

    @Test
    void aPaymentGoesWhereThePayerAllocatedIt() {
        String account = fixtures.accountLike("ALPINE-AT");
        long older = fixtures.openingBalance(account, "300.00", TODAY.plusDays(5));
        long named = fixtures.openingBalance(account, "200.00", TODAY.plusDays(20));
        Map<String, Object> body = payment(account, "260.00", "EUR");
        body.put("allocations", List.of(Map.of("invoiceId", named, "amount", 200.00)));

        Api.Response paid = pay(body);

        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(invoice(named).get("status").asText()).isEqualTo("PAID");
        assertThat(invoice(older).get("status").asText()).isEqualTo("OPEN");
        assertThat(paid.json().get("unapplied").decimalValue()).isEqualByComparingTo("60.00");
    }

    @Test
    void allocationsThatDoNotFitAreRefusedNamingEachAndNothingIsBooked() {
        String account = fixtures.accountLike("ALPINE-AT");
        long invoice = fixtures.openingBalance(account, "100.00", TODAY.plusDays(5));
        long someoneElses = fixtures.openingBalance(fixtures.accountLike("ALPINE-AT"), "100.00", TODAY.plusDays(5));
        Map<String, Object> body = payment(account, "150.00", "EUR");
        body.put("allocations", List.of(Map.of("invoiceId", invoice, "amount", 120.00),
                Map.of("invoiceId", someoneElses, "amount", 20.00), Map.of("invoiceId", invoice, "amount", 20.00)));

        Api.Response refused = pay(body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body()).contains("allocations[0].amount", "120.00 is more than the 100.00 still owed")
                .contains("allocations[1].invoiceId", "not an unpaid invoice of account " + account)
                .contains("allocations[2].invoiceId", "allocated twice");
        assertThat(invoice(invoice).get("amountDue").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(fixtures.count("select count(*) from payment p join customer_account a on a.id = p.account_id where a.code = ?",
                account)).isZero();
    }

    @Test
    void malformedAndUnknownPaymentsAreClearProblems() {
        String account = fixtures.accountLike("ALPINE-AT");

        Api.Response wrongCurrency = pay(payment(account, "10.00", "USD"));
        Api.Response tooPrecise = pay(payment(account, "10.001", "EUR"));
        Api.Response unknownAccount = pay(payment("NO-SUCH-ACCOUNT", "10.00", "EUR"));
        Map<String, Object> negative = payment(account, "-5", "EUR");
        Api.Response negativeAmount = pay(negative);
        Api.Response notJson = api.postRawAs("fiona", "demo", "/api/v1/payments", "application/json", "{\"amount\": ");
        Map<String, Object> noDate = payment(account, "5", "EUR");
        noDate.remove("valueDate");
        Api.Response missingDate = pay(noDate);

        assertThat(wrongCurrency.status()).isEqualTo(422);
        assertThat(wrongCurrency.body()).contains("currency").contains("invoiced in EUR");
        assertThat(tooPrecise.status()).isEqualTo(422);
        assertThat(tooPrecise.body()).contains("amount").contains("more decimals than EUR");
        assertThat(unknownAccount.status()).isEqualTo(422);
        assertThat(unknownAccount.body()).contains("accountCode");
        assertThat(negativeAmount.status()).isEqualTo(422);
        assertThat(negativeAmount.body()).contains("amount");
        assertThat(missingDate.status()).isEqualTo(422);
        assertThat(missingDate.body()).contains("valueDate");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.isProblem()).isTrue();
        assertThat(api.get("/api/v1/payments/987654321").status()).isEqualTo(404);
    }

    @Test
    void onlyFinanceBooksPayments() {
        Api.Response refused = api.postAs("oscar", "demo", "/api/v1/payments", payment(fixtures.accountLike("ALPINE-AT"), "1", "EUR"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("finance");
    }

    @Test
    void anInvoicePaidInFullWithinTheDiscountPeriodTakesTheEarlyPaymentDiscount() {
        String account = fixtures.accountLike("ACME-DE"); // 2/10 net 30
        String sku = fixtures.product(Map.of("WH-DE", 50), "50.00");
        JsonNode order = submitAndRun(anOrder().forAccount(account).line(sku, 4).body());
        dispatch(reload(order).get("shipments").get(0));
        processes.runJobs(order.get("orderNumber").asText());
        JsonNode invoice = api.get("/api/v1/invoices?orderId=" + order.get("id").asLong()).json().get(0);
        BigDecimal gross = invoice.get("grossTotal").decimalValue();
        BigDecimal discount = gross.multiply(new BigDecimal("0.02")).setScale(2, RoundingMode.HALF_UP);
        assertThat(reload(order).get("status").asText()).isEqualTo("INVOICED");

        Api.Response paid = pay(payment(account, gross.subtract(discount).toPlainString(), "EUR"));

        JsonNode allocation = paid.json().get("allocations").get(0);
        assertThat(allocation.get("amount").decimalValue()).isEqualByComparingTo(gross.subtract(discount));
        assertThat(allocation.get("discount").decimalValue()).isEqualByComparingTo(discount);
        assertThat(allocation.get("invoiceStatus").asText()).isEqualTo("PAID");
        assertThat(paid.json().get("unapplied").decimalValue()).isZero();
        assertThat(reload(order).get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void anOrderWhoseInvoicesWerePaidBeforeItWasMarkedInvoicedIsPaidAtOnce() {
        String account = fixtures.accountLike("ALPINE-AT");
        String sku = fixtures.product(Map.of("WH-DE", 50));
        JsonNode order = submitAndRun(anOrder().forAccount(account).line(sku, 3).body());
        JsonNode shipment = reload(order).get("shipments").get(0);
        dispatch(shipment);
        processes.runJobsOf(shipment.get("shipmentNumber").asText()); // invoiced; the order's own process not yet on
        JsonNode invoice = api.get("/api/v1/invoices?orderId=" + order.get("id").asLong()).json().get(0);
        assertThat(reload(order).get("status").asText()).isEqualTo("SHIPPED");

        pay(payment(account, invoice.get("grossTotal").decimalValue().toPlainString(), "EUR"));
        assertThat(reload(order).get("status").asText()).isEqualTo("SHIPPED");
        processes.runJobs(order.get("orderNumber").asText());

        assertThat(reload(order).get("status").asText()).isEqualTo("PAID");
    }

    @Test
    void theSameBankReferenceSentTwiceAtOnceIsBookedOnce() throws Exception {
        String account = fixtures.accountLike("ALPINE-AT");
        long invoice = fixtures.openingBalance(account, "100.00", TODAY.plusDays(5));
        Map<String, Object> body = payment(account, "100.00", "EUR");

        List<Api.Response> answers = concurrently(8, attempt -> pay(body, "KEY-" + UUID.randomUUID()));

        assertThat(answers).extracting(Api.Response::status).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(answers).filteredOn(a -> a.status() == 409).allSatisfy(a ->
                assertThat(a.body()).contains("is booked for account " + account + " already"));
        assertThat(invoice(invoice).get("amountPaid").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(fixtures.count("select count(*) from payment p join customer_account a on a.id = p.account_id where a.code = ?",
                account)).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeySentTwiceAtOnceBooksOnceAndReplays() throws Exception {
        String account = fixtures.accountLike("ALPINE-AT");
        fixtures.openingBalance(account, "100.00", TODAY.plusDays(5));
        Map<String, Object> body = payment(account, "40.00", "EUR");
        String key = "KEY-" + UUID.randomUUID();

        List<Api.Response> answers = concurrently(6, attempt -> pay(body, key));

        assertThat(answers).extracting(Api.Response::status).containsOnly(201, 200).containsOnlyOnce(201);
        assertThat(answers).extracting(a -> a.json().get("id").asLong()).containsOnly(answers.get(0).json().get("id").asLong());
        assertThat(answers).filteredOn(a -> a.status() == 200).allSatisfy(a -> assertThat(a.header("Idempotent-Replayed")).isEqualTo("true"));
    }

    @Test
    void aPaymentThatBringsTheAccountBackWithinItsLimitReleasesItsHeldOrdersInPriorityOrder() {
        // owes 450 of a 500 limit: each ~95 EUR order goes on credit hold
        String account = fixtures.accountLike("ACME-DE", "500");
        long owed = fixtures.openingBalance(account, "450.00", TODAY.plusDays(10));
        String sku = fixtures.product(Map.of("WH-DE", 100), "10.00");
        JsonNode first = submitAndRun(anOrder().forAccount(account).line(sku, 10).body());
        JsonNode second = submitAndRun(anOrder().forAccount(account).line(sku, 10).body());
        assertThat(reload(first).get("status").asText()).isEqualTo("CREDIT_HOLD");
        assertThat(reload(second).get("status").asText()).isEqualTo("CREDIT_HOLD");
        BigDecimal orderValue = reload(first).get("netTotal").decimalValue();

        // leaves 500 - orderValue - 10 owed: room for one order, and the older one goes first
        pay(payment(account, orderValue.subtract(new BigDecimal("40.00")).toPlainString(), "EUR"));
        processes.runJobs(first.get("orderNumber").asText());
        processes.runJobs(second.get("orderNumber").asText());

        assertThat(reload(first).get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(processes.task(first.get("orderNumber").asText(), "UserTaskReleaseCreditHold")).isNull();
        assertThat(reload(first).toString()).contains("CREDIT_RELEASED");
        assertThat(reload(second).get("status").asText()).isEqualTo("CREDIT_HOLD");
        assertThat(processes.task(second.get("orderNumber").asText(), "UserTaskReleaseCreditHold")).isNotNull();

        // the rest of the invoice paid: the second fits too
        pay(payment(account, invoice(owed).get("amountDue").decimalValue().toPlainString(), "EUR"));
        processes.runJobs(second.get("orderNumber").asText());

        assertThat(reload(second).get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(processes.task(second.get("orderNumber").asText(), "UserTaskReleaseCreditHold")).isNull();
    }

    @Test
    void noHeldOrderIsReleasedWhileTheAccountHasOverdueInvoices() {
        String account = fixtures.accountLike("ACME-DE", "500");
        fixtures.openingBalance(account, "300.00", TODAY.minusDays(3)); // overdue
        fixtures.openingBalance(account, "150.00", TODAY.plusDays(10));
        String sku = fixtures.product(Map.of("WH-DE", 100), "10.00");
        JsonNode held = submitAndRun(anOrder().forAccount(account).line(sku, 10).body());
        assertThat(reload(held).get("status").asText()).isEqualTo("CREDIT_HOLD");
        Map<String, Object> body = payment(account, "150.00", "EUR");
        body.put("allocations", List.of(Map.of("invoiceId", fixtures.count(
                "select max(i.id) from invoice i join customer_account a on a.id = i.account_id where a.code = ?", account),
                "amount", 150.00)));

        pay(body);
        processes.runJobs(held.get("orderNumber").asText());

        assertThat(reload(held).get("status").asText()).isEqualTo("CREDIT_HOLD");
        assertThat(processes.task(held.get("orderNumber").asText(), "UserTaskReleaseCreditHold")).isNotNull();
    }

    @Test
    void raisingTheCreditLimitReleasesTheOrdersThatNowFit() {
        String account = fixtures.accountLike("ACME-DE", "50");
        String sku = fixtures.product(Map.of("WH-DE", 100), "10.00");
        JsonNode held = submitAndRun(anOrder().forAccount(account).line(sku, 10).body());
        assertThat(reload(held).get("status").asText()).isEqualTo("CREDIT_HOLD");

        Api.Response raised = api.putAs("fiona", "demo", "/api/v1/accounts/" + account + "/credit-limit",
                "application/json", "{\"creditLimit\": 5000}".getBytes());
        processes.runJobs(held.get("orderNumber").asText());

        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertThat(raised.json().get("creditLimit").decimalValue()).isEqualByComparingTo("5000");
        assertThat(reload(held).get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(api.putAs("oscar", "demo", "/api/v1/accounts/" + account + "/credit-limit", "application/json",
                "{\"creditLimit\": 9000}".getBytes()).status()).isEqualTo(403);
    }

    private Map<String, Object> payment(String account, String amount, String currency) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountCode", account);
        body.put("amount", new BigDecimal(amount));
        body.put("currency", currency);
        body.put("valueDate", TODAY.toString());
        body.put("reference", "BANK-" + UUID.randomUUID());
        return body;
    }

    private Api.Response pay(Map<String, Object> body) {
        return api.postAs("fiona", "demo", "/api/v1/payments", body);
    }

    private Api.Response pay(Map<String, Object> body, String idempotencyKey) {
        return api.postBytesAs("fiona", "demo", "/api/v1/payments", "application/json", api.json(body).getBytes(),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    private JsonNode invoice(long id) {
        return api.get("/api/v1/invoices/" + id).json();
    }

    private interface Attempt {
        Api.Response run(int attempt);
    }

    private static List<Api.Response> concurrently(int parallel, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                int n = i;
                Callable<Api.Response> call = () -> {
                    start.await();
                    return attempt.run(n);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<Api.Response> answers = new ArrayList<>();
            for (Future<Api.Response> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
