package org.tradeflow.banking;

import org.junit.jupiter.api.Test;
import org.tradeflow.banking.PaymentMatching.Matched;
import org.tradeflow.banking.PaymentMatching.NeedsMatching;
import org.tradeflow.banking.PaymentMatching.OpenInvoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which account and invoices a credit pays, and when a person has to say. */
class PaymentMatchingTest {

    private final OpenInvoice acme1 = invoice("INV-2026-000001", "ACME-DE", "Acme Industrial GmbH", "1190.00", "1190.00");
    private final OpenInvoice acme3 = invoice("INV-2026-000003", "ACME-DE", "Acme Industrial GmbH", "238.00", "233.24");
    private final OpenInvoice pacific = invoice("INV-2026-000002", "PACIFIC", "Pacific Traders Ltd", "595.00", "595.00");
    private final OpenInvoice northwind = invoice("INV-2026-000004", "NORTHWIND", "Northwind Retail", "238.00", "238.00");
    private final List<OpenInvoice> unpaid = List.of(acme1, pacific, acme3, northwind);

    @Test
    void invoiceNumbersInTheRemittanceNameTheAccount() {
        var credit = credit("1428.00", "Acme Industrial GmbH", "INV-2026-000001 INV-2026-000003");
        assertThat(match(credit)).isEqualTo(new Matched("ACME-DE", List.of("INV-2026-000001", "INV-2026-000003"),
                "invoice numbers in the remittance"));
    }

    @Test
    void invoicesOfTwoAccountsNeedAPerson() {
        assertThat(match(credit("1785.00", null, "INV-2026-000001 and INV-2026-000002"))).isInstanceOf(NeedsMatching.class);
    }

    @Test
    void anUnknownInvoiceNumberNeedsAPerson() {
        assertThat(match(credit("10.00", null, "INV-2026-009999"))).isEqualTo(
                new NeedsMatching("the remittance names INV-2026-009999, which is no open invoice"));
    }

    @Test
    void theOneOpenInvoiceOfThatAmountIsPaid() {
        assertThat(match(credit("595.00", null, "December"))).isEqualTo(
                new Matched("PACIFIC", List.of("INV-2026-000002"), "the amount of INV-2026-000002"));
    }

    @Test
    void theAmountLessTheEarlyPaymentDiscountMatchesToo() {
        assertThat(match(credit("233.24", null, "thanks"))).isInstanceOfSatisfying(Matched.class,
                matched -> assertThat(matched.invoiceNumbers()).containsExactly("INV-2026-000003"));
    }

    @Test
    void twoInvoicesOfThatAmountAreToldApartByThePayersName() {
        assertThat(match(credit("238.00", "NORTHWIND RETAIL", "December delivery"))).isInstanceOfSatisfying(Matched.class,
                matched -> assertThat(matched.accountCode()).isEqualTo("NORTHWIND"));
        assertThat(match(credit("238.00", "Someone Else", "December delivery"))).isInstanceOf(NeedsMatching.class);
    }

    @Test
    void anAmountNoInvoiceHasNeedsAPerson() {
        assertThat(match(credit("77.77", "Unknown Payer SARL", "see our letter"))).isEqualTo(new NeedsMatching(
                "no invoice number in the remittance and no open invoice of 77.77 EUR"));
    }

    private PaymentMatching.Outcome match(CamtStatement.Entry credit) {
        List<String> numbers = InvoiceReferences.in(credit.remittance());
        return PaymentMatching.match(credit, numbers, PaymentMatching.byNumber(unpaid), unpaid);
    }

    private static CamtStatement.Entry credit(String amount, String debtor, String remittance) {
        return new CamtStatement.Entry(1, true, "BOOK", new BigDecimal(amount), "EUR", LocalDate.of(2026, 12, 2),
                LocalDate.of(2026, 12, 2), "REF-1", null, List.of(remittance), debtor, null);
    }

    private static OpenInvoice invoice(String number, String account, String name, String due, String toSettle) {
        return new OpenInvoice(number, account, name, "EUR", new BigDecimal(due), new BigDecimal(toSettle));
    }
}
