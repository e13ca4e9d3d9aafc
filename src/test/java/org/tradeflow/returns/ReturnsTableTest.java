package org.tradeflow.returns;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.rules.RuleSetRegistry;
import org.tradeflow.support.IntegrationTest;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * returns.xlsx as the live server compiled it (its Scenarios sheet already passed, or the server would not have
 * started): what the returns module reads from a row.
 */
class ReturnsTableTest extends IntegrationTest {

    @Autowired
    RuleSetRegistry rules;

    @Autowired
    ReturnsTable returnsTable;

    @Test
    void damagedGoodsAreInspectedWithoutApprovalOrFee() {
        ReturnDecision decision = decide("DAMAGED", 5, "DEALER");

        assertThat(decision.allows(5)).isTrue();
        assertThat(decision.needsInspection()).isTrue();
        assertThat(decision.needsApproval()).isFalse();
        assertThat(decision.restockingFeePercent()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(decision.rule()).startsWith("ReturnAuthorisation");
    }

    @Test
    void anUnneededReturnFromADealerNeedsApprovalAndPaysTheFee() {
        ReturnDecision decision = decide("NOT_NEEDED", 3, "DEALER");

        assertThat(decision.needsApproval()).isTrue();
        assertThat(decision.restockingFeePercent().toPlainString()).isEqualTo("15");
    }

    @Test
    void theWindowIsTheRowsNumberOfDaysAfterDelivery() {
        ReturnDecision decision = decide("WRONG_ITEM", 0, "DEALER");

        assertThat(decision.allows(decision.windowDays())).isTrue();
        assertThat(decision.allows(decision.windowDays() + 1)).isFalse();
    }

    @Test
    void anUnknownReasonFallsToTheDefaultRow() {
        ReturnDecision decision = decide("CHANGED_MIND", 1, "WHOLESALE");

        assertThat(decision.needsInspection()).isTrue();
        assertThat(decision.needsApproval()).isTrue();
    }

    private ReturnDecision decide(String reason, int days, String group) {
        return returnsTable.decide(rules.current(), new ReturnQuestion(reason, days, group));
    }
}
