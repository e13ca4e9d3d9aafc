package org.tradeflow.banking;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.business.BusinessException.FieldError;
import org.tradeflow.business.InvalidInput;
import org.tradeflow.business.NotFound;
import org.tradeflow.business.StateConflict;
import org.tradeflow.intake.Idempotency;
import org.tradeflow.invoicing.InvoiceDocuments;
import org.tradeflow.receivables.PaymentService;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports finance's camt.053 statements: each booked credit is matched to the invoices it pays ({@link PaymentMatching})
 * and booked as a payment in the import's transaction; what cannot be matched becomes a Match payment task, whose
 * decision books it here too. A statement is imported once: sent again, it is answered with the first import.
 */
@Service
public class BankStatements {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}");
    /** ISO 20022 Max35Text: message and statement ids. */
    private static final int MAX_ID = 35;
    private static final int MAX_REFERENCE = 140;
    private static final int MAX_PAYER = 140;
    private static final int MAX_REMITTANCE = 500;
    private static final int MAX_COMMENT = 2000;

    private final BankStatementRepository statements;
    private final InvoiceDocuments invoices;
    private final PaymentService payments;
    private final MatchPaymentWorkflow workflow;
    private final Clock clock;

    BankStatements(BankStatementRepository statements, InvoiceDocuments invoices, PaymentService payments,
                   MatchPaymentWorkflow workflow, Clock clock) {
        this.statements = statements;
        this.invoices = invoices;
        this.payments = payments;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** The statement as imported now, or ({@code replayed}) as the first import of it stored it. */
    public record Imported(BankStatementView statement, boolean replayed) {
    }

    /** What finance sees in a Match payment task: the credit as the bank reported it, and why it was not matched. */
    public record UnmatchedCredit(long entryId, String statementId, int lineNo, BigDecimal amount, String currency,
                                  LocalDate valueDate, String payerName, String remittance, String why) {
    }

    /**
     * Reads the file (refused whole, naming the XML path, if anything needed is wrong), stores the statement first (a
     * concurrent import of the same statement waits on its unique key, then finds this one) and books each credit.
     */
    @Transactional
    public Imported importStatement(byte[] xml, String user) {
        if (xml == null || xml.length == 0) {
            throw new InvalidInput(CamtParser.FIELD, "is empty: send the camt.053 file as the request body");
        }
        CamtStatement statement = CamtParser.parse(new ByteArrayInputStream(xml));
        check(statement);
        String fingerprint = fingerprint(statement);
        Optional<BankStatement> earlier = statements.findByAccountIbanAndStatementId(statement.accountIban(), statement.statementId());
        if (earlier.isPresent()) {
            if (!earlier.get().getFingerprint().equals(fingerprint)) {
                throw new StateConflict("bank-statement.different", "Statement " + statement.statementId() + " of "
                        + statement.accountIban() + " was imported on " + earlier.get().getImportedAt() + " by "
                        + earlier.get().getImportedBy() + " with other entries; a statement is never imported twice");
            }
            return new Imported(BankStatementView.of(earlier.get()), true);
        }
        BankStatement stored = statements.saveAndFlush(new BankStatement(statement.messageId(), statement.statementId(),
                statement.accountIban(), fingerprint, statement.entries().size(), user, clock.instant()));
        List<BankStatementEntry> unmatched = new ArrayList<>();
        for (CamtStatement.Entry credit : statement.entries()) {
            if (!credit.bookedCredit()) {
                stored.skipped();
                continue;
            }
            BankStatementEntry entry = new BankStatementEntry(stored, credit.index(), credit.amount(), credit.currency(),
                    credit.valueDate(), reference(statement, credit), bounded(credit.debtorName(), MAX_PAYER),
                    bounded(String.join(" / ", credit.remittance()), MAX_REMITTANCE));
            PaymentMatching.Outcome outcome = match(credit);
            if (outcome instanceof PaymentMatching.Matched matched) {
                book(entry, matched, user);
            } else {
                entry.unmatched(bounded(((PaymentMatching.NeedsMatching) outcome).why(), MAX_REMITTANCE));
                unmatched.add(entry);
            }
            stored.add(entry); // decided: until now the queries of matching and booking must not flush it
        }
        statements.flush(); // the entries' ids, for their tasks
        unmatched.forEach(entry -> workflow.start(new UnmatchedCredit(entry.getId(), stored.getStatementId(), entry.getLineNo(),
                entry.getAmount(), entry.getCurrency(), entry.getValueDate(), entry.getPayerName(), entry.getRemittance(),
                entry.getMatchNote())));
        return new Imported(BankStatementView.of(stored), false);
    }

    @Transactional(readOnly = true)
    public BankStatementView get(long statementId) {
        return BankStatementView.of(statements.findById(statementId).orElseThrow(() -> new BankStatementNotFound(statementId)));
    }

    /**
     * Finance's decision MATCH: the credit is booked for this account, paying the invoice named (at most what it
     * owes) or, without one, the account's invoices oldest due first. A wrong account or invoice is refused.
     */
    @Transactional
    public BankStatementView.Entry matchByHand(long entryId, String accountCode, String invoiceNumber, String user, String comment) {
        BankStatementEntry entry = statements.lockEntry(entryId).orElseThrow(() -> new EntryNotFound(entryId));
        entry.undecided();
        String account = accountCode == null ? "" : accountCode.strip();
        String invoice = invoiceNumber == null || invoiceNumber.isBlank() ? null : invoiceNumber.strip();
        if (account.isEmpty()) {
            throw new InvalidInput("accountCode", "say which account paid " + shown(entry) + " to match it");
        }
        List<PaymentService.NewAllocation> allocations = List.of();
        if (invoice != null) {
            InvoiceDocuments.Payable payable = invoices.payableByNumber(List.of(invoice), entry.getValueDate()).stream()
                    .findFirst().orElseThrow(() -> new InvalidInput("invoiceNumber", "'" + invoice + "' is no unpaid invoice"));
            if (!payable.accountCode().equals(account)) {
                throw new InvalidInput("invoiceNumber", invoice + " is an invoice of " + payable.accountCode() + ", not of " + account);
            }
            allocations = List.of(new PaymentService.NewAllocation(payable.invoiceId(), entry.getAmount().min(payable.cashToSettle())));
        }
        Optional<Long> before = payments.bookedUnder(account, entry.getBankReference());
        long paymentId = before.isPresent() ? before.get() : payments.receive(new PaymentService.NewPayment(account,
                entry.getAmount(), entry.getCurrency(), entry.getValueDate(), entry.getBankReference(), allocations), user, null)
                .payment().id();
        entry.matchedByHand(account, invoice, paymentId, user, clock.instant(), bounded(comment, MAX_COMMENT));
        return BankStatementView.Entry.of(entry);
    }

    /** Finance's decision IGNORE (not a customer's payment: a refund from a supplier, say): it needs a reason. */
    @Transactional
    public BankStatementView.Entry ignore(long entryId, String user, String comment) {
        BankStatementEntry entry = statements.lockEntry(entryId).orElseThrow(() -> new EntryNotFound(entryId));
        entry.undecided();
        String reason = bounded(comment, MAX_COMMENT);
        if (reason == null) {
            throw new InvalidInput("decisionComment", "say why " + shown(entry) + " is no customer payment to ignore it");
        }
        entry.ignored(user, clock.instant(), reason);
        return BankStatementView.Entry.of(entry);
    }

    private PaymentMatching.Outcome match(CamtStatement.Entry credit) {
        List<String> numbers = InvoiceReferences.in(credit.remittance());
        List<PaymentMatching.OpenInvoice> named = open(invoices.payableByNumber(numbers, credit.valueDate()));
        List<PaymentMatching.OpenInvoice> sameAmount = numbers.isEmpty()
                ? open(invoices.payableFor(credit.currency(), credit.amount(), credit.valueDate())) : List.of();
        return PaymentMatching.match(credit, numbers, PaymentMatching.byNumber(named), sameAmount);
    }

    /** Pays the matched invoices in the order the payer named them, each at most what settles it; the rest is credit. */
    private void book(BankStatementEntry entry, PaymentMatching.Matched matched, String user) {
        Optional<Long> before = payments.bookedUnder(matched.accountCode(), entry.getBankReference());
        if (before.isPresent()) {
            // posted by hand (POST /payments) or from another file before: matched to that payment, never booked twice
            entry.matched(matched.accountCode(), first(matched.invoiceNumbers()), before.get(),
                    "booked before as payment " + before.get());
            return;
        }
        Map<String, InvoiceDocuments.Payable> payable = new HashMap<>();
        invoices.payableByNumber(matched.invoiceNumbers(), entry.getValueDate()).forEach(p -> payable.put(p.invoiceNumber(), p));
        List<PaymentService.NewAllocation> allocations = new ArrayList<>();
        BigDecimal left = entry.getAmount();
        for (String number : matched.invoiceNumbers()) {
            BigDecimal cash = left.min(payable.get(number).cashToSettle());
            if (cash.signum() > 0) {
                allocations.add(new PaymentService.NewAllocation(payable.get(number).invoiceId(), cash));
                left = left.subtract(cash);
            }
        }
        long paymentId = payments.receive(new PaymentService.NewPayment(matched.accountCode(), entry.getAmount(),
                entry.getCurrency(), entry.getValueDate(), entry.getBankReference(), allocations), user, null).payment().id();
        entry.matched(matched.accountCode(), first(matched.invoiceNumbers()), paymentId, bounded(matched.how()
                + (matched.invoiceNumbers().size() > 1 ? ": " + String.join(", ", matched.invoiceNumbers()) : ""), MAX_REMITTANCE));
    }

    private static List<PaymentMatching.OpenInvoice> open(List<InvoiceDocuments.Payable> payable) {
        return payable.stream().map(p -> new PaymentMatching.OpenInvoice(p.invoiceNumber(), p.accountCode(), p.accountName(),
                p.currency(), p.amountDue(), p.cashToSettle())).toList();
    }

    /** What the parser leaves to the use of the statement: ids that fit, and credits that can be booked. */
    private static void check(CamtStatement statement) {
        List<FieldError> errors = new ArrayList<>();
        if (statement.accountIban() == null || !IBAN.matcher(statement.accountIban()).matches()) {
            errors.add(new FieldError("Document/BkToCstmrStmt/Stmt/Acct/Id/IBAN", "must be the IBAN of the account the statement is of"));
        }
        if (statement.statementId().length() > MAX_ID) {
            errors.add(new FieldError("Document/BkToCstmrStmt/Stmt/Id", "is longer than " + MAX_ID + " characters"));
        }
        if (statement.messageId() != null && statement.messageId().length() > MAX_ID) {
            errors.add(new FieldError("Document/BkToCstmrStmt/GrpHdr/MsgId", "is longer than " + MAX_ID + " characters"));
        }
        Map<String, Integer> references = new HashMap<>();
        for (CamtStatement.Entry entry : statement.entries()) {
            if (!entry.bookedCredit()) {
                continue;
            }
            int decimals = decimals(entry.currency());
            if (decimals < 0) {
                errors.add(new FieldError(entry.path() + "/Amt/@Ccy", entry.currency() + " is no ISO 4217 currency"));
            } else if (entry.amount().stripTrailingZeros().scale() > decimals) {
                errors.add(new FieldError(entry.path() + "/Amt", entry.amount().toPlainString() + " has more decimals than "
                        + entry.currency() + " (" + decimals + ")"));
            }
            String reference = entry.reference();
            if (reference != null && reference.length() > MAX_REFERENCE) {
                errors.add(new FieldError(entry.path() + "/AcctSvcrRef", "is longer than " + MAX_REFERENCE + " characters"));
            } else if (reference != null && references.putIfAbsent(reference, entry.index()) != null) {
                errors.add(new FieldError(entry.path() + "/AcctSvcrRef", "'" + reference + "' is the bank reference of Ntry["
                        + references.get(reference) + "] too: a credit is known by its reference"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static int decimals(String currency) {
        try {
            return Currency.getInstance(currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException unknown) {
            return -1;
        }
    }

    /** The bank's reference of the credit; without one, its place in this statement, which is as lasting. */
    private static String reference(CamtStatement statement, CamtStatement.Entry credit) {
        return credit.reference() != null ? credit.reference() : statement.statementId() + "/" + credit.index();
    }

    /** What the statement says about its entries, canonically: the same id with other entries is another file. */
    private static String fingerprint(CamtStatement statement) {
        String canonical = statement.entries().stream().map(e -> e.index() + "|" + e.credit() + "|" + e.status() + "|"
                        + e.amount().stripTrailingZeros().toPlainString() + "|" + e.currency() + "|" + e.valueDate() + "|" + e.reference())
                .collect(Collectors.joining("\n"));
        return Idempotency.fingerprint(canonical.getBytes(StandardCharsets.UTF_8));
    }

    private static String shown(BankStatementEntry entry) {
        return "the credit of " + entry.getAmount().stripTrailingZeros().toPlainString() + " " + entry.getCurrency()
                + " (line " + entry.getLineNo() + " of statement " + entry.getStatement().getStatementId() + ")";
    }

    private static String first(List<String> numbers) {
        return numbers.isEmpty() ? null : numbers.get(0);
    }

    private static String bounded(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }

    static final class BankStatementNotFound extends NotFound {
        BankStatementNotFound(long id) {
            super("bank-statement.not-found", "No bank statement " + id);
        }
    }

    static final class EntryNotFound extends NotFound {
        EntryNotFound(long id) {
            super("bank-statement-entry.not-found", "No bank statement entry " + id);
        }
    }
}
