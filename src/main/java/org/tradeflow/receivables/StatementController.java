package org.tradeflow.receivables;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** An account's statement, for the customer and for the credit controller: JSON, or CSV for a spreadsheet. */
@RestController
@Tag(name = "Receivables", description = "Payments received and what they settled")
class StatementController {

    static final String CSV = "text/csv";
    /** A cell a spreadsheet would run as a formula (CSV injection): shown as text instead. */
    private static final Pattern FORMULA = Pattern.compile("^[=+\\-@\\t\\r].*", Pattern.DOTALL);

    private final Statements statements;
    private final StatementPdf pdf;
    private final Clock clock;

    StatementController(Statements statements, StatementPdf pdf, Clock clock) {
        this.statements = statements;
        this.pdf = pdf;
        this.clock = clock;
    }

    @GetMapping(path = "/api/v1/accounts/{code}/statement", produces = "application/json")
    @Operation(summary = "Statement of account", description = "The opening balance, every invoice, payment and "
            + "early-payment discount of the period with the running balance, the closing balance, and the unpaid "
            + "amounts on the last day by days past due. As JSON, as CSV (Accept: text/csv) with one row a movement, or as a "
            + "PDF/A-3b to send the customer (Accept: application/pdf).")
    @ApiResponse(responseCode = "200", description = "The statement", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = StatementOfAccount.class)),
            @Content(mediaType = CSV, schema = @Schema(type = "string")),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary",
                    description = "PDF/A-3b, fonts embedded"))})
    StatementOfAccount statement(@PathVariable @Size(max = 32) String code,
                                 @Parameter(description = "First day; default the first of the last day's month", example = "2026-11-01")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @Parameter(description = "Last day; default today", example = "2026-11-30")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate last = to == null ? LocalDate.now(clock) : to;
        return statements.statement(code, from == null ? last.withDayOfMonth(1) : from, last);
    }

    /** The same statement for a spreadsheet: the opening balance, one row a movement, the closing balance. */
    @GetMapping(path = "/api/v1/accounts/{code}/statement", produces = CSV)
    ResponseEntity<String> statementAsCsv(@PathVariable @Size(max = 32) String code,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StatementOfAccount statement = statement(code, from, to);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"statement-" + statement.accountCode()
                        + "-" + statement.to() + ".csv\"")
                .body(csv(statement));
    }

    @GetMapping(path = "/api/v1/accounts/{code}/statement", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(hidden = true) // documented with statement: one operation, three representations
    ResponseEntity<byte[]> statementAsPdf(@PathVariable @Size(max = 32) String code,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StatementOfAccount statement = statement(code, from, to);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"statement-" + statement.accountCode()
                        + "-" + statement.to() + ".pdf\"")
                .body(pdf.render(statement));
    }

    private static String csv(StatementOfAccount statement) {
        StringWriter out = new StringWriter();
        String currency = statement.currency();
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("date", "kind", "document", "description", "debit", "credit", "balance", "due_on", "currency");
            csv.writeRecord(statement.from().toString(), "OPENING_BALANCE", "", "", "", "", Amounts.shown(statement.openingBalance(), currency),
                    "", statement.currency());
            for (StatementOfAccount.Entry entry : statement.entries()) {
                csv.writeRecord(entry.date().toString(), entry.kind().name(), text(entry.document()), text(entry.description()),
                        Amounts.shown(entry.debit(), currency), Amounts.shown(entry.credit(), currency), Amounts.shown(entry.balance(), currency),
                        entry.dueOn() == null ? "" : entry.dueOn().toString(), statement.currency());
            }
            csv.writeRecord(statement.to().toString(), "CLOSING_BALANCE", "", "", "", "", Amounts.shown(statement.closingBalance(), currency),
                    "", statement.currency());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Text a customer or bank wrote (a reference, a PO number) never starts a formula in the reader's spreadsheet. */
    private static String text(String value) {
        return value != null && FORMULA.matcher(value).matches() ? "'" + value : value;
    }
}
