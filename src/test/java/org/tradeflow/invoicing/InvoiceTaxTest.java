package org.tradeflow.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.IntegrationTest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** Invoices taxed as decision-tables/tax.xlsx says for where the goods went, on the account's terms. */
class InvoiceTaxTest extends IntegrationTest {

    private static final Map<String, Integer> STOCK_EVERYWHERE = Map.of("WH-DE", 100, "WH-NL", 100, "WH-US", 100);

    @Test
    void aDomesticInvoiceShowsEachLinesTaxAndSumsTheTaxPerRate() {
        String standard = fixtures.product(Map.of("WH-DE", 50), "12.35");
        String alsoStandard = fixtures.product(Map.of("WH-DE", 50), "4.99");
        String reduced = fixtures.product(Map.of("WH-DE", 50), "7.15");
        fixtures.taxCategory(reduced, "REDUCED");

        JsonNode invoice = invoiceOf(anOrder().forAccount("ACME-DE").line(standard, 3).line(alsoStandard, 7).line(reduced, 5).body());

        assertThat(invoice.get("lines")).allSatisfy(line -> assertThat(line.get("taxCategory").asText()).isEqualTo("S"));
        assertThat(rateOf(invoice, reduced)).isEqualByComparingTo("7");
        assertThat(rateOf(invoice, standard)).isEqualByComparingTo("19");
        JsonNode taxes = invoice.get("taxes");
        assertThat(taxes).hasSize(2);
        BigDecimal taxTotal = BigDecimal.ZERO;
        for (JsonNode tax : taxes) {
            BigDecimal rate = tax.get("rate").decimalValue();
            BigDecimal base = BigDecimal.ZERO;
            for (JsonNode line : invoice.get("lines")) {
                if (line.get("taxRate").decimalValue().compareTo(rate) == 0) {
                    base = base.add(line.get("netAmount").decimalValue());
                    assertThat(line.get("taxAmount").decimalValue()).isEqualByComparingTo(
                            line.get("netAmount").decimalValue().multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
                }
            }
            assertThat(tax.get("category").asText()).isEqualTo("S");
            assertThat(tax.get("taxableAmount").decimalValue()).isEqualByComparingTo(base);
            assertThat(tax.get("taxAmount").decimalValue()) // on the summed base, not the sum of the lines' rounded taxes
                    .isEqualByComparingTo(base.multiply(rate).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
            assertThat(tax.get("exemptionReason").isNull()).isTrue();
            taxTotal = taxTotal.add(tax.get("taxAmount").decimalValue());
        }
        assertThat(invoice.get("taxTotal").decimalValue()).isEqualByComparingTo(taxTotal).isPositive();
        assertThat(invoice.get("grossTotal").decimalValue())
                .isEqualByComparingTo(invoice.get("netTotal").decimalValue().add(taxTotal));
        assertThat(invoice.get("amountDue").decimalValue()).isEqualByComparingTo(invoice.get("grossTotal").decimalValue());
        assertThat(invoice.get("buyer").get("vatId").asText()).isEqualTo("DE811128135");
        assertThat(invoice.get("shipTo").get("city").asText()).isEqualTo("Hamburg");
    }

    @Test
    void theAccountsEarlyPaymentDiscountIsPartOfTheTerms() {
        String sku = fixtures.product(Map.of("WH-DE", 50));

        JsonNode invoice = invoiceOf(anOrder().forAccount("ACME-DE").line(sku, 2).body()); // 2/10 net 30

        LocalDate issuedOn = LocalDate.parse(invoice.get("issuedOn").asText());
        JsonNode terms = invoice.get("terms");
        assertThat(terms.get("netDays").asInt()).isEqualTo(30);
        assertThat(terms.get("discountPercent").decimalValue()).isEqualByComparingTo("2");
        assertThat(terms.get("discountDays").asInt()).isEqualTo(10);
        assertThat(LocalDate.parse(terms.get("discountDueOn").asText())).isEqualTo(issuedOn.plusDays(10));
        assertThat(LocalDate.parse(invoice.get("dueOn").asText())).isEqualTo(issuedOn.plusDays(30));
        assertThat(terms.get("description").asText()).isEqualTo("2 % discount if paid by " + issuedOn.plusDays(10)
                + ", otherwise net 30 days: due " + issuedOn.plusDays(30));
    }

    @Test
    void goodsToABusinessWithAVatIdInAnotherMemberStateAreAnIntraCommunitySupply() {
        String sku = fixtures.product(STOCK_EVERYWHERE);

        JsonNode invoice = invoiceOf(anOrder().forAccount("ALPINE-AT").line(sku, 4).body());

        assertUntaxed(invoice, "K", "VATEX-EU-IC");
        assertThat(invoice.get("buyer").get("vatId").asText()).isEqualTo("ATU12345675");
        assertThat(invoice.get("shipTo").get("country").asText()).isEqualTo("AT");
    }

    @Test
    void theShipToAddressNotTheBillingAddressDecidesTheTax() {
        String sku = fixtures.product(STOCK_EVERYWHERE);

        // Acme is billed in Hamburg, but these goods go to its store in Vienna
        JsonNode invoice = invoiceOf(anOrder().forAccount("ACME-DE").line(sku, 4, "STORE-WIEN").body());

        assertUntaxed(invoice, "K", "VATEX-EU-IC");
        assertThat(invoice.get("buyer").get("city").asText()).isEqualTo("Hamburg");
        assertThat(invoice.get("shipTo").get("city").asText()).isEqualTo("Wien");
    }

    @Test
    void goodsLeavingTheEuAreAnExport() {
        String sku = fixtures.product(STOCK_EVERYWHERE);

        JsonNode invoice = invoiceOf(anOrder().forAccount("BRIT-UK").line(sku, 3).body());

        assertUntaxed(invoice, "G", "VATEX-EU-G");
    }

    @Test
    void usDeliveriesPayTheSalesTaxOfTheirRegion() {
        String sku = fixtures.product(STOCK_EVERYWHERE);

        JsonNode invoice = invoiceOf(anOrder().forAccount("HUDSON-US").line(sku, 10).body());

        assertThat(invoice.get("currency").asText()).isEqualTo("USD");
        JsonNode tax = invoice.get("taxes").get(0);
        assertThat(tax.get("rate").decimalValue()).isEqualByComparingTo("8.875");
        assertThat(tax.get("taxAmount").decimalValue()).isEqualByComparingTo(
                invoice.get("netTotal").decimalValue().multiply(new BigDecimal("0.08875")).setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void anOpeningBalanceReadsAsAnUntaxedInvoiceOfTheAccount() {
        JsonNode found = api.get("/api/v1/invoices?accountCode=PACIFIC-US").json();
        JsonNode openingBalance = null;
        for (JsonNode invoice : found) {
            if (invoice.get("invoiceNumber").asText().equals("OB-2024-0042")) {
                openingBalance = api.get("/api/v1/invoices/" + invoice.get("id").asLong()).json();
            }
        }

        assertThat(openingBalance).isNotNull();
        assertThat(openingBalance.get("grossTotal").decimalValue()).isEqualByComparingTo(openingBalance.get("netTotal").decimalValue());
        assertThat(openingBalance.get("taxes")).isEmpty();
        assertThat(openingBalance.get("buyer").get("name").asText()).isEqualTo("Pacific Party Co");
    }

    private void assertUntaxed(JsonNode invoice, String category, String exemptionReasonCode) {
        assertThat(invoice.get("lines")).allSatisfy(line -> {
            assertThat(line.get("taxCategory").asText()).isEqualTo(category);
            assertThat(line.get("taxRate").decimalValue()).isZero();
        });
        assertThat(invoice.get("taxes")).hasSize(1);
        JsonNode tax = invoice.get("taxes").get(0);
        assertThat(tax.get("category").asText()).isEqualTo(category);
        assertThat(tax.get("taxAmount").decimalValue()).isZero();
        assertThat(tax.get("exemptionReasonCode").asText()).isEqualTo(exemptionReasonCode);
        assertThat(tax.get("exemptionReason").asText()).isNotBlank();
        assertThat(invoice.get("grossTotal").decimalValue()).isEqualByComparingTo(invoice.get("netTotal").decimalValue());
    }

    private static BigDecimal rateOf(JsonNode invoice, String sku) {
        for (JsonNode line : invoice.get("lines")) {
            if (line.get("sku").asText().equals(sku)) {
                return line.get("taxRate").decimalValue();
            }
        }
        throw new AssertionError("no line for " + sku);
    }
}
