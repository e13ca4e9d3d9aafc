package org.tradeflow.banking;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tradeflow.business.InCurrency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An imported bank statement as the API shows it: each booked credit on it and what became of it. */
@Schema(name = "BankStatement")
public record BankStatementView(long id, String messageId, String statementId, String accountIban, String importedBy,
                                Instant importedAt,
                                @Schema(description = "Entries in the file") int entryCount,
                                @Schema(description = "Entries that are no booked credit (debits, pending entries): not stored") int skippedCount,
                                int matchedCount,
                                @Schema(description = "Credits waiting for finance in a Match payment task") int unmatchedCount,
                                List<Entry> entries) {

    /** A booked credit: its line in the file, what the bank says of it, and how it was matched. */
    @Schema(name = "BankStatementEntry")
    public record Entry(long id, @Schema(description = "The entry's place in the file (Ntry[n])") int lineNo,
                        BigDecimal amount, String currency, LocalDate valueDate, String bankReference, String payerName,
                        String remittance,
                        @Schema(allowableValues = {"MATCHED", "UNMATCHED", "MATCHED_BY_HAND", "IGNORED"}) String status,
                        @Schema(description = "How it was matched, or why a person has to") String matchNote,
                        String accountCode, String invoiceNumber,
                        @Schema(description = "The payment it booked") Long paymentId,
                        String decidedBy, Instant decidedAt, String decisionComment) implements InCurrency {

        static Entry of(BankStatementEntry entry) {
            return new Entry(entry.getId(), entry.getLineNo(), entry.getAmount(), entry.getCurrency(), entry.getValueDate(),
                    entry.getBankReference(), entry.getPayerName(), entry.getRemittance(), entry.getStatus().name(),
                    entry.getMatchNote(), entry.getAccountCode(), entry.getInvoiceNumber(), entry.getPaymentId(),
                    entry.getDecidedBy(), entry.getDecidedAt(), entry.getDecisionComment());
        }
    }

    static BankStatementView of(BankStatement statement) {
        List<Entry> entries = statement.getEntries().stream().map(Entry::of).toList();
        int matched = (int) statement.getEntries().stream().filter(e -> e.getStatus() == BankStatementEntry.Status.MATCHED
                || e.getStatus() == BankStatementEntry.Status.MATCHED_BY_HAND).count();
        int unmatched = (int) statement.getEntries().stream().filter(e -> e.getStatus() == BankStatementEntry.Status.UNMATCHED).count();
        return new BankStatementView(statement.getId(), statement.getMessageId(), statement.getStatementId(),
                statement.getAccountIban(), statement.getImportedBy(), statement.getImportedAt(), statement.getEntryCount(),
                statement.getSkippedCount(), matched, unmatched, entries);
    }
}
