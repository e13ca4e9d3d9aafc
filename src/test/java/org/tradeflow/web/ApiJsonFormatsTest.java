package org.tradeflow.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.tradeflow.business.InCurrency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiJsonFormatsTest {

    private final ObjectMapper json = json();

    record Line(BigDecimal unitPrice, BigDecimal netAmount) {
    }

    record Order(String currency, BigDecimal netTotal, List<Line> lines) implements InCurrency {
    }

    record Measurement(BigDecimal value) {
    }

    @Test
    void amountsCarryTheirCurrencysDecimalsDownToTheLines() throws Exception {
        String eur = json.writeValueAsString(new Order("EUR", new BigDecimal("12.3"),
                List.of(new Line(new BigDecimal("0.4125"), new BigDecimal("4.1250")))));
        String jpy = json.writeValueAsString(new Order("JPY", new BigDecimal("1200.0000"),
                List.of(new Line(new BigDecimal("100.0000"), new BigDecimal("1200")))));

        assertThat(eur).isEqualTo("{\"currency\":\"EUR\",\"netTotal\":12.30,\"lines\":[{\"unitPrice\":0.4125,\"netAmount\":4.125}]}");
        assertThat(jpy).isEqualTo("{\"currency\":\"JPY\",\"netTotal\":1200,\"lines\":[{\"unitPrice\":100,\"netAmount\":1200}]}");
    }

    @Test
    void numbersOutsideAnyCurrencyAreWrittenAsTheyAre() throws Exception {
        assertThat(json.writeValueAsString(new Measurement(new BigDecimal("2.500")))).isEqualTo("{\"value\":2.500}");
    }

    @Test
    void instantsAreUtcWithMillisecondsWhateverTheirPrecisionOrOffset() throws Exception {
        assertThat(json.writeValueAsString(Instant.parse("2026-12-02T09:15:00.123456789Z"))).isEqualTo("\"2026-12-02T09:15:00.123Z\"");
        assertThat(json.writeValueAsString(Instant.parse("2026-12-02T09:15:00Z"))).isEqualTo("\"2026-12-02T09:15:00.000Z\"");
        assertThat(json.writeValueAsString(OffsetDateTime.of(2026, 12, 2, 10, 15, 0, 120_500_000, ZoneOffset.ofHours(1))))
                .isEqualTo("\"2026-12-02T09:15:00.120Z\"");
    }

    private static ObjectMapper json() {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        new ApiJsonFormats().moneyAndTime().customize(builder);
        return builder.build();
    }
}
