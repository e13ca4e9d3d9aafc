package org.tradeflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.tradeflow.pricing.OrderEvaluation;
import org.tradeflow.rules.RuleSet.Member;
import org.tradeflow.support.Api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tradeflow.support.OrderRequests.anOrder;

/** An order's rule-set checksum names exactly the rules that priced it, whatever changed since. */
class StoredRuleSetTest extends RuleChangingTest {


    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOldOrdersChecksumStillNamesTheRulesThatPricedItAfterPricingChanged() throws Exception {
        RuleSet then = rules.current();
        TableVersion pricingThen = active("pricing");
        JsonNode order = created(anOrder().forAccount("ACME-DE").line("85123A", 6).body());
        BigDecimal pricedThen = order.get("lines").get(0).get("unitPrice").decimalValue();
        String checksum = order.get("ruleSetChecksum").asText();
        assertThat(checksum).isEqualTo(then.checksum());

        Api.Response uploaded = api.putAs("rita", "demo", "/api/v1/rules/tables/pricing?comment=cheaper%20lights",
                RuleTableController.XLSX, Spreadsheets.edit(rules.content("pricing", pricingThen.version()).orElseThrow(),
                        "ACME-DE", PRICE, "2.49"));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(quoteOf85123A().get("ruleSetChecksum").asText()).isNotEqualTo(checksum);
        assertThat(quoteOf85123A().get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("2.49");

        Api.Response stored = api.getAs("sam", "demo", "/api/v1/rules/sets/" + checksum); // any signed-in user reads it

        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        JsonNode members = stored.json().get("members");
        assertThat(members).hasSize(then.members().size());
        for (int i = 0; i < members.size(); i++) {
            Member compiled = then.members().get(i);
            JsonNode member = members.get(i);
            assertThat(member.get("position").asInt()).isEqualTo(i + 1);
            assertThat(member.get("sourceName").asText()).isEqualTo(compiled.sourceName());
            assertThat(member.get("drl").asText()).as(compiled.sourceName()).isEqualTo(compiled.drl());
        }
        JsonNode pricingTable = member(members, "pricing.xlsx");
        assertThat(pricingTable.get("table").asText()).isEqualTo("pricing");
        assertThat(pricingTable.get("version").asInt()).isEqualTo(pricingThen.version());
        assertThat(pricingTable.get("tableChecksum").asText()).isEqualTo(pricingThen.checksum());
        JsonNode handWritten = member(members, "pricing.drl");
        assertThat(handWritten.hasNonNull("table")).isFalse();
        assertThat(handWritten.get("drl").asText()).isEqualTo(Files.readString(Path.of("rules", "pricing.drl"), StandardCharsets.UTF_8));

        RuleSet recompiled = new RuleSetCompiler().recompile(members(members));

        assertThat(recompiled.checksum()).isEqualTo(checksum);
        assertThat(contractPriceOf85123A(recompiled)).isEqualByComparingTo(pricedThen).isEqualByComparingTo("2.95");
        assertThat(contractPriceOf85123A(rules.current())).isEqualByComparingTo("2.49");
    }

    @Test
    void rollingBackStoresTheSetItMakesLiveAndAnEarlierSetIsNotStoredTwice() throws Exception {
        TableVersion pricingThen = active("pricing");
        String checksumThen = rules.current().checksum();
        String storedAt = api.get("/api/v1/rules/sets/" + checksumThen).json().get("wentLiveAt").asText();
        api.putAs("rita", "demo", "/api/v1/rules/tables/pricing", RuleTableController.XLSX,
                Spreadsheets.edit(rules.content("pricing", pricingThen.version()).orElseThrow(), "ACME-DE", PRICE, "2.39"));
        String cheaper = rules.current().checksum();

        Api.Response rolledBack = api.postAs("rita", "demo", "/api/v1/rules/tables/pricing/versions/"
                + pricingThen.version() + "/activate", Map.of());

        assertThat(rolledBack.status()).as(rolledBack.body()).isEqualTo(200);
        assertThat(rules.current().checksum()).isEqualTo(checksumThen);
        assertThat(api.get("/api/v1/rules/sets/" + cheaper).json().get("wentLiveBy").asText()).isEqualTo("rita");
        assertThat(api.get("/api/v1/rules/sets/" + checksumThen).json().get("wentLiveAt").asText()).isEqualTo(storedAt);
        assertThat(jdbc.queryForObject("select count(*) from rule_set where checksum = ?", Integer.class, checksumThen)).isEqualTo(1);
    }

    @Test
    void unknownChecksumIsNotFound() {
        Api.Response unknown = api.get("/api/v1/rules/sets/" + "0".repeat(64));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().get("detail").asText()).isEqualTo("No rule set went live with checksum '" + "0".repeat(64) + "'");
    }

