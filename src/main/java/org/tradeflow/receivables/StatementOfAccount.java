package org.tradeflow.receivables;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tradeflow.business.InCurrency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What an account owes over a period: the balance it started with, each invoice, payment and discount taken in
 * the period (and credit notes) with the running balance, the closing balance, and how old the unpaid part is on the last day.
 */
@Schema(name = "StatementOfAccount")
public record StatementOfAccount(String accountCode, String accountName, String currency, LocalDate from, LocalDate to,
                                 BigDecimal openingBalance, List<Entry> entries, BigDecimal closingBalance, Ageing ageing)
        implements InCurrency {

    public enum Kind { INVOICE, CREDIT_NOTE, PAYMENT, DISCOUNT, REFUND }

    /** One movement of the balance: an invoice owed or credit refunded (debit), a credit note, a payment or a discount taken (credit). */
    @Schema(name = "StatementEntry")
    public record Entry(LocalDate date, Kind kind, String document, String description, BigDecimal debit,
                        BigDecimal credit, BigDecimal balance, LocalDate dueOn) {
    }

    /**
     * What is unpaid on the last day, by days past its due date ({@code current}: not due yet), and the payments
     * and credit notes not yet applied to any invoice; the buckets less the unapplied credit are the closing balance.
     */
    @Schema(name = "StatementAgeing")
    public record Ageing(BigDecimal current, BigDecimal days1To30, BigDecimal days31To60, BigDecimal days61To90,
                         BigDecimal over90, BigDecimal unappliedCredit) {
    }
}
