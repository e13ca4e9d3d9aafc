package org.tradeflow.dunning;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.rules.RuleSetRegistry;
import org.tradeflow.support.IntegrationTest;

import java.math.BigDecimal;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live dunning.xlsx, as the server compiled it. The server only starts once every row of its Scenarios sheet
 * passes, so these check the rows a dunning run depends on, not the scenarios again.
 */
class DunningTableTest extends IntegrationTest {

    @Autowired
    DunningTable table;

    @Autowired
    RuleSetRegistry rules;

    @Test
    void theFirstReminderIsFreeAndWaitsTwoWeeks() {
        DunningLevel first = decide(1, 1, "500").orElseThrow();

        assertThat(first.fee()).isEqualByComparingTo("0");
        assertThat(first.interestPercent()).isEqualByComparingTo("0");
        assertThat(first.waitDays()).isEqualByComparingTo("14");
        assertThat(first.blocksOrders()).isFalse();
        assertThat(first.callCustomer()).isFalse();
    }

    @Test
    void theSecondReminderChargesAFeeAndBlocksOrdersOnlyForLargeInvoices() {
        DunningLevel small = decide(2, 15, "500").orElseThrow();
        DunningLevel large = decide(2, 15, "10000").orElseThrow();

        assertThat(small.fee()).isEqualByComparingTo("5");
        assertThat(small.blocksOrders()).isFalse();
        assertThat(large.fee()).isEqualByComparingTo("10");
        assertThat(large.blocksOrders()).isTrue();
    }

    @Test
    void theFinalNoticeChargesInterestBlocksOrdersAndHasFinanceCall() {
        DunningLevel last = decide(3, 29, "500").orElseThrow();

        assertThat(last.fee()).isEqualByComparingTo("15");
        assertThat(last.interestPercent()).isEqualByComparingTo("9");
        assertThat(last.blocksOrders()).isTrue();
        assertThat(last.callCustomer()).isTrue();
    }

    @Test
    void noReminderIsDueBeforeItsDayNorAfterTheLastLevel() {
        assertThat(decide(1, 0, "500")).isEmpty();
        assertThat(decide(2, 14, "500")).isEmpty();
        assertThat(decide(4, 90, "500")).isEmpty();
    }

    private Optional<DunningLevel> decide(int level, long daysOverdue, String openAmount) {
        return table.decide(rules.current(), level, daysOverdue, new BigDecimal(openAmount));
    }
}
