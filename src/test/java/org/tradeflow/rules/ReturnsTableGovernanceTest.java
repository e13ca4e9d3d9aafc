package org.tradeflow.rules;

import org.junit.jupiter.api.Test;
import org.tradeflow.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** returns.xlsx is governed like every table: a slip in a row, or a row that breaks a scenario, never goes live. */
class ReturnsTableGovernanceTest extends RuleChangingTest {

    @Test
    void anInspectionThatIsNeitherYesNorNoIsRefusedNamingTheCell() {
        int versionsBefore = rules.versions("returns").size();
        byte[] unclear = Spreadsheets.edit(activeContent(), "DEFECTIVE", 4, "MAYBE");

        Api.Response refused = upload(unclear);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("sheet Returns, cell F14");
        assertThat(rules.versions("returns")).hasSize(versionsBefore);
    }

    @Test
    void aShorterWindowThatBreaksAScenarioIsRefused() {
        // wrong items may come back for 30 days; the scenario sends one back after 10
        byte[] shorter = Spreadsheets.edit(activeContent(), "WRONG_ITEM", 3, "5");

        Api.Response refused = upload(shorter);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("Our wrong item goes straight back to stock").contains("allowed NO");
    }

    private byte[] activeContent() {
        int active = rules.activeVersions().stream().filter(v -> v.table().equals("returns")).findFirst().orElseThrow().version();
        return rules.content("returns", active).orElseThrow();
    }

    private Api.Response upload(byte[] spreadsheet) {
        return api.putAs("rita", "demo", "/api/v1/rules/tables/returns?comment=returns%20change", RuleTableController.XLSX, spreadsheet);
    }
}
