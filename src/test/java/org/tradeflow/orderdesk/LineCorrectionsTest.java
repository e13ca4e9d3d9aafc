package org.tradeflow.orderdesk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the order desk writes in the exceptions form, read row by row; a row that is not a correction is named. */
class LineCorrectionsTest {

    @Test
    void quantitiesAndDropsOneARowBlankRowsIgnored() {
        LineCorrections corrections = LineCorrections.parse("line 3: quantity 24\r\n\n  Line 5 : DROP \nline 7:qty 1");

        assertThat(corrections.quantities()).isEqualTo(Map.of(3, 24, 7, 1));
        assertThat(corrections.dropped()).isEqualTo(List.of(5));
    }

    @Test
    void nothingWrittenIsNoCorrection() {
        assertThatThrownBy(() -> LineCorrections.parse(" \n ")).isInstanceOf(InvalidCorrection.class)
                .hasMessageContaining("No line corrections given");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "line 3 quantity 24|Row 1 ('line 3 quantity 24') is not a correction: write 'line 3: quantity 24' or 'line 5: drop'",
            "line 3: quantity 2.5|is not a correction",
            "line 3: quantity -1|is not a correction",
            "line 3: quantity 0|a quantity of 0 drops the line; write 'line 3: drop'",
            "line 3: quantity 1000001|at most 1000000 units a line",
            "line 3: drop\\nline 3: quantity 4|Row 2 ('line 3: quantity 4'): line 3 is corrected twice"})
    void anythingElseIsRefusedNamingTheRow(String text, String message) {
        assertThatThrownBy(() -> LineCorrections.parse(text.replace("\\n", "\n"))).isInstanceOf(InvalidCorrection.class)
                .hasMessageContaining(message);
    }
}
