package org.tradeflow.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.text.ParseException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Dates in query parameters are read like dates in bodies: YYYY-MM-DD with a four-digit year, nothing else; and a
 * GET names only parameters its endpoint takes.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new KnownQueryParameters()).addPathPatterns("/api/v1/**");
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(LocalDate.class, new Formatter<LocalDate>() {
            @Override
            public LocalDate parse(String text, Locale locale) throws ParseException {
                try {
                    return LocalDate.parse(text, StrictJsonConfiguration.DATE);
                } catch (DateTimeParseException e) {
                    throw new ParseException("a date is written YYYY-MM-DD", e.getErrorIndex());
                }
            }

            @Override
            public String print(LocalDate date, Locale locale) {
                return StrictJsonConfiguration.DATE.format(date);
            }
        });
    }
}
