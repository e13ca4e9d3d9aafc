package org.tradeflow.rules;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.Api;
import org.tradeflow.support.IntegrationTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Issue 8 (DRL through settings), through the API: a pricing.xlsx whose last ContractPrices row is followed by a
 * row Drools reads as empty and a row it then reads as a Functions setting would put Java into every session,
 * the scenario run of a preview included. Uploaded or previewed, it is refused naming the cell, and its Java never
 * runs.
 */
class SettingInjectionTest extends IntegrationTest {

    @Autowired
    RuleSetRegistry rules;

    private String liveBefore;
    private int versionsBefore;
    private int pricingBefore;

    @BeforeEach
    void rememberTheLiveRules() {
        System.clearProperty(TableExtentTest.PWNED);
        liveBefore = rules.current().checksum();
        versionsBefore = rules.versions("pricing").size();
        pricingBefore = rules.activeVersions().stream().filter(v -> v.table().equals("pricing")).findFirst().orElseThrow().version();
    }

    @AfterEach
    void forgetThePayloadAndAnyVersionItMadeActive() throws Exception {
        System.clearProperty(TableExtentTest.PWNED);
        if (!rules.current().checksum().equals(liveBefore)) { // only when a smuggled setting was accepted after all
            rules.activate("pricing", pricingBefore, "test clean-up");
        }
    }

    static Stream<Arguments> smuggledSettings() throws Exception {
        return Stream.of(
                arguments("below a cell left of the table", TableExtentTest.settingBelowACellLeftOfTheTable(),
                        "sheet Pricing, cell A20 ('.'): nothing may be written left of a table"),
                arguments("below a cell holding only a control character", TableExtentTest.settingBelowAControlCharacter(),
                        "sheet Pricing, cell B20: holds the invisible control character U+0001"),
                arguments("a quote written as Excel's escape _x0022_", Spreadsheets.edit(
                        Files.readAllBytes(Path.of("decision-tables", "pricing.xlsx")), "ACME-DE", 4,
                        // typed in Excel as _x0022_ (stored as _x005F_x0022_): no quote for the checks, one for Drools
                        "_x005F_x0022_; System.setProperty(_x005F_x0022_" + TableExtentTest.PWNED + "_x005F_x0022_, "
                                + "_x005F_x0022_yes_x005F_x0022_); String x = _x005F_x0022_"),
                        "sheet Pricing, cell F12: holds _x0022_, which an .xlsx file reads as the character it stands for"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smuggledSettings")
    void previewOfASmuggledSettingIsRefusedAndItsJavaNeverRuns(String how, byte[] spreadsheet, String reason) {
        String today = LocalDate.now().toString();

        Api.Response preview = api.postBytesAs("rita", "demo", "/api/v1/rules/tables/pricing/preview?from=" + today
                + "&to=" + today, RuleTableController.XLSX, spreadsheet);

        assertThat(preview.status()).as(preview.body()).isEqualTo(422);
        assertThat(preview.body()).contains(reason);
        assertThat(System.getProperty(TableExtentTest.PWNED)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smuggledSettings")
    void uploadOfASmuggledSettingIsRefusedStoresNothingAndItsJavaNeverRuns(String how, byte[] spreadsheet, String reason) {
        Api.Response upload = api.putAs("rita", "demo", "/api/v1/rules/tables/pricing?comment=settings",
                RuleTableController.XLSX, spreadsheet);
        api.post("/api/v1/price-quotes", java.util.Map.of("accountCode", "ACME-DE",
                "lines", java.util.List.of(java.util.Map.of("sku", "85123A", "quantity", 6))));

        assertThat(upload.status()).as(upload.body()).isEqualTo(422);
        assertThat(upload.body()).contains(reason);
        assertThat(System.getProperty(TableExtentTest.PWNED)).isNull();
        assertThat(rules.versions("pricing")).hasSize(versionsBefore);
        assertThat(rules.current().checksum()).isEqualTo(liveBefore);
    }
}
