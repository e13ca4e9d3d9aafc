package org.tradeflow.receivables;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;
import org.tradeflow.support.PdfDocumentAssertions;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A statement of account checked against a case worked out by hand. */
class StatementTest extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now();

    /**
     * Invoices (each issued 30 days before it is due): A 100.00 due 100 days ago, B 200.00 due 45 days ago, C 300.00
     * due 10 days ago, D 400.00 due in 5 days; 150.00 paid 20 days ago against B. Over the last 60 days: opening
     * balance A + B = 300.00 (issued 130 and 75 days ago); C (40 days ago) 600.00, D (25 days ago) 1,000.00, the
     * payment 850.00. On the last day A is 90+ days past due (100.00), what is left of B 31-60 (50.00), C 1-30
     * (300.00), D not yet due (400.00): 850.00, the closing balance.
     */
    @Test
    void aStatementShowsTheOpeningBalanceEveryMovementTheClosingBalanceAndTheAgeing() {
        String account = fixtures.accountLike("ALPINE-AT");
        fixtures.openingBalance(account, "100.00", TODAY.minusDays(100));
        long b = fixtures.openingBalance(account, "200.00", TODAY.minusDays(45));
        fixtures.openingBalance(account, "300.00", TODAY.minusDays(10));
        fixtures.openingBalance(account, "400.00", TODAY.plusDays(5));
        Api.Response paid = api.postAs("fiona", "demo", "/api/v1/payments", Map.of("accountCode", account, "amount", 150.00,
                "currency", "EUR", "valueDate", TODAY.minusDays(20).toString(), "reference", "WIRE-" + System.nanoTime(),
                "allocations", List.of(Map.of("invoiceId", b, "amount", 150.00))));
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);

        JsonNode statement = api.get("/api/v1/accounts/" + account + "/statement?from=" + TODAY.minusDays(60) + "&to=" + TODAY).json();

        assertThat(statement.get("openingBalance").decimalValue()).isEqualByComparingTo("300.00");
        JsonNode entries = statement.get("entries");
        assertThat(entries).extracting(e -> e.get("kind").asText()).containsExactly("INVOICE", "INVOICE", "PAYMENT");
        assertThat(entries).extracting(e -> e.get("balance").decimalValue()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("600.00"), new BigDecimal("1000.00"), new BigDecimal("850.00"));
        assertThat(entries.get(2).get("credit").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(statement.get("closingBalance").decimalValue()).isEqualByComparingTo("850.00");
        JsonNode ageing = statement.get("ageing");
        assertThat(ageing.get("current").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(ageing.get("days1To30").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(ageing.get("days31To60").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(ageing.get("days61To90").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(ageing.get("over90").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(ageing.get("unappliedCredit").decimalValue()).isEqualByComparingTo("0.00");
    }

    @Test
    void theStatementAsCsvHasOneRowAMovementAndNoCellAFormula() {
        String account = fixtures.accountLike("ALPINE-AT");
        fixtures.openingBalance(account, "80.00", TODAY.plusDays(10));
        String hostileReference = "=HYPERLINK(\"http://evil.example\",\"x\")";
        api.postAs("fiona", "demo", "/api/v1/payments", Map.of("accountCode", account, "amount", 100.00, "currency", "EUR",
                "valueDate", TODAY.toString(), "reference", hostileReference));

        Api.Response csv = api.getWithAccept("/api/v1/accounts/" + account + "/statement?from=" + TODAY.minusDays(40), "text/csv");

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("date,kind,document,description,debit,credit,balance,due_on,currency");
        assertThat(rows).hasSize(5); // header, opening, invoice, payment, closing
        assertThat(rows.get(2)).contains("INVOICE", "80.00", "Opening balance");
        assertThat(rows.get(3)).contains("PAYMENT", "'=HYPERLINK").doesNotContain(",=HYPERLINK");
        assertThat(rows.get(4)).startsWith(TODAY + ",CLOSING_BALANCE").contains("-20.00");
    }

    /** The case worked out by hand above, as the customer receives it: every movement, both balances, the ageing. */
    @Test
    void theStatementAsPdfIsAnArchivableDocumentWithEveryMovementAndTheAgeing() throws IOException {
        String account = fixtures.accountLike("ALPINE-AT");
        fixtures.openingBalance(account, "100.00", TODAY.minusDays(100));
        long b = fixtures.openingBalance(account, "1200.00", TODAY.minusDays(45));
        fixtures.openingBalance(account, "300.00", TODAY.plusDays(5));
        String reference = "W<b>&amp;" + System.nanoTime() % 10_000; // markup is text on paper
        api.postAs("fiona", "demo", "/api/v1/payments", Map.of("accountCode", account, "amount", 150.00, "currency", "EUR",
                "valueDate", TODAY.minusDays(20).toString(), "reference", reference,
                "allocations", List.of(Map.of("invoiceId", b, "amount", 150.00))));

        Api.Document pdf = api.getDocument("/api/v1/accounts/" + account + "/statement?from=" + TODAY.minusDays(60) + "&to=" + TODAY,
                "application/pdf");

        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            PdfDocumentAssertions.assertEmbeddedFontsAndPdfA3b(document);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Statement of account", account, TODAY.minusDays(60) + " to " + TODAY);
            assertThat(text).contains("Opening balance 1,300.00").contains("Invoice ").contains("Payment " + reference)
                    .contains("1,600.00").contains("Closing balance 1,450.00");
            // not due yet 300.00, 31-60 days 1,050.00, over 90 days 100.00, no unapplied credit
            assertThat(text).contains("300.00 0.00 1,050.00 0.00 100.00 0.00");
        }
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrAnUnknownAccountIsAClearProblem() {
        Api.Response backwards = api.get("/api/v1/accounts/ACME-DE/statement?from=2026-12-01&to=2026-11-01");
        Api.Response unknown = api.get("/api/v1/accounts/NOPE/statement");
        Api.Response badDate = api.get("/api/v1/accounts/ACME-DE/statement?from=yesterday");

        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.body()).contains("from");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("accountCode");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("from");
    }
}
