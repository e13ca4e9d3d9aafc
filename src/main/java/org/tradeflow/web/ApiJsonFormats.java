package org.tradeflow.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tradeflow.business.InCurrency;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Currency;

/**
 * How responses write money and time, the same in a 201, its idempotent replay and every later GET (the first
 * holds values as calculated, the others as the database returns them):
 * <ul>
 * <li>an amount inside an {@link InCurrency} response has at least the currency's decimals (12.30 EUR, 1200 JPY),
 *     more only where the value really has them (a unit price of 0.4125 stays 0.4125);</li>
 * <li>an instant is ISO-8601 in UTC with exactly three fraction digits ({@code 2026-12-02T09:15:00.120Z}):
 *     Java's clock has nanoseconds, PostgreSQL keeps microseconds, a caller needs neither.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiJsonFormats {

    static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    @Bean
    Jackson2ObjectMapperBuilderCustomizer moneyAndTime() {
        return builder -> builder
                .serializerByType(BigDecimal.class, new Amount())
                .serializerByType(Instant.class, new Moment<>(Instant.class))
                .serializerByType(OffsetDateTime.class, new Moment<>(OffsetDateTime.class));
    }

    static String format(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static BigDecimal inCurrency(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException | NullPointerException unknown) {
            return amount;
        }
        if (digits < 0) {
            return amount; // gold, special drawing rights: no minor unit
        }
        return amount.setScale(Math.max(digits, amount.stripTrailingZeros().scale()));
    }

    static final class Amount extends StdSerializer<BigDecimal> {
        Amount() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator json, SerializerProvider provider) throws IOException {
            String currency = enclosingCurrency(json.getOutputContext());
            if (currency == null) {
                json.writeNumber(value);
            } else {
                json.writeNumber(inCurrency(value, currency).toPlainString());
            }
        }

        /** The currency of the nearest enclosing response that has one: an order line's is its order's. */
        private static String enclosingCurrency(JsonStreamContext context) {
            for (JsonStreamContext c = context; c != null; c = c.getParent()) {
                if (c.getCurrentValue() instanceof InCurrency inCurrency) {
                    return inCurrency.currency();
                }
            }
            return null;
        }
    }

    static final class Moment<T> extends StdSerializer<T> {
        Moment(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator json, SerializerProvider provider) throws IOException {
            Instant instant = value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
            json.writeString(format(instant));
        }
    }
}
