package org.tradeflow.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Request bodies are read exactly as written: a field appears once, the document ends where it ends, a whole
 * number is a whole number (not 1.5, "12", 6.0 or 1E3), text is text (never a number turned into text), a date
 * is a plain calendar date (2026-12-24, four-digit year), and no text carries control characters such as NUL
 * (PostgreSQL refuses them; a person never means them). Anything else is refused naming the field, before
 * anything is written.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    /** Calendar dates of business: four-digit years only, checked strictly (no 2026-02-30). */
    static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .appendValue(ChronoField.YEAR, 4).appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJson() {
        return builder -> builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // registered after the well-known modules (Java time among them), so these win
                .deserializerByType(String.class, new PlainText())
                .deserializerByType(LocalDate.class, new CalendarDate())
                .postConfigurer(mapper -> {
                    for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
                            LogicalType.Textual, LogicalType.Enum}) {
                        mapper.coercionConfigFor(type)
                                .setCoercion(CoercionInputShape.String, type == LogicalType.Textual || type == LogicalType.Enum
                                        ? CoercionAction.TryConvert : CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                                        ? CoercionAction.TryConvert : CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                                        ? CoercionAction.TryConvert : CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                                        ? CoercionAction.TryConvert : CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, type == LogicalType.Textual
                                        ? CoercionAction.TryConvert : CoercionAction.Fail);
                    }
                });
    }

    /** Text only from a JSON string, and never with control characters other than tab and line breaks. */
    static final class PlainText extends StdScalarDeserializer<String> {
        PlainText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            int bad = RequestText.firstControlCharacter(text);
            if (bad >= 0) {
                throw context.weirdStringException(text, String.class,
                        "contains the control character U+" + String.format("%04X", (int) text.charAt(bad)));
            }
            return text;
        }
    }

    /** 2026-12-24 and nothing else: no +999999-01-01, no 2026-2-3, no timestamps. */
    static final class CalendarDate extends StdScalarDeserializer<LocalDate> {
        CalendarDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            try {
                return LocalDate.parse(parser.getText(), DATE);
            } catch (DateTimeParseException e) {
                throw context.weirdStringException(parser.getText(), LocalDate.class, "a date is written YYYY-MM-DD");
            }
        }
    }
}
