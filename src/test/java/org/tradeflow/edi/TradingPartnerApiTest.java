package org.tradeflow.edi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The EDI desk sets up a trading partner over real HTTP: identity, items and ship-to locations; the partner's 850 then
 * becomes an order going to the mapped address. Every field is hostile: each refusal names its field path.
 */
class TradingPartnerApiTest extends IntegrationTest {

    private static final String PARTNERS = "/api/v1/edi/partners";

    @Test
    void aNewPartnerIsSetUpAndItsPurchaseOrderGoesToTheMappedAddress() {
        String code = "P" + suffix();
        String isaId = "ID" + suffix();
        Api.Response created = api.requestAs("edi", "demo", "POST", PARTNERS, partner(code, isaId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith(PARTNERS + "/" + code);
        assertThat(created.json().get("acknowledgement").asText()).as("997 unless told").isEqualTo("997");
        assertThat(created.json().get("active").asBoolean()).isTrue();

        Api.Response items = api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code + "/items", List.of(
                Map.of("buyerPartNumber", "MP 100/A", "unitOfMeasure", "CA", "sku", "85123A", "packFactor", 6),
                Map.of("buyerPartNumber", "MP-200", "unitOfMeasure", "EA", "sku", "22423", "packFactor", 1)));
        assertThat(items.status()).as(items.body()).isEqualTo(200);
        Api.Response locations = api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code + "/locations", List.of(
                Map.of("qualifier", "UL", "locationId", "0614141999996", "addressCode", "STORE-BOSTON"),
                Map.of("qualifier", "92", "locationId", "PHL", "addressCode", "STORE-PHILLY")));
        assertThat(locations.status()).as(locations.body()).isEqualTo(200);

        JsonNode read = api.getAs("oscar", "demo", PARTNERS + "/" + code).json();
        assertThat(read.get("accountCode").asText()).isEqualTo("HUDSON-US");
        assertThat(read.get("isaId").asText()).isEqualTo(isaId);
        assertThat(read.get("items").findValuesAsText("buyerPartNumber")).containsExactly("MP 100/A", "MP-200");
        assertThat(read.get("items").get(0).get("packFactor").decimalValue()).isEqualByComparingTo("6");
        assertThat(read.get("locations").findValuesAsText("addressCode")).containsExactlyInAnyOrder("STORE-BOSTON", "STORE-PHILLY");
        assertThat(api.getAs("oscar", "demo", PARTNERS).json().findValuesAsText("code")).contains(code, "HUDSON", "LONESTAR");

        // its 850: the header ship-to for both lines, the second line's own N1*ST for that line
        String po = "PO-" + suffix();
        String x12 = interchange(isaId, String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999)),
                "ST*850*0001", "BEG*00*SA*" + po + "**20261202", "N1*ST*MAPLE BOSTON*UL*0614141999996",
                "PO1*1*2*CA*17.70*PE*BP*MP 100/A", "PO1*2*3*EA*14.90*PE*BP*MP-200", "N1*ST*MAPLE PHILADELPHIA*92*PHL", "CTT*2",
                "SE*8*0001");
        Api.Response received = api.postRawAs("edi", "demo", "/api/v1/edi/interchanges", "application/edi-x12", x12);
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        assertThat(received.json().get("status").asText()).as(received.body()).isEqualTo("ACCEPTED");
        JsonNode order = api.get("/api/v1/orders/" + received.json().get("transactions").get(0).get("orderId").asLong()).json();
        assertThat(order.get("lines").findValuesAsText("shipTo")).containsExactly("STORE-BOSTON", "STORE-PHILLY");
        assertThat(order.get("lines").findValuesAsText("quantity")).containsExactly("12", "3");

        // switched off, its interchanges are rejected
        Map<String, Object> settings = new HashMap<>(partner(code, isaId));
        settings.remove("code");
        settings.put("active", false);
        settings.put("acknowledgement", "999");
        Api.Response off = api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code, settings);
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().get("active").asBoolean()).isFalse();
        assertThat(off.json().get("acknowledgement").asText()).isEqualTo("999");
        assertThat(off.json().get("items")).hasSize(2);
        JsonNode refused = api.postRawAs("edi", "demo", "/api/v1/edi/interchanges", "application/edi-x12",
                interchange(isaId, String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999)), "ST*850*0001",
                        "BEG*00*SA*PO-" + suffix() + "**20261202", "PO1*1*2*CA*17.70*PE*BP*MP 100/A", "CTT*1", "SE*5*0001")).json();
        assertThat(refused.get("status").asText()).isEqualTo("REJECTED");
        assertThat(refused.get("reasons").get(0).asText()).contains("trading partner " + code + " is not active");
    }

    @Test
    void hostileInputIsRefusedNamingTheFieldAndDuplicatesAreConflicts() {
        String code = "H" + suffix();
        String isaId = "HX" + suffix();
        assertThat(api.requestAs("edi", "demo", "POST", PARTNERS, partner(code, isaId)).status()).isEqualTo(201);

        Map<String, Object> bad = new HashMap<>(partner("lower case", "SIXTEEN-CHARS-ID"));
        bad.put("accountCode", "NO-SUCH-ACCOUNT");
        bad.put("isaQualifier", "Z");
        bad.put("ourIsaId", "TRADE*FLOW");
        bad.put("gsId", "X");
        bad.put("ourGsId", "TRADEFLOW~");
        bad.put("version", "003010");
        bad.put("acknowledgement", "TA1");
        Api.Response invalid = api.requestAs("edi", "demo", "POST", PARTNERS, bad);
        assertProblem(invalid, 422, "ISA06");
        assertThat(invalid.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("code", "accountCode",
                "isaQualifier", "isaId", "ourIsaId", "gsId", "ourGsId", "version", "acknowledgement");
        Map<String, Object> padded = new HashMap<>(partner("H" + suffix(), "PADDED "));
        assertThat(fields(api.requestAs("edi", "demo", "POST", PARTNERS, padded))).containsExactlyInAnyOrder("isaId", "gsId");
        assertThat(api.requestAs("edi", "demo", "POST", PARTNERS, "[1,2]").status()).isEqualTo(400);

        // a code or an ISA sender taken
        assertProblem(api.requestAs("edi", "demo", "POST", PARTNERS, partner(code, "OTHER" + suffix())), 409, code + " exists");
        assertProblem(api.requestAs("edi", "demo", "POST", PARTNERS, partner("N" + suffix(), "HUDSONHOME")), 409,
                "ISA sender ZZ/HUDSONHOME is trading partner HUDSON's");
        Map<String, Object> steal = new HashMap<>(partner(code, "HUDSONHOME"));
        steal.remove("code");
        assertProblem(api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code, steal), 409, "HUDSON's");

        // items: the fourth's SKU is no product, the others each break a rule
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("buyerPartNumber", "A*B", "unitOfMeasure", "CA", "sku", "85123A", "packFactor", 6));
        items.add(Map.of("buyerPartNumber", "OK-1", "unitOfMeasure", "BX", "sku", "85123A", "packFactor", 6));
        items.add(Map.of("buyerPartNumber", "OK-2", "unitOfMeasure", "EA", "sku", "85123A", "packFactor", 10001));
        items.add(Map.of("buyerPartNumber", "OK-3", "unitOfMeasure", "EA", "sku", "NO-SUCH-SKU", "packFactor", 1));
        items.add(Map.of("buyerPartNumber", "X".repeat(49), "unitOfMeasure", "EA", "sku", "85123A", "packFactor", 0));
        Api.Response badItems = api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code + "/items", items);
        assertProblem(badItems, 422, "no product 'NO-SUCH-SKU'");
        assertThat(fields(badItems)).containsExactlyInAnyOrder("items[0].buyerPartNumber", "items[1].unitOfMeasure",
                "items[2].packFactor", "items[3].sku", "items[4].buyerPartNumber", "items[4].packFactor");
        assertProblem(api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code + "/items", List.of(
                Map.of("buyerPartNumber", "D-1", "unitOfMeasure", "EA", "sku", "85123A", "packFactor", 1),
                Map.of("buyerPartNumber", "D-1", "unitOfMeasure", "CA", "sku", "85123A", "packFactor", 6),
                Map.of("buyerPartNumber", "D-1", "unitOfMeasure", "EA", "sku", "22423", "packFactor", 1))), 409, "items[2]");
        assertThat(api.getAs("edi", "demo", PARTNERS + "/" + code).json().get("items")).as("nothing replaced").isEmpty();
        assertThat(api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code + "/items",
                "[{\"buyerPartNumber\": \"A\", \"unitOfMeasure\": \"EA\", \"sku\": \"85123A\", \"packFactor\": \"many\"}]").status())
                .isEqualTo(400);

        // locations: an address of another account, a qualifier too long, an id with a delimiter
        Api.Response badLocations = api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code + "/locations", List.of(
                Map.of("qualifier", "92", "locationId", "LEEDS", "addressCode", "DEPOT-LEEDS"),
                Map.of("qualifier", "ULX", "locationId", "0614141000012", "addressCode", "STORE-BOSTON"),
                Map.of("qualifier", "92", "locationId", "NWK~01", "addressCode", "DEPOT-NEWARK")));
        assertProblem(badLocations, 422, "account HUDSON-US has no delivery address 'DEPOT-LEEDS'");
        assertThat(fields(badLocations)).containsExactlyInAnyOrder("locations[0].addressCode", "locations[1].qualifier",
                "locations[2].locationId");
        assertProblem(api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code + "/locations", List.of(
                Map.of("qualifier", "92", "locationId", "NWK01", "addressCode", "DEPOT-NEWARK"),
                Map.of("qualifier", "92", "locationId", "NWK01", "addressCode", "STORE-BOSTON"))), 409, "locations[1]");
        // the account cannot change under locations the other account has no address for
        assertThat(api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code + "/locations", List.of(
                Map.of("qualifier", "92", "locationId", "NWK01", "addressCode", "DEPOT-NEWARK"))).status()).isEqualTo(200);
        Map<String, Object> moved = new HashMap<>(partner(code, isaId));
        moved.remove("code");
        moved.put("accountCode", "LONESTAR-US");
        assertProblem(api.requestAs("edi", "demo", "PUT", PARTNERS + "/" + code, moved), 422, "DEPOT-NEWARK");

        assertProblem(api.getAs("edi", "demo", PARTNERS + "/NO-SUCH-PARTNER"), 404, "No trading partner NO-SUCH-PARTNER");
        assertProblem(api.requestAs("edi", "demo", "PUT", PARTNERS + "/NO-SUCH-PARTNER/items", List.of()), 404, "No trading partner");
    }

    @Test
    void theEdiRoleSetsUpPartnersAndTheOrderDeskReadsThem() {
        assertThat(api.getAs("oscar", "demo", PARTNERS + "/HUDSON").status()).isEqualTo(200);
        assertProblem(api.getAs("fiona", "demo", PARTNERS), 403, "edi");
        assertProblem(api.requestAs("oscar", "demo", "PUT", PARTNERS + "/HUDSON/locations", List.of()), 403, "edi");
        assertProblem(api.requestAs("oscar", "demo", "POST", PARTNERS, partner("O" + suffix(), "O" + suffix())), 403, "edi");
        assertProblem(api.requestAs("wendy", "demo", "PUT", PARTNERS + "/HUDSON", Map.of()), 403, "edi");
        assertThat(api.getAs("oscar", "demo", PARTNERS + "/HUDSON").json().get("locations")).as("untouched").isNotEmpty();
    }

    private static List<String> fields(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        return response.json().get("errors").findValuesAsText("field");
    }

    private static Map<String, Object> partner(String code, String isaId) {
        Map<String, Object> partner = new HashMap<>();
        partner.put("code", code);
        partner.put("accountCode", "HUDSON-US");
        partner.put("isaQualifier", "ZZ");
        partner.put("isaId", isaId);
        partner.put("ourIsaQualifier", "ZZ");
        partner.put("ourIsaId", "TRADEFLOW");
        partner.put("gsId", isaId);
        partner.put("ourGsId", "TRADEFLOW");
        partner.put("version", "004010");
        return partner;
    }

    private static String interchange(String isaId, String control, String... segments) {
        String group = String.valueOf(Integer.parseInt(control.substring(5)));
        return "ISA*00*          *00*          *ZZ*" + String.format("%-15s", isaId) + "*ZZ*TRADEFLOW      *261202*0930*U*00401*"
                + control + "*0*P*>~\nGS*PO*" + isaId + "*TRADEFLOW*20261202*0930*" + group + "*X*004010~\n"
                + String.join("~\n", segments) + "~\nGE*1*" + group + "~\nIEA*1*" + control + "~\n";
    }

    /** Short and unique: codes and ISA ids are at most 15. */
    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000_000L, 36).toUpperCase(Locale.ROOT);
    }
}
