package org.tradeflow.rules;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tradeflow.invoicing.TaxTreatment;
import org.tradeflow.support.Api;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** tax.xlsx is governed like every table: what it may say is checked before it can tax an invoice. */
class TaxTableTest extends RuleChangingTest {

    @Test
    void aTreatmentTheInvoicesDoNotKnowIsRefusedNamingTheCell() {
        int versionsBefore = rules.versions("tax").size();
        byte[] unknown = Spreadsheets.edit(activeContent(), "INTRA_EU_SUPPLY", 0, "VAT_FREE");

        Api.Response refused = upload(unknown);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("sheet Tax, cell H18").contains("INTRA_EU_SUPPLY");
        assertThat(rules.versions("tax")).hasSize(versionsBefore);
    }

    @Test
    void aRateOnAnUntaxedTreatmentIsRefusedByTheScenarios() {
        // the New York sales-tax row made an export that still charges 8.875 %
        byte[] contradictory = Spreadsheets.edit(activeContent(), "8.875", -1, "EXPORT");

        Api.Response refused = upload(contradictory);

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("New York sales tax").contains("charges 8.875 % as EXPORT");
    }

    @Test
    void theTreatmentColumnAcceptsExactlyTheTreatmentsInvoicingKnows() {
        for (TaxTreatment treatment : TaxTreatment.values()) {
            assertThat(ColumnType.TAX_TREATMENT.problem(cell(treatment.name()), treatment.name())).isEmpty();
        }
        assertThat(ColumnType.TAX_TREATMENT.problem(cell("STANDARD_RATE"), "STANDARD_RATE")).get().asString()
                .contains(String.join(", ", Arrays.stream(TaxTreatment.values()).map(Enum::name).sorted().toList()));
    }

    private static Cell cell(String value) {
        Cell cell = new XSSFWorkbook().createSheet().createRow(0).createCell(0);
        cell.setCellValue(value);
        return cell;
    }

    private byte[] activeContent() {
        int active = rules.activeVersions().stream().filter(v -> v.table().equals("tax")).findFirst().orElseThrow().version();
        return rules.content("tax", active).orElseThrow();
    }

    private Api.Response upload(byte[] spreadsheet) {
        return api.putAs("rita", "demo", "/api/v1/rules/tables/tax?comment=tax%20change", RuleTableController.XLSX, spreadsheet);
    }
}
