package org.tradeflow.banking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tradeflow.intake.Idempotency;

import java.net.URI;

/** Finance imports the bank's camt.053 statements; the credits on them are booked as payments. */
@RestController
@RequestMapping("/api/v1/bank-statements")
@Tag(name = "Receivables")
class BankStatementController {

    private static final String EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
              <BkToCstmrStmt>
                <GrpHdr><MsgId>STMT-20261202-0001</MsgId><CreDtTm>2026-12-02T18:00:00+01:00</CreDtTm></GrpHdr>
                <Stmt>
                  <Id>DE89370400440532013000-2026-236</Id>
                  <CreDtTm>2026-12-02T18:00:00+01:00</CreDtTm>
                  <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
                  <Ntry>
                    <Amt Ccy="EUR">77.77</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <Sts>BOOK</Sts>
                    <BookgDt><Dt>2026-12-02</Dt></BookgDt>
                    <ValDt><Dt>2026-12-02</Dt></ValDt>
                    <AcctSvcrRef>2026120200004</AcctSvcrRef>
                    <NtryDtls><TxDtls>
                      <RltdPties><Dbtr><Nm>Unknown Payer SARL</Nm></Dbtr></RltdPties>
                      <RmtInf><Ustrd>see our letter</Ustrd></RmtInf>
                    </TxDtls></NtryDtls>
                  </Ntry>
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;

    private final BankStatements statements;
    private final Idempotency idempotency;

    BankStatementController(BankStatements statements, Idempotency idempotency) {
        this.statements = statements;
        this.idempotency = idempotency;
    }

    /** 201 when imported; 200 when this statement was imported before (nothing is booked again). */
    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    @Operation(summary = "Import a bank statement", description = "The body is a camt.053 file (ISO 20022, versions "
            + "001.02 to 001.08) of one statement, at most the API's request size (2 MB by default). Each booked credit "
            + "(CRDT, BOOK) is matched: by the invoice numbers its remittance names, else by the one open invoice of "
            + "exactly its amount (or that less its early-payment discount), told apart by the payer's name; matched, it "
            + "is booked as a payment of that account, in this call. A credit that cannot be matched becomes a *Match "
            + "payment* task for finance in Tasklist. Debits and pending entries are skipped and counted. The statement "
            + "is known by its id and account IBAN: sent again, the first import is the answer and nothing is booked "
            + "twice. XML with a DOCTYPE, entities or external references is refused; every refusal names the XML path.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string", example = EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_XML_VALUE, schema = @Schema(type = "string"))}))
    @ApiResponse(responseCode = "201", description = "Imported: each credit booked or waiting for finance", content = @Content(schema = @Schema(implementation = BankStatementView.class)))
    @ApiResponse(responseCode = "200", description = "Imported before: the first import, nothing booked again", headers = @Header(name = "Idempotent-Replayed", description = "true"), content = @Content(schema = @Schema(implementation = BankStatementView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    ResponseEntity<BankStatementView> importStatement(@RequestBody(required = false) byte[] xml, Authentication caller) {
        BankStatements.Imported imported = idempotency.retryingOnRace(() -> statements.importStatement(xml, caller.getName()));
        if (imported.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(imported.statement());
        }
        return ResponseEntity.created(URI.create("/api/v1/bank-statements/" + imported.statement().id())).body(imported.statement());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an imported bank statement", description = "Each booked credit on it: matched and booked, "
            + "waiting for finance, matched by hand or ignored, with the payment it booked.")
    @ApiResponse(responseCode = "200", description = "The statement", content = @Content(schema = @Schema(implementation = BankStatementView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    BankStatementView get(@PathVariable long id) {
        return statements.get(id);
    }
}
