package org.tradeflow.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tradeflow.sourcing.RoutingDecision;
import org.tradeflow.sourcing.RoutingRequest;
import org.tradeflow.approval.ApprovalCase;
import org.tradeflow.approval.ApprovalDecision;
import org.tradeflow.policy.PolicyViolation;
import org.tradeflow.policy.Severity;
import org.tradeflow.pricing.OrderEvaluation;
import org.tradeflow.pricing.PricingLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** decision-tables/order-policy.xlsx, approval.xlsx and routing.xlsx as Drools compiles them. */
class PolicyApprovalRoutingRulesTest {

    private static final LocalDate TODAY = LocalDate.now();

    static List<SpreadsheetRows.TableRow> routingRows() {
        return SpreadsheetRows.read("routing.xlsx", "WarehouseRouting");
    }

    @Test
    void lineBelowTheMinimumQuantityIsBlockedWithTheRowsMessage() {
        List<PolicyViolation> violations = violations(line("22423", "KITCHEN", 1, 1, new BigDecimal("14.92"), "EUR", "BRIT-UK", "WHOLESALE", "UK"));

        assertThat(violations).anySatisfy(v -> {
            assertThat(v.severity()).isEqualTo(Severity.BLOCK);
            assertThat(v.code()).isEqualTo("MOQ");
            assertThat(v.message()).isEqualTo("Line 1 (22423): minimum order quantity is 2");
            assertThat(v.rule()).startsWith("MinimumQuantities_");
        });
    }

    @Test
    void brokenPackBlocksDealersButOnlyWarnsWholesalers() {
        PolicyViolation dealer = single(violations(line("85123A", "LIGHTING", 6, 13, new BigDecimal("3.45"), "EUR", "ALPINE-AT", "DEALER", "EU-CENTRAL")));
        PolicyViolation wholesaler = single(violations(line("85123A", "LIGHTING", 6, 13, new BigDecimal("3.45"), "EUR", "NORD-SE", "WHOLESALE", "EU-NORTH")));

        assertThat(dealer.code()).isEqualTo("PACK");
        assertThat(dealer.severity()).isEqualTo(Severity.BLOCK);
        assertThat(wholesaler.code()).isEqualTo("PACK");
        assertThat(wholesaler.severity()).isEqualTo(Severity.WARN);
    }

    @Test
    void wholePacksAboveTheMinimumAreClean() {
        assertThat(violations(line("85123A", "LIGHTING", 6, 12, new BigDecimal("3.45"), "EUR", "ALPINE-AT", "DEALER", "EU-CENTRAL"))).isEmpty();
    }

