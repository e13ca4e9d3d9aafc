package org.tradeflow.invoicing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free document numbers per series and year (V20): the counter row is incremented in the caller's transaction,
 * so a rollback gives the number back and the next document takes it. The row stays locked until that transaction
 * ends, so draw the number as late in it as possible.
 */
@Component
class DocumentNumbers {

    /** The series of invoices for goods and services delivered. */
    static final String INVOICES = "INV";
    /** Credit notes, numbered apart from the invoices they correct. */
    static final String CREDIT_NOTES = "CRN";

    private final JdbcTemplate jdbc;

    DocumentNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the series in that year, such as INV-2026-000001. */
    @Transactional(propagation = Propagation.MANDATORY)
    String next(String series, int year) {
        Long number = jdbc.queryForObject("""
                insert into document_number_series (series, year, last_number) values (?, ?, 1)
                on conflict (series, year) do update set last_number = document_number_series.last_number + 1
                returning last_number""", Long.class, series, year);
        return "%s-%d-%06d".formatted(series, year, number);
    }
}
