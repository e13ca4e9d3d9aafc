package org.tradeflow.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;
import org.tradeflow.support.OrderRequests;
import org.tradeflow.support.PdfDocumentAssertions;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/**
 * GET /api/v1/invoices/{id} as documents: the PDF/A-3b a person reads and archives, and the UBL invoice that
 * Peppol and EN 16931 accept, checked with the official validation artefacts, for each way an invoice is taxed.
 */
class InvoiceDocumentsTest extends IntegrationTest {

    private static final Map<String, Integer> STOCK_EVERYWHERE = Map.of("WH-DE", 100, "WH-NL", 100, "WH-US", 100);

    @Autowired
    SellerProperties seller;

    @Test
    void theInvoicePdfShowsWhatTheInvoiceSays() throws IOException {
        String lamp = fixtures.product(Map.of("WH-DE", 50), "12.50");
        String vase = fixtures.product(Map.of("WH-DE", 50), "4.99");
        JsonNode invoice = invoiceOf(anOrder().forAccount("ACME-DE").line(lamp, 4).line(vase, 7).body());

        Api.Document pdf = api.getDocument("/api/v1/invoices/" + invoice.get("id").asLong(), "application/pdf");

        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).isEqualTo("inline; filename=\"" + invoice.get("invoiceNumber").asText() + ".pdf\"");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = text(document);
            JsonNode buyer = invoice.get("buyer");
            assertThat(text).contains(invoice.get("invoiceNumber").asText(), seller.name(), seller.vatId(), seller.iban(),
                    seller.bic(), buyer.get("name").asText(), buyer.get("street").asText(), buyer.get("vatId").asText(),
                    invoice.get("orderNumber").asText(), invoice.get("customerPoNumber").asText(),
                    invoice.get("shipmentNumber").asText(), "Invoice date " + invoice.get("issuedOn").asText(),
                    "Due date " + invoice.get("dueOn").asText(), "Delivery date " + invoice.get("deliveredOn").asText(),
                    invoice.get("terms").get("description").asText());
            for (JsonNode line : invoice.get("lines")) {
                assertThat(text).contains(line.get("sku").asText() + " " + line.get("name").asText() + " "
                        + line.get("quantity").asInt() + " " + money(line.get("unitPrice")) + " " + money(line.get("netAmount"))
                        + " S 19 %");
            }
            JsonNode tax = invoice.get("taxes").get(0);
            assertThat(text).contains("S Standard rate 19 % " + money(tax.get("taxableAmount")) + " " + money(tax.get("taxAmount")),
                    "Net total " + money(invoice.get("netTotal")) + " EUR", "VAT " + money(invoice.get("taxTotal")) + " EUR",
                    "Gross total " + money(invoice.get("grossTotal")) + " EUR",
                    "Amount due " + money(invoice.get("amountDue")) + " EUR");
            PdfDocumentAssertions.assertEmbeddedFontsAndPdfA3b(document);
        }
    }

    @Test
    void aDomesticInvoiceIsAValidPeppolInvoice() throws Exception {
        String sku = fixtures.product(Map.of("WH-DE", 50), "12.35");
        JsonNode invoice = invoiceOf(anOrder().forAccount("ACME-DE").line(sku, 3).body());

        Ubl ubl = ubl(invoice);

        assertConforms(ubl);
        assertThat(ubl.text("/Invoice/CustomizationID")).isEqualTo(UblInvoice.CUSTOMIZATION);
        assertThat(ubl.text("/Invoice/ProfileID")).isEqualTo(UblInvoice.PROFILE);
        assertThat(ubl.text("/Invoice/ID")).isEqualTo(invoice.get("invoiceNumber").asText());
        assertThat(ubl.text("/Invoice/OrderReference/ID")).isEqualTo(invoice.get("customerPoNumber").asText());
        assertThat(ubl.text("/Invoice/OrderReference/SalesOrderID")).isEqualTo(invoice.get("orderNumber").asText());
        assertThat(ubl.text("/Invoice/DespatchDocumentReference/ID")).isEqualTo(invoice.get("shipmentNumber").asText());
        assertThat(ubl.text("/Invoice/AccountingSupplierParty/Party/EndpointID/@schemeID")).isEqualTo("9930");
        assertThat(ubl.text("/Invoice/AccountingCustomerParty/Party/EndpointID")).isEqualTo("DE811128135");
        assertThat(ubl.text("/Invoice/TaxTotal/TaxSubtotal/TaxCategory/ID")).isEqualTo("S");
        assertThat(ubl.text("/Invoice/TaxTotal/TaxSubtotal/TaxCategory/Percent")).isEqualTo("19");
        assertThat(ubl.text("/Invoice/PaymentMeans/PaymentMeansCode")).isEqualTo("58");
        assertThat(ubl.text("/Invoice/PaymentMeans/PaymentID")).isEqualTo(invoice.get("invoiceNumber").asText());
        assertThat(ubl.text("/Invoice/PaymentMeans/PayeeFinancialAccount/ID")).isEqualTo(seller.iban());
        assertThat(ubl.text("/Invoice/PaymentTerms/Note")).isEqualTo(invoice.get("terms").get("description").asText());
        assertThat(ubl.text("/Invoice/LegalMonetaryTotal/PayableAmount")).isEqualTo(cents(invoice.get("amountDue")));
        assertThat(ubl.text("/Invoice/LegalMonetaryTotal/PayableAmount/@currencyID")).isEqualTo("EUR");
        assertThat(ubl.text("/Invoice/LegalMonetaryTotal/TaxInclusiveAmount")).isEqualTo(cents(invoice.get("grossTotal")));
        assertThat(ubl.text("/Invoice/InvoiceLine/Item/SellersItemIdentification/ID")).isEqualTo(sku);
    }

    @Test
    void anInvoiceWithStandardAndReducedRatesHasATaxSubtotalForEachRate() throws Exception {
        String standard = fixtures.product(Map.of("WH-DE", 50), "19.99");
        String reduced = fixtures.product(Map.of("WH-DE", 50), "7.15");
        fixtures.taxCategory(reduced, "REDUCED");
        JsonNode invoice = invoiceOf(anOrder().forAccount("ACME-DE").line(standard, 3).line(reduced, 5).body());

        Ubl ubl = ubl(invoice);

        assertConforms(ubl);
        assertThat(ubl.texts("/Invoice/TaxTotal/TaxSubtotal/TaxCategory/Percent")).containsExactlyInAnyOrder("19", "7");
        for (JsonNode tax : invoice.get("taxes")) {
            String subtotal = "/Invoice/TaxTotal/TaxSubtotal[TaxCategory/Percent='" + rate(tax.get("rate")) + "']";
            assertThat(ubl.text(subtotal + "/TaxableAmount")).isEqualTo(cents(tax.get("taxableAmount")));
            assertThat(ubl.text(subtotal + "/TaxAmount")).isEqualTo(cents(tax.get("taxAmount")));
        }
        try (PDDocument pdf = Loader.loadPDF(pdf(invoice))) {
            String text = text(pdf);
            for (JsonNode tax : invoice.get("taxes")) {
                assertThat(text).contains("S Standard rate " + rate(tax.get("rate")) + " % "
                        + money(tax.get("taxableAmount")) + " " + money(tax.get("taxAmount")));
            }
        }
    }

    @Test
    void anIntraCommunitySupplyNamesTheExemptionTheDeliveryAndBothVatIds() throws Exception {
        String sku = fixtures.product(STOCK_EVERYWHERE);
        JsonNode invoice = invoiceOf(anOrder().forAccount("ALPINE-AT").line(sku, 4).body());

        Ubl ubl = ubl(invoice);

        assertConforms(ubl);
        String subtotal = "/Invoice/TaxTotal/TaxSubtotal/TaxCategory";
        assertThat(ubl.text(subtotal + "/ID")).isEqualTo("K");
        assertThat(ubl.text(subtotal + "/Percent")).isEqualTo("0");
        assertThat(ubl.text(subtotal + "/TaxExemptionReasonCode")).isEqualTo("VATEX-EU-IC");
        assertThat(ubl.text(subtotal + "/TaxExemptionReason")).isNotBlank();
        assertThat(ubl.text("/Invoice/Delivery/ActualDeliveryDate")).isEqualTo(invoice.get("deliveredOn").asText());
        assertThat(ubl.text("/Invoice/Delivery/DeliveryLocation/Address/Country/IdentificationCode")).isEqualTo("AT");
        assertThat(ubl.text("/Invoice/AccountingCustomerParty/Party/PartyTaxScheme/CompanyID")).isEqualTo("ATU12345675");
        assertThat(ubl.text("/Invoice/AccountingCustomerParty/Party/EndpointID/@schemeID")).isEqualTo("9914");
        assertThat(ubl.text("/Invoice/TaxTotal/TaxAmount")).isEqualTo("0.00");
        try (PDDocument pdf = Loader.loadPDF(pdf(invoice))) {
            String text = text(pdf);
            assertThat(text).contains("K Intra-community supply 0 % " + money(invoice.get("netTotal")) + " 0.00 Intra-community",
                    "(VATEX-EU-IC)", "K 0 %");
        }
    }

    @Test
    void anExportIsTaxedAsLeavingTheEu() throws Exception {
        String sku = fixtures.product(STOCK_EVERYWHERE);
        JsonNode invoice = invoiceOf(anOrder().forAccount("BRIT-UK").line(sku, 3).body());

        Ubl ubl = ubl(invoice);

        assertConforms(ubl);
        assertThat(ubl.text("/Invoice/TaxTotal/TaxSubtotal/TaxCategory/ID")).isEqualTo("G");
        assertThat(ubl.text("/Invoice/TaxTotal/TaxSubtotal/TaxCategory/TaxExemptionReasonCode")).isEqualTo("VATEX-EU-G");
        assertThat(ubl.text("/Invoice/AccountingCustomerParty/Party/PostalAddress/Country/IdentificationCode")).isEqualTo("GB");
        assertThat(ubl.text("/Invoice/DocumentCurrencyCode")).isEqualTo(invoice.get("currency").asText());
    }

    /** US sales tax in category S is valid EN 16931; without a VAT id the buyer has no Peppol address (R010). */
    @Test
    void aBuyerWithoutAVatIdGetsAnEn16931InvoiceThatPeppolCannotAddress() throws Exception {
        String sku = fixtures.product(STOCK_EVERYWHERE);
        JsonNode invoice = invoiceOf(anOrder().forAccount("HUDSON-US").line(sku, 10).body());

        Ubl ubl = ubl(invoice);

        assertThat(EInvoiceRules.errors(ubl.xml, EInvoiceRules.EN16931)).as(ubl.toString()).isEmpty();
        assertThat(EInvoiceRules.errors(ubl.xml, EInvoiceRules.PEPPOL)).as(ubl.toString())
                .singleElement().asString().contains("[PEPPOL-EN16931-R010]");
        assertThat(ubl.text("/Invoice/TaxTotal/TaxSubtotal/TaxCategory/Percent")).isEqualTo("8.875");
        assertThat(ubl.text("/Invoice/DocumentCurrencyCode")).isEqualTo("USD");
    }

    @Test
    void aTwoThousandLineInvoiceRunsOverPagesEachWithTheTableHeader() throws IOException {
        List<String> skus = fixtures.products(2_000, Map.of("WH-DE", 5), "2.50");
        String account = fixtures.accountLike("ACME-DE", "100000000");
        OrderRequests order = anOrder().forAccount(account);
        skus.forEach(sku -> order.line(sku, 1));
        JsonNode invoice = invoiceOf(order.body());
        assertThat(invoice.get("lines")).hasSize(2_000);

        try (PDDocument pdf = Loader.loadPDF(pdf(invoice))) {
            String text = text(pdf);
            assertThat(pdf.getNumberOfPages()).isGreaterThan(20);
            List<String> missing = skus.stream().filter(sku -> !text.contains(sku + " ")).toList();
            assertThat(missing.size()).as("SKUs on no page, such as %s; the text begins:%n%s",
                    missing.stream().limit(5).toList(), text.substring(0, 3000)).isZero();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                String onPage = text(pdf, page);
                if (skus.stream().anyMatch(onPage::contains)) {
                    assertThat(onPage).as("page %d", page).contains("Line SKU Description Qty Unit price Net amount VAT");
                }
            }
            assertThat(text).contains("Page " + pdf.getNumberOfPages() + " of " + pdf.getNumberOfPages(),
                    "Amount due " + money(invoice.get("amountDue")) + " EUR");
            PdfDocumentAssertions.assertEmbeddedFontsAndPdfA3b(pdf);
        }
    }

    @Test
    void anUnknownInvoiceIsAProblemInWhateverFormatItWasAskedFor() {
        for (String accept : List.of("application/pdf", "application/xml")) {
            Api.Document unknown = api.getDocument("/api/v1/invoices/987654321", accept);

            assertThat(unknown.status()).as(accept + ": " + unknown.text()).isEqualTo(404);
            assertThat(unknown.isProblem()).as(unknown.contentType()).isTrue();
            assertThat(unknown.text()).contains("No invoice with id 987654321");
        }
    }

    @Test
    void aFormatTheInvoiceIsNotWrittenInIsNotAcceptableAndAcceptingAnythingGetsJson() {
        String sku = fixtures.product(Map.of("WH-DE", 50));
        JsonNode invoice = invoiceOf(anOrder().forAccount("ACME-DE").line(sku, 1).body());

        Api.Document png = api.getDocument("/api/v1/invoices/" + invoice.get("id").asLong(), "image/png");

        assertThat(png.status()).as(png.text()).isEqualTo(406);
        assertThat(png.isProblem()).isTrue();
        assertThat(png.text()).contains("application/json", "application/pdf", "application/xml");
        for (String anything : List.of("*/*", "application/*")) {
            assertThat(api.getDocument("/api/v1/invoices/" + invoice.get("id").asLong(), anything).contentType())
                    .as(anything).startsWith("application/json");
        }
        assertThat(api.get("/api/v1/invoices/" + invoice.get("id").asLong()).contentType()).startsWith("application/json");
    }

    // --- fixtures and readers -------------------------------------------------------------------------------


    private byte[] pdf(JsonNode invoice) {
        Api.Document pdf = api.getDocument("/api/v1/invoices/" + invoice.get("id").asLong(), "application/pdf");
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        return pdf.body();
    }

    private Ubl ubl(JsonNode invoice) throws Exception {
        Api.Document xml = api.getDocument("/api/v1/invoices/" + invoice.get("id").asLong(), "application/xml");
        assertThat(xml.status()).as(xml.text()).isEqualTo(200);
        assertThat(xml.contentType()).isEqualTo("application/xml");
        return new Ubl(xml.body());
    }

    private static void assertConforms(Ubl ubl) {
        for (var rules : List.of(EInvoiceRules.EN16931, EInvoiceRules.PEPPOL)) {
            assertThat(EInvoiceRules.errors(ubl.xml, rules)).as(rules.getAsSingleID() + " on\n" + ubl).isEmpty();
        }
    }

    private static String text(PDDocument pdf) throws IOException {
        return text(pdf, 1, pdf.getNumberOfPages());
    }

    private static String text(PDDocument pdf, int page) throws IOException {
        return text(pdf, page, page);
    }

    /** The text as a reader sees it, line by line, with single spaces. */
    private static String text(PDDocument pdf, int fromPage, int toPage) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        stripper.setStartPage(fromPage);
        stripper.setEndPage(toPage);
        return stripper.getText(pdf).replaceAll("[ \\t]+", " ");
    }

    /** An amount as the PDF prints it: grouped by thousands, with two decimals or the more it really has. */
    private static String money(JsonNode amount) {
        BigDecimal value = new BigDecimal(amount.asText());
        return String.format(Locale.ENGLISH, "%,." + Math.max(2, value.stripTrailingZeros().scale()) + "f", value);
    }

    /** An amount as UBL writes it: exactly two decimals (BR-DEC). */
    private static String cents(JsonNode amount) {
        return amount.decimalValue().setScale(2).toPlainString();
    }

    /** A rate as the documents write it: 19, 7, 8.875 (the JSON writes it with the currency's decimals). */
    private static String rate(JsonNode rate) {
        return new BigDecimal(rate.asText()).stripTrailingZeros().toPlainString();
    }

    /** The UBL document, read with XPath over local names (the cac and cbc namespaces add nothing to these paths). */
    private static final class Ubl {

        private final byte[] xml;
        private final Document document;
        private final XPath xpath = XPathFactory.newInstance().newXPath();

        Ubl(byte[] xml) throws Exception {
            this.xml = xml;
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            this.document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        }

        String text(String path) throws Exception {
            return ((String) xpath.evaluate(localNames(path), document, XPathConstants.STRING)).trim();
        }

        List<String> texts(String path) throws Exception {
            org.w3c.dom.NodeList nodes = (org.w3c.dom.NodeList) xpath.evaluate(localNames(path), document, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent().trim());
            }
            return texts;
        }

        /** Each step of the path matched by its local name. */
        private static String localNames(String path) {
            return path.replaceAll("(?<=/|\\[)([A-Z][A-Za-z]*)", "*[local-name()='$1']");
        }

        @Override
        public String toString() {
            return new String(xml, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
