package org.tradeflow.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tradeflow.pricing.OrderEvaluation;
import org.tradeflow.pricing.PriceOffer;
import org.tradeflow.pricing.PriceSource;
import org.tradeflow.pricing.PricingLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** decision-tables/pricing.xlsx and rules/pricing.drl, row by row, compiled by Drools as the server does. */
class PricingRulesTest {

    /** A day on which no promotion of pricing.xlsx runs. */
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private static final LocalDate WINTER_CAMPAIGN = LocalDate.parse("2026-12-01");

    static List<SpreadsheetRows.TableRow> contractRows() {
        return SpreadsheetRows.read("pricing.xlsx", "ContractPrices");
    }

    static List<SpreadsheetRows.TableRow> groupRows() {
        return SpreadsheetRows.read("pricing.xlsx", "GroupPrices");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contractRows")
    void contractRowSetsTheAccountsPriceForItsSku(SpreadsheetRows.TableRow row) {
        // columns: account, SKU, valid from, valid until, contract reference, unit price
        LocalDate day = row.cell(2).isEmpty() ? TODAY : LocalDate.parse(row.cell(2));
        PriceOffer offer = priceOne(dated(line(row.cell(0), "NO-GROUP", row.cell(1), "GIFTS", 1, "99.00"), day));

        assertThat(offer.getSource()).isEqualTo(PriceSource.CONTRACT);
        assertThat(offer.getReference()).isEqualTo(row.cell(4));
        assertThat(offer.getUnitPrice()).isEqualByComparingTo(row.cell(5));
        assertThat(offer.getRule()).isEqualTo("ContractPrices_" + row.rowNumber());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupRows")
    void groupRowGivesItsFixedPriceOrDiscountToItsGroup(SpreadsheetRows.TableRow row) {
        // columns: group, category, SKU, currency, fixed price, discount %
        PricingLine line = line("NO-CONTRACT", row.cell(0), orElse(row.cell(2), "ANY-SKU"), orElse(row.cell(1), "NO-CATEGORY"),
                1, "100.00").toBuilder().listPrice(new BigDecimal("100.00"), orElse(row.cell(3), "EUR")).build();

        PriceOffer offer = priceOne(line);

        BigDecimal expected = row.cell(4).isEmpty()
                ? new BigDecimal("100.00").multiply(BigDecimal.ONE.subtract(new BigDecimal(row.cell(5)).movePointLeft(2)))
                : new BigDecimal(row.cell(4));
        assertThat(offer.getSource()).isEqualTo(PriceSource.GROUP);
        assertThat(offer.getUnitPrice()).isEqualByComparingTo(expected);
        assertThat(offer.getRule()).isEqualTo("GroupPrices_" + row.rowNumber());
    }

    @Test
    void fixedGroupPriceHoldsOnlyInItsCurrency() {
        // GroupPrices rows 30 and 31: dealers pay 2.40 EUR or 2.60 USD for the paper chain kit; a GBP line gets neither.
        PricingLine dealerKit = line("NO-CONTRACT", "DEALER", "22086", "STATIONERY", 12, "3.45");

        PriceOffer euro = priceOne(dealerKit);
        PriceOffer dollar = priceOne(dealerKit.toBuilder().listPrice(new BigDecimal("3.75"), "USD").build());
        PriceOffer pound = priceOne(dealerKit.toBuilder().listPrice(new BigDecimal("2.95"), "GBP").build());

        assertThat(euro.getUnitPrice()).isEqualByComparingTo("2.40");
        assertThat(dollar.getUnitPrice()).isEqualByComparingTo("2.60");
        assertThat(pound.getSource()).isEqualTo(PriceSource.LIST);
    }

    @Test
    void volumeTiersApplyPerGroupAndCategoryAndPerSku() {
        // Wholesalers' 200 bags: VolumeTiers row 48 (10 %) beats their 7 % group discount and the 100+ tier.
        PriceOffer wholesaleBags = priceOne(line("NO-CONTRACT", "WHOLESALE", "X8", "BAGS", 200, "10.00"));
        PriceOffer dealerBags = priceOne(line("NO-CONTRACT", "DEALER", "X8", "BAGS", 200, "10.00"));
        // A thousand jumbo bags: the fixed tier price of row 49 (1.60 EUR) beats 6 % off 2.28.
        PriceOffer jumbo = priceOne(line("NO-CONTRACT", "NO-GROUP", "85099B", "BAGS", 1000, "2.28"));
        PriceOffer fewJumbo = priceOne(line("NO-CONTRACT", "NO-GROUP", "85099B", "BAGS", 999, "2.28"));

        assertThat(wholesaleBags.getUnitPrice()).isEqualByComparingTo("9.00");
        assertThat(wholesaleBags.getRule()).isEqualTo("VolumeTiers_48");
        assertThat(dealerBags.getUnitPrice()).isEqualByComparingTo("9.70");
        assertThat(jumbo.getUnitPrice()).isEqualByComparingTo("1.60");
        assertThat(jumbo.getRule()).isEqualTo("VolumeTiers_49");
        assertThat(fewJumbo.getRule()).isEqualTo("VolumeTiers_46");
    }

    @Test
    void remembersTheLastPricePaidWhileTheWindowLasts() {
        // PriceMemory row 64 keeps a price for 90 days; the list price rose to 10.00 since the account paid 9.10.
        PricingLine line = line("NO-CONTRACT", "WHOLESALE", "X9", "GIFTS", 5, "10.00");

        PriceOffer within = priceOne(line.toBuilder().lastPaid(paid("9.10", 90)).build());
        PriceOffer expired = priceOne(line.toBuilder().lastPaid(paid("9.10", 91)).build());
        PriceOffer cheaperNow = priceOne(line.toBuilder().lastPaid(paid("10.50", 10)).build());

        assertThat(within.getSource()).isEqualTo(PriceSource.MEMORIZED);
        assertThat(within.getUnitPrice()).isEqualByComparingTo("9.10");
        assertThat(within.getReference()).isEqualTo("paid on SO-100042, " + TODAY.minusDays(90));
        assertThat(within.getRule()).isEqualTo("PriceMemory_64");
        assertThat(expired.getSource()).isEqualTo(PriceSource.LIST);
        assertThat(cheaperNow.getSource()).as("a memorized price never costs more than today's").isEqualTo(PriceSource.LIST);
    }

    @Test
    void contractStillWinsOverAMemorizedPrice() {
        PriceOffer offer = priceOne(line("ACME-DE", "DEALER", "85123A", "LIGHTING", 12, "3.45").toBuilder()
                .lastPaid(paid("2.50", 5)).build());

        assertThat(offer.getSource()).isEqualTo(PriceSource.CONTRACT);
    }

    @Test
    void contractOutsideItsValidityIsNotOffered() {
        // Nordic's C-2025-031 on 22834 ran until 2026-06-30.
        PriceOffer during = priceOne(dated(line("NORD-SE", "NO-GROUP", "22834", "WARMERS", 1, "2.46"), LocalDate.parse("2026-06-30")));
        PriceOffer after = priceOne(dated(line("NORD-SE", "NO-GROUP", "22834", "WARMERS", 1, "2.46"), LocalDate.parse("2026-07-01")));

        assertThat(during.getSource()).isEqualTo(PriceSource.CONTRACT);
        assertThat(after.getSource()).isEqualTo(PriceSource.LIST);
    }

    @Test
    void contractPriceWinsEvenWhenAVolumeTierWouldBeCheaper() {
        // 600 units of a 3.00 item: the 500+ tier gives 2.82, the ACME-DE contract says 2.95.
        PriceOffer offer = priceOne(line("ACME-DE", "DEALER", "85123A", "LIGHTING", 600, "3.00"));

        assertThat(offer.getSource()).isEqualTo(PriceSource.CONTRACT);
        assertThat(offer.getUnitPrice()).isEqualByComparingTo("2.95");
    }

    @Test
    void withoutContractTheLowestCandidateWins() {
        // Dealer lighting at 240 units: group 10 % beats the lighting tier 8 % and the 100+ tier 3 %.
        PriceOffer group = priceOne(line("NO-CONTRACT", "DEALER", "X1", "LIGHTING", 240, "10.00"));
        // A wholesaler's 600 units of gifts: no group row for gifts, so the 500+ tier (6 %) wins.
        PriceOffer tier = priceOne(line("NO-CONTRACT", "WHOLESALE", "X2", "GIFTS", 600, "10.00"));
        // Nothing applies: the list price.
        PriceOffer list = priceOne(line("NO-CONTRACT", "NO-GROUP", "X3", "GIFTS", 1, "10.00"));

        assertThat(group.getSource()).isEqualTo(PriceSource.GROUP);
        assertThat(group.getUnitPrice()).isEqualByComparingTo("9.00");
        assertThat(tier.getSource()).isEqualTo(PriceSource.TIER);
        assertThat(tier.getUnitPrice()).isEqualByComparingTo("9.40");
        assertThat(tier.getRule()).startsWith("VolumeTiers_");
        assertThat(list.getSource()).isEqualTo(PriceSource.LIST);
        assertThat(list.getUnitPrice()).isEqualByComparingTo("10.00");
    }

    @Test
    void promotionInsideItsWindowBeatsTheGroupPrice() {
        PriceOffer during = priceOne(dated(line("NO-CONTRACT", "DEALER", "X5", "WARMERS", 1, "10.00"), WINTER_CAMPAIGN));
        PriceOffer after = priceOne(dated(line("NO-CONTRACT", "DEALER", "X5", "WARMERS", 1, "10.00"), LocalDate.parse("2027-03-01")));

        assertThat(during.getSource()).isEqualTo(PriceSource.PROMOTION);
        assertThat(during.getUnitPrice()).isEqualByComparingTo("8.80");
        assertThat(during.getRule()).isEqualTo("Promotions_56");
        assertThat(after.getSource()).isEqualTo(PriceSource.GROUP);
        assertThat(after.getUnitPrice()).isEqualByComparingTo("9.50");
    }

    @Test
    void stackingPromotionAppliesOnTopOfTheVolumeTier() {
        // US-EAST lighting, 240 units on 1 December: tier 8 % (9.20), then the stacking holiday promotion 5 % off that.
        PricingLine line = line("NO-CONTRACT", "NO-GROUP", "X6", "LIGHTING", 240, "10.00").toBuilder()
                .listPrice(new BigDecimal("10.00"), "USD").account("NO-CONTRACT", "NO-GROUP", "US-EAST")
                .orderDay(WINTER_CAMPAIGN).build();

        PriceOffer offer = priceOne(line);

        assertThat(offer.getSource()).isEqualTo(PriceSource.PROMOTION);
        assertThat(offer.getUnitPrice()).isEqualByComparingTo("8.74");
        assertThat(offer.getRule()).isEqualTo("Promotions_57 + VolumeTiers_47");
    }

    @Test
    void promotionThatDoesNotStackCompetesWithTheTier() {
        // 500 warmers in the winter campaign: 12 % off list (8.80) beats the 6 % tier (9.40) but is not applied on top of it.
        PriceOffer offer = priceOne(dated(line("NO-CONTRACT", "NO-GROUP", "X7", "WARMERS", 500, "10.00"), WINTER_CAMPAIGN));

        assertThat(offer.getUnitPrice()).isEqualByComparingTo("8.80");
        assertThat(offer.getRule()).isEqualTo("Promotions_56");
    }

    @Test
    void everyCandidateIsKeptToExplainThePrice() {
        OrderEvaluation evaluation = OrderEvaluation.evaluate(LiveRules.get(),
                List.of(line("NO-CONTRACT", "DEALER", "X1", "LIGHTING", 240, "10.00")));

        assertThat(evaluation.candidates(1)).extracting(o -> o.getSource() + " " + o.getUnitPrice().stripTrailingZeros().toPlainString())
                .containsExactly("GROUP 9", "TIER 9.2", "TIER 9.7", "LIST 10");
        assertThat(evaluation.chosenOffers().get(1).getSource()).isEqualTo(PriceSource.GROUP);
    }

    @Test
    void equalPricesGoToTheHigherRankedSource() {
        // Wholesale kitchen at 500+: the group gives 6 % and the tier gives 6 %; TIER ranks before GROUP.
        PriceOffer offer = priceOne(line("NO-CONTRACT", "WHOLESALE", "X4", "KITCHEN", 500, "10.00"));

        assertThat(offer.getUnitPrice()).isEqualByComparingTo("9.40");
        assertThat(offer.getSource()).isEqualTo(PriceSource.TIER);
    }

    @Test
    void everyLineOfALargeOrderIsPricedInOneEvaluation() {
        List<PricingLine> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 2000; i++) {
            lines.add(PricingLine.line(i, "SKU" + i, 1 + i % 700).product(i % 2 == 0 ? "GIFTS" : "LIGHTING", 1)
                    .listPrice(new BigDecimal("4.00"), "EUR").account("NO-CONTRACT", "DEALER", "EU-CENTRAL").orderDay(TODAY).build());
        }

        OrderEvaluation evaluation = OrderEvaluation.evaluate(LiveRules.get(), lines);

        assertThat(evaluation.chosenOffers()).hasSize(2000);
    }

    static PricingLine line(String account, String group, String sku, String category, int quantity, String listPrice) {
        return PricingLine.line(1, sku, quantity).product(category, 1)
                .listPrice(new BigDecimal(listPrice).setScale(2, RoundingMode.UNNECESSARY), "EUR")
                .account(account, group, "EU-CENTRAL").orderDay(TODAY).build();
    }

    private static PricingLine dated(PricingLine line, LocalDate day) {
        return line.toBuilder().orderDay(day).build();
    }

    private static PricingLine.LastPaid paid(String unitPrice, int daysAgo) {
        return new PricingLine.LastPaid(new BigDecimal(unitPrice), "SO-100042", TODAY.minusDays(daysAgo));
    }

    private static String orElse(String cell, String fallback) {
        return cell.isEmpty() ? fallback : cell;
    }

    private static PriceOffer priceOne(PricingLine line) {
        return OrderEvaluation.evaluate(LiveRules.get(), List.of(line)).chosenOffers().get(1);
    }
}
