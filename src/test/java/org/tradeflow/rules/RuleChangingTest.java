package org.tradeflow.rules;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.IntegrationTest;

import java.util.Comparator;
import java.util.List;

/** A test that changes the live rules: the table versions live when it starts are made live again when it ends. */
abstract class RuleChangingTest extends IntegrationTest {

    /** ContractPrices columns: account, SKU, valid from, valid until, contract reference, unit price. */
    static final int PRICE = 5;

    @Autowired
    RuleSetRegistry rules;

    private List<TableVersion> activeBefore;

    @BeforeEach
    void rememberActiveVersions() {
        activeBefore = rules.activeVersions();
    }

    /** Pricing first: while an active pricing version fails its checks or scenarios, no other table can change. */
    @AfterEach
    void restoreActiveVersions() throws Exception {
        for (TableVersion version : activeBefore.stream().sorted(Comparator.comparing(v -> !v.table().equals("pricing"))).toList()) {
            rules.activate(version.table(), version.version(), "test clean-up");
        }
    }
}
