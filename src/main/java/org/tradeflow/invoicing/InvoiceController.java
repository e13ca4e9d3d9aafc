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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "The invoices issued for dispatched shipments")
class InvoiceController {

    private final InvoiceRepository invoices;

    InvoiceController(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an invoice", description = "Who is billed for which order and shipment, each line at the "
            + "order's unit price, the total and the due date.")
    @ApiResponse(responseCode = "200", description = "The invoice", content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @Transactional(readOnly = true)
    InvoiceView get(@PathVariable long id) {
        return InvoiceView.of(invoices.findWithLines(id).orElseThrow(() -> new InvoiceNotFound(id)));
    }

    @GetMapping
    @Operation(summary = "Find invoices", description = "Newest first; every filter given must match.")
    @ApiResponse(responseCode = "200", description = "The invoices found (possibly none)", content = @Content(array = @ArraySchema(schema = @Schema(implementation = InvoiceView.Summary.class))))
    @Transactional(readOnly = true)
    List<InvoiceView.Summary> search(@Parameter(example = "ACME-DE") @RequestParam(required = false) @Size(max = 32) String accountCode,
                                     @Parameter(description = "The order's id") @RequestParam(required = false) Long orderId,
                                     @RequestParam(required = false) InvoiceStatus status,
                                     @Parameter(description = "Due on or after", example = "2026-12-01") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                                     @Parameter(description = "Due on or before", example = "2026-12-31") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return invoices.search(accountCode, orderId, status, dueFrom, dueTo, PageRequest.of(page, size)).stream()
                .map(InvoiceView.Summary::of).toList();
    }
}