    @Test
    void retailChainsBagsAreRoundedUpToTheMinimumAndTheCustomerIsTold() {
        // MinimumQuantities row 15: retail chains take bags by 20 or more, ROUND_UP; 20 is also whole packs of 10.
        OrderEvaluation evaluation = OrderEvaluation.evaluate(LiveRules.get(), List.of(
                line("85099B", "BAGS", 10, 7, new BigDecimal("2.48"), "USD", "NO-CONTRACT", "RETAIL-CHAIN", "US-SOUTH"),
                PricingLine.line(2, "22961", 300).product("KITCHEN", 12).listPrice(new BigDecimal("1.84"), "USD")
                        .account("NO-CONTRACT", "RETAIL-CHAIN", "US-SOUTH").orderDay(TODAY).build()));

        assertThat(evaluation.lines()).extracting(PricingLine::getQuantity).containsExactly(20, 300);
        assertThat(evaluation.violations()).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.CORRECTED);
            assertThat(v.code()).isEqualTo("MOQ");
            assertThat(v.message()).isEqualTo("Line 1 (85099B): retail chains take bags by 20 or more; rounded up from 7 to 20");
            assertThat(v.rule()).isEqualTo("MinimumQuantities_15");
        });
    }

    @Test
    void brokenPackIsRoundedUpToTheNextWholePackWhereTheRowSaysSo() {
        OrderEvaluation evaluation = OrderEvaluation.evaluate(LiveRules.get(), List.of(
                line("X", "GIFTS", 6, 95, BigDecimal.TEN, "USD", "NO-CONTRACT", "RETAIL-CHAIN", "US-SOUTH")));

        assertThat(evaluation.lines().get(0).getQuantity()).isEqualTo(96);
        assertThat(evaluation.violations()).extracting(v -> v.code() + " " + v.severity()).containsExactly("PACK CORRECTED");
        assertThat(evaluation.violations().get(0).message()).endsWith("rounded up from 95 to 96");
    }

    @Test
    void retailChainOrderBelowItsMinimumValueIsBlockedAsAWholeOrder() {
        // MinimumOrderValue row 38: 500 USD net. Two lines of 240.00 and 250.00 fall short; one more line clears it.
        PricingLine first = line("X1", "GIFTS", 1, 24, BigDecimal.TEN, "USD", "NO-CONTRACT", "RETAIL-CHAIN", "US-SOUTH");
        PricingLine second = PricingLine.line(2, "X2", 25).product("STATIONERY", 1).listPrice(BigDecimal.TEN, "USD")
                .account("NO-CONTRACT", "RETAIL-CHAIN", "US-SOUTH").orderDay(TODAY).build();
        PricingLine third = PricingLine.line(3, "X3", 2).product("STATIONERY", 1).listPrice(new BigDecimal("7.00"), "USD")
                .account("NO-CONTRACT", "RETAIL-CHAIN", "US-SOUTH").orderDay(TODAY).build();

        // 24 gifts at 10 % group discount = 216.00, 25 stationery at list = 250.00: 466.00
        List<PolicyViolation> belowMinimum = violations(first, second);
        List<PolicyViolation> enough = violations(first, second, third.withQuantity(5));

        assertThat(belowMinimum).singleElement().satisfies(v -> {
            assertThat(v.lineNo()).isNull();
            assertThat(v.severity()).isEqualTo(Severity.BLOCK);
            assertThat(v.code()).isEqualTo("MIN_ORDER_VALUE");
            assertThat(v.message()).isEqualTo("Order: retail chain orders start at 500 USD net (central buying)");
        });
        assertThat(enough).as("466.00 + 35.00 = 501.00").isEmpty();
    }

    @Test
    void priceBelowTheMarginFloorAsksForApprovalOncePerLine() {
        // A dealer buys at 10 % off 3.45 = 3.105; cost 3.00 plus the dealers' 15 % minimum margin is 3.45.
        List<PolicyViolation> violations = violations(line("85123A", "LIGHTING", 6, 12, new BigDecimal("3.45"), "EUR", "NO-CONTRACT", "DEALER", "EU-CENTRAL").toBuilder().unitCost(new BigDecimal("3.00")).build());
        List<PolicyViolation> healthy = violations(line("85123A", "LIGHTING", 6, 12, new BigDecimal("3.45"), "EUR", "NO-CONTRACT", "DEALER", "EU-CENTRAL").toBuilder().unitCost(new BigDecimal("2.00")).build());

        assertThat(violations).extracting(PolicyViolation::code).contains("MARGIN");
        assertThat(violations).allSatisfy(v -> assertThat(v.severity()).isEqualTo(Severity.APPROVAL));
        assertThat(PolicyViolation.linesNeedingApproval(violations)).isEqualTo(1);
        assertThat(healthy).isEmpty();
    }

    @Test
    void lineBelowTheMarginFloorNeedsASalesManager() {
        ApprovalDecision decision = new ApprovalDecision();
        LiveRules.get().evaluate(Map.of("approval", decision),
                List.of(new ApprovalCase("A", "DEALER", "EUR", new BigDecimal("300.00"), 400, 1)));

        assertThat(decision.approverGroup()).isEqualTo("sales-managers");
        assertThat(decision.reason()).isEqualTo("Price below the margin floor on at least one line");
    }

    @Test
    void restrictedProductIsBlockedForItsRegionOnly() {
        List<PolicyViolation> us = violations(line("84029G", "WARMERS", 6, 12, new BigDecimal("4.76"), "USD", "HUDSON-US", "WHOLESALE", "US-EAST"));
        List<PolicyViolation> uk = violations(line("84029G", "WARMERS", 6, 12, new BigDecimal("4.39"), "EUR", "BRIT-UK", "WHOLESALE", "UK"));

        assertThat(us).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("RESTRICTED");
            assertThat(v.severity()).isEqualTo(Severity.BLOCK);
            assertThat(v.message()).contains("not sold in the US");
        });
        assertThat(uk).isEmpty();
    }

    @Test
    void absurdLineQuantityIsBlocked() {
        assertThat(violations(line("X", "GIFTS", 1, 10_001, BigDecimal.TEN, "EUR", "A", "NONE", "UK")))
                .extracting(PolicyViolation::code).containsExactly("MAX_QTY");
    }

    @Test
    void ordersOfTenThousandOrMoreNeedASalesManager() {
        ApprovalDecision atThreshold = approval("EUR", "10000.00", 400);
        ApprovalDecision below = approval("EUR", "9999.99", 400);
        ApprovalDecision dollars = approval("USD", "25000.00", 400);

        assertThat(atThreshold.required()).isTrue();
        assertThat(atThreshold.approverGroup()).isEqualTo("sales-managers");
        assertThat(atThreshold.dueInHours()).isEqualTo(24);
        assertThat(atThreshold.reason()).isEqualTo("Order value of 10,000 EUR or more");
        assertThat(below.required()).isFalse();
        assertThat(dollars.rule()).isEqualTo("OrderApproval_14");
    }

    @Test
    void newAccountsNeedApprovalWhateverTheValue() {
        ApprovalDecision decision = approval("USD", "120.00", 10);

        assertThat(decision.required()).isTrue();
        assertThat(decision.dueInHours()).isEqualTo(48);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routingRows")
    void routingRowSendsItsRegionToItsWarehouses(SpreadsheetRows.TableRow row) {
        // columns: region, category, default marker, warehouses, sourcing
        String region = row.cell(0).isEmpty() ? "SOMEWHERE-ELSE" : row.cell(0);
        String category = row.cell(1).isEmpty() ? "GIFTS" : row.cell(1);

        RoutingDecision routing = RoutingDecision.decide(LiveRules.get(), List.of(new RoutingRequest(1, region, category, "X")));

        assertThat(routing.warehousesFor(1)).containsExactlyElementsOf(
                Arrays.stream(row.cell(3).split(",")).map(String::trim).toList());
        assertThat(routing.sourcingFor(1).name()).isEqualTo(row.cell(4));
    }

    private static List<PolicyViolation> violations(PricingLine... lines) {
        return OrderEvaluation.evaluate(LiveRules.get(), List.of(lines)).violations();
    }

    private static PricingLine line(String sku, String category, int packSize, int quantity, BigDecimal listPrice,
                                    String currency, String account, String group, String region) {
        return PricingLine.line(1, sku, quantity).product(category, packSize).listPrice(listPrice, currency)
                .account(account, group, region).orderDay(TODAY).build();
    }

    private static PolicyViolation single(List<PolicyViolation> violations) {
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    private static ApprovalDecision approval(String currency, String netTotal, int accountAgeDays) {
        ApprovalDecision decision = new ApprovalDecision();
        LiveRules.get().evaluate(Map.of("approval", decision),
                List.of(new ApprovalCase("A", "WHOLESALE", currency, new BigDecimal(netTotal), accountAgeDays, 0)));
        return decision;
    }
}
