package org.tradeflow.invoicing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "The invoices issued for dispatched shipments, and the credit notes that correct them")
class InvoiceController {

    private final InvoiceViews views;
    private final InvoicePdf pdf;
    private final UblInvoice ubl;

    InvoiceController(InvoiceViews views, InvoicePdf pdf, UblInvoice ubl) {
        this.views = views;
        this.pdf = pdf;
        this.ubl = ubl;
    }

    /**
     * One invoice in three representations, by the Accept header. Accepting anything (or sending no Accept) gets
     * JSON: Spring ranks equally specific media types by name, and application/json comes first (a test keeps it so).
     * Accepting none of them is a 406 that names all three.
     */
    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Read an invoice", description = "Who is billed for which order and shipment, each line at the "
            + "order's unit price with its tax, the tax per category and rate, the totals, the terms and the due date. "
            + "The same invoice as a document: `Accept: application/pdf` for a PDF/A-3b to print and archive, "
            + "`Accept: application/xml` for a UBL 2.1 invoice (Peppol BIS Billing 3.0, EN 16931).")
    @ApiResponse(responseCode = "200", description = "The invoice", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = InvoiceView.class)),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary",
                    description = "PDF/A-3b, fonts embedded")),
            @Content(mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string",
                    description = "UBL 2.1 Invoice, Peppol BIS Billing 3.0"))})
    @ApiResponse(responseCode = "406", description = "None of the accepted media types: JSON, PDF or XML",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    InvoiceView get(@PathVariable long id) {
        return views.byId(id);
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(hidden = true) // documented with get: one operation, three representations
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        InvoiceView invoice = views.byId(id);
        return document(invoice, MediaType.APPLICATION_PDF, ".pdf", pdf.render(invoice));
    }

    @GetMapping(value = "/{id}", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(hidden = true) // documented with get
    ResponseEntity<byte[]> ubl(@PathVariable long id) {
        InvoiceView invoice = views.byId(id);
        return document(invoice, MediaType.APPLICATION_XML, ".xml", ubl.write(invoice));
    }

    /** Shown in the browser, saved under the invoice's number. */
    private static ResponseEntity<byte[]> document(InvoiceView invoice, MediaType type, String extension, byte[] content) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(invoice.invoiceNumber() + extension).build().toString())
                .body(content);
    }

    @GetMapping
    @Operation(summary = "Find invoices", description = "Newest first; every filter given must match.")
    @ApiResponse(responseCode = "200", description = "The invoices found (possibly none)", content = @Content(array = @ArraySchema(schema = @Schema(implementation = InvoiceView.Summary.class))))
    List<InvoiceView.Summary> search(@Parameter(example = "ACME-DE") @RequestParam(required = false) @Size(max = 32) String accountCode,
                                     @Parameter(description = "The order's id") @RequestParam(required = false) Long orderId,
                                     @Parameter(description = "Invoices or credit notes only") @RequestParam(required = false) DocumentType documentType,
                                     @Parameter(description = "As reported today: OVERDUE is any invoice not paid in full past its due date; OPEN and PARTIALLY_PAID are those not yet due") @RequestParam(required = false) InvoiceStatus status,
                                     @Parameter(description = "Due on or after", example = "2026-12-01") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                                     @Parameter(description = "Due on or before", example = "2026-12-31") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return views.search(accountCode, orderId, documentType, status, dueFrom, dueTo, PageRequest.of(page, size));
    }
}
