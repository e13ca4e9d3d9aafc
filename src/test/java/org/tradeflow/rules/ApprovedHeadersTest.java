package org.tradeflow.rules;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed tables match the code rows developers approved in rules/approved/. After a deliberate change
 * of a table's code rows, approve it with
 * {@code ./mvnw test -Dtest=ApprovedHeadersTest -Dtradeflow.approve-headers=true} and commit the header.
 */
class ApprovedHeadersTest {

    static List<RuleSource> tables() {
        return RuleSetRegistry.read(Path.of("decision-tables"), ".xlsx");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void tableCodeRowsAreTheApprovedOnes(RuleSource table) throws Exception {
        List<String> header = DecisionTableInspector.inspect(table.content()).header();
        Path approved = Path.of("rules", "approved", table.fileName().replace(".xlsx", ".header"));
        if (Boolean.getBoolean("tradeflow.approve-headers")) {
            Files.createDirectories(approved.getParent());
            Files.write(approved, header, StandardCharsets.UTF_8);
        }

        assertThat(Files.readAllLines(approved, StandardCharsets.UTF_8)).containsExactlyElementsOf(header);
        assertThat(DecisionTableInspector.inspect(table.content()).problems()).isEmpty();
    }
}
