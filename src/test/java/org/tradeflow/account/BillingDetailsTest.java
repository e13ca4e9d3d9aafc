package org.tradeflow.account;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tradeflow.support.OrderRequests.anOrder;

/** Finance keeps who an account's invoices bill and on which terms; invoices issued before keep what they said. */
class BillingDetailsTest extends IntegrationTest {

    @Test
    void newInvoicesCarryTheNewBillingDetailsAndTermsAndIssuedOnesKeepTheirs() {
        String account = fixtures.accountLike("ACME-DE");
        String sku = fixtures.product(Map.of("WH-DE", 50), "10.00");
        JsonNode before = invoiceOf(anOrder().forAccount(account).line(sku, 1).body());

        Api.Response changed = api.requestAs("fiona", "demo", "PUT", "/api/v1/accounts/" + account + "/billing", billing());
        JsonNode after = invoiceOf(anOrder().forAccount(account).line(sku, 1).body());

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(api.get("/api/v1/accounts/" + account).json().get("vatId").asText()).isEqualTo("ATU12345678");
        assertThat(after.get("buyer").get("name").asText()).isEqualTo("Acme Austria GmbH");
        assertThat(after.get("buyer").get("city").asText()).isEqualTo("Wien");
        assertThat(after.get("buyer").get("vatId").asText()).isEqualTo("ATU12345678");
        assertThat(after.get("terms").get("netDays").asInt()).isEqualTo(45);
        assertThat(after.get("terms").get("discountPercent").decimalValue()).isEqualByComparingTo("3");
        assertThat(after.get("terms").get("discountDays").asInt()).isEqualTo(14);
        assertThat(before.get("buyer").get("name").asText()).as("issued before").isNotEqualTo("Acme Austria GmbH");
        assertThat(api.get("/api/v1/invoices/" + before.get("id").asLong()).json().get("buyer"))
                .as("an issued invoice never changes").isEqualTo(before.get("buyer"));
    }

    @Test
    void billingDetailsThatWouldMakeAnInvalidInvoiceAreRefusedFieldByField() {
        String account = fixtures.accountLike("ACME-DE");
        String path = "/api/v1/accounts/" + account + "/billing";

        Api.Response noCountry = api.requestAs("fiona", "demo", "PUT", path, billing("country", "XX"));
        Api.Response foreignVatId = api.requestAs("fiona", "demo", "PUT", path, billing("vatId", "DE811569869"));
        Api.Response greekVatId = api.requestAs("fiona", "demo", "PUT", path, billing("country", "GR", "vatId", "EL094259216"));
        Api.Response discountAfterNet = api.requestAs("fiona", "demo", "PUT", path, billing("earlyPaymentDays", 45));
        Api.Response halfADiscount = api.requestAs("fiona", "demo", "PUT", path, billing("earlyPaymentPercent", null));
        Api.Response scriptInName = api.requestAs("fiona", "demo", "PUT", path, billing("name", "<script>x</script>", "paymentTermsDays", 400));
        Api.Response byOrderDesk = api.requestAs("oscar", "demo", "PUT", path, billing());
        Api.Response unknown = api.requestAs("fiona", "demo", "PUT", "/api/v1/accounts/NO-SUCH/billing", billing());

        assertThat(field(noCountry)).isEqualTo("country");
        assertThat(field(foreignVatId)).isEqualTo("vatId");
        assertThat(greekVatId.status()).as(greekVatId.body()).isEqualTo(200);
        assertThat(field(discountAfterNet)).isEqualTo("earlyPaymentDays");
        assertThat(field(halfADiscount)).isEqualTo("earlyPaymentDays");
        assertThat(field(scriptInName)).as("the name is text, the term too long").isEqualTo("paymentTermsDays");
        assertThat(byOrderDesk.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/accounts/" + account).json().get("country").asText()).as("only the valid change landed")
                .isEqualTo("GR");
    }

    private static String field(Api.Response refused) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        return refused.json().get("errors").get(0).get("field").asText();
    }

    private static Map<String, Object> billing(Object... overrides) {
        Map<String, Object> billing = new HashMap<>(Map.of("name", "Acme Austria GmbH", "street", "Ringstrasse 1",
                "postalCode", "1010", "city", "Wien", "country", "AT", "vatId", "ATU12345678", "paymentTermsDays", 45,
                "earlyPaymentPercent", 3, "earlyPaymentDays", 14));
        for (int i = 0; i < overrides.length; i += 2) {
            billing.put((String) overrides[i], overrides[i + 1]);
        }
        return billing;
    }
}
