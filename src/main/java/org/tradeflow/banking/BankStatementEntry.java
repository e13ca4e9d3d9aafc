package org.tradeflow.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.tradeflow.business.StateConflict;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One booked credit of a statement and what became of it: booked as a payment at import (MATCHED), left for finance
 * (UNMATCHED), then booked by a person (MATCHED_BY_HAND) or set aside with a reason (IGNORED). Decided once.
 */
@Entity
@Table(name = "bank_statement_entry")
class BankStatementEntry {

    enum Status { MATCHED, UNMATCHED, MATCHED_BY_HAND, IGNORED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "statement_id")
    private BankStatement statement;
    private int lineNo;
    @Column(precision = 19, scale = 4)
    private BigDecimal amount;
    private String currency;
    private LocalDate valueDate;
    private String bankReference;
    private String payerName;
    private String remittance;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String matchNote;
    private Long paymentId;
    private String accountCode;
    private String invoiceNumber;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionComment;

    protected BankStatementEntry() {
    }

    BankStatementEntry(BankStatement statement, int lineNo, BigDecimal amount, String currency, LocalDate valueDate,
                       String bankReference, String payerName, String remittance) {
        this.statement = statement;
        this.lineNo = lineNo;
        this.amount = amount;
        this.currency = currency;
        this.valueDate = valueDate;
        this.bankReference = bankReference;
        this.payerName = payerName;
        this.remittance = remittance;
    }

    void matched(String accountCode, String invoiceNumber, long paymentId, String how) {
        this.status = Status.MATCHED;
        this.accountCode = accountCode;
        this.invoiceNumber = invoiceNumber;
        this.paymentId = paymentId;
        this.matchNote = how;
    }

    void unmatched(String why) {
        this.status = Status.UNMATCHED;
        this.matchNote = why;
    }

    void matchedByHand(String accountCode, String invoiceNumber, long paymentId, String by, Instant at, String comment) {
        undecided();
        this.status = Status.MATCHED_BY_HAND;
        this.accountCode = accountCode;
        this.invoiceNumber = invoiceNumber;
        this.paymentId = paymentId;
        decided(by, at, comment);
    }

    void ignored(String by, Instant at, String comment) {
        undecided();
        this.status = Status.IGNORED;
        decided(by, at, comment);
    }

    /** Only what the import left for a person is decided by one, and only once. */
    void undecided() {
        if (status != Status.UNMATCHED) {
            throw new StateConflict("bank-statement-entry.decided", "Line " + lineNo + " of statement "
                    + statement.getStatementId() + " is " + status + " already" + (decidedBy == null ? "" : ", by " + decidedBy));
        }
    }

    private void decided(String by, Instant at, String comment) {
        this.decidedBy = by;
        this.decidedAt = at;
        this.decisionComment = comment;
    }

    Long getId() { return id; }
    BankStatement getStatement() { return statement; }
    int getLineNo() { return lineNo; }
    BigDecimal getAmount() { return amount; }
    String getCurrency() { return currency; }
    LocalDate getValueDate() { return valueDate; }
    String getBankReference() { return bankReference; }
    String getPayerName() { return payerName; }
    String getRemittance() { return remittance; }
    Status getStatus() { return status; }
    String getMatchNote() { return matchNote; }
    Long getPaymentId() { return paymentId; }
    String getAccountCode() { return accountCode; }
    String getInvoiceNumber() { return invoiceNumber; }
    String getDecidedBy() { return decidedBy; }
    Instant getDecidedAt() { return decidedAt; }
    String getDecisionComment() { return decisionComment; }
}