    @Test
    void storedRuleSetsCannotBeChangedOrRemoved() {
        String live = rules.current().checksum();

        assertThatThrownBy(() -> jdbc.update("update rule_set_member set drl = 'rule \"x\" when then end' where checksum = ?", live))
                .hasMessageContaining("rule sets are append-only");
        assertThatThrownBy(() -> jdbc.update("delete from rule_set where checksum = ?", live))
                .hasMessageContaining("rule sets are append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate rule_set_member"))
                .hasMessageContaining("rule sets are append-only");
    }

    @Test
    void checksumChangesWithEveryDrlTextThatDecidesEvenWhenTheFilesAreTheSame() {
        RuleSet live = LiveRules.get();
        List<Member> otherDrl = new ArrayList<>(live.members());
        Member pricing = otherDrl.stream().filter(m -> m.sourceName().equals("pricing.xlsx")).findFirst().orElseThrow();
        // as a new Drools release or inspector might generate it from the same file
        otherDrl.set(otherDrl.indexOf(pricing), new Member(pricing.sourceName(), pricing.table(), pricing.tableChecksum(),
                pricing.drl().replace("2.95", "2.96")));
        List<Member> otherHandWritten = new ArrayList<>(live.members());
        Member handWritten = otherHandWritten.get(otherHandWritten.size() - 1);
        otherHandWritten.set(otherHandWritten.size() - 1, new Member(handWritten.sourceName(), null, null, handWritten.drl() + "\n"));

        assertThat(pricing.drl()).contains("2.95");
        assertThat(RuleSetCompiler.checksum(live.members())).isEqualTo(live.checksum());
        assertThat(RuleSetCompiler.checksum(otherDrl)).isNotEqualTo(live.checksum());
        assertThat(RuleSetCompiler.checksum(otherHandWritten)).isNotEqualTo(live.checksum());
    }

    private JsonNode created(Map<String, Object> body) {
        Api.Response created = api.post("/api/v1/orders", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private JsonNode quoteOf85123A() {
        return api.post("/api/v1/price-quotes", Map.of("accountCode", "ACME-DE",
                "lines", List.of(Map.of("sku", "85123A", "quantity", 6)))).json();
    }

    private TableVersion active(String table) {
        return rules.activeVersions().stream().filter(v -> v.table().equals(table)).findFirst().orElseThrow();
    }

    private static JsonNode member(JsonNode members, String sourceName) {
        for (JsonNode member : members) {
            if (member.get("sourceName").asText().equals(sourceName)) {
                return member;
            }
        }
        throw new AssertionError("no member " + sourceName + " in " + members);
    }

    /** The members as the API gave them, in the form the compiler takes. */
    private static List<Member> members(JsonNode members) {
        List<Member> list = new ArrayList<>();
        for (JsonNode member : members) {
            boolean table = member.hasNonNull("table");
            list.add(new Member(member.get("sourceName").asText(), table ? member.get("table").asText() : null,
                    table ? member.get("tableChecksum").asText() : null, member.get("drl").asText()));
        }
        return list;
    }

    private static BigDecimal contractPriceOf85123A(RuleSet ruleSet) {
        return OrderEvaluation.evaluate(ruleSet, List.of(PricingRulesTest.line("ACME-DE", "DEALER", "85123A", "LIGHTING", 6,
                "3.45"))).chosenOffers().get(1).getUnitPrice();
    }
}
