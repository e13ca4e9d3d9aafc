package org.tradeflow.banking;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A camt.053 statement of one of our bank accounts as finance imported it: known for good by the bank's statement
 * id, with the booked credits on it; what else it listed (debits, pending entries) is only counted.
 */
@Entity
@Table(name = "bank_statement")
class BankStatement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String messageId;
    private String statementId;
    private String accountIban;
    private String fingerprint;
    private String importedBy;
    private Instant importedAt;
    private int entryCount;
    private int skippedCount;
    @OneToMany(mappedBy = "statement", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    private List<BankStatementEntry> entries = new ArrayList<>();

    protected BankStatement() {
    }

    BankStatement(String messageId, String statementId, String accountIban, String fingerprint, int entryCount,
                  String importedBy, Instant importedAt) {
        this.messageId = messageId;
        this.statementId = statementId;
        this.accountIban = accountIban;
        this.fingerprint = fingerprint;
        this.entryCount = entryCount;
        this.importedBy = importedBy;
        this.importedAt = importedAt;
    }

    void add(BankStatementEntry entry) {
        entries.add(entry);
    }

    void skipped() {
        skippedCount++;
    }

    Long getId() { return id; }
    String getMessageId() { return messageId; }
    String getStatementId() { return statementId; }
    String getAccountIban() { return accountIban; }
    String getFingerprint() { return fingerprint; }
    String getImportedBy() { return importedBy; }
    Instant getImportedAt() { return importedAt; }
    int getEntryCount() { return entryCount; }
    int getSkippedCount() { return skippedCount; }
    List<BankStatementEntry> getEntries() { return entries; }
}
