package org.tradeflow.dunning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An overdue invoice's reminders and letters, and the customer's dispute that pauses them. */
@RestController
@RequestMapping("/api/v1/invoices/{id}")
@Tag(name = "Invoices")
class DunningController {

    private final DunningService dunning;
    private final DunningLetter letters;

    DunningController(DunningService dunning, DunningLetter letters) {
        this.dunning = dunning;
        this.letters = letters;
    }

    @GetMapping("/dunning-notices")
    @Operation(summary = "Read an invoice's dunning", description = "The reminders the daily dunning run sent for the invoice, "
            + "as dunning.xlsx decided each (fee, interest, pay-by day, whether it holds the account's new orders, whether it is "
            + "the final notice finance calls about), the open dispute that pauses dunning, and whether the invoice holds orders now.")
    @ApiResponse(responseCode = "200", description = "The invoice's dunning (no reminders yet: level 0)",
            content = @Content(schema = @Schema(implementation = DunningView.class)))
    DunningView notices(@PathVariable long id) {
        return dunning.view(id);
    }

    @GetMapping(value = "/dunning-notices/{level}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Read a reminder", description = "One reminder of the invoice by its level. `Accept: application/pdf` "
            + "gives the letter the customer was sent, as PDF/A-3b, rendered again from the recorded figures.")
    @ApiResponse(responseCode = "200", description = "The reminder", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DunningView.Notice.class)),
            @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary",
                    description = "PDF/A-3b, fonts embedded"))})
    DunningView.Notice notice(@PathVariable long id, @PathVariable int level) {
        return DunningView.Notice.of(dunning.letter(id, level).notice());
    }

    @GetMapping(value = "/dunning-notices/{level}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(hidden = true) // documented with notice: one operation, two representations
    ResponseEntity<byte[]> letter(@PathVariable long id, @PathVariable int level) {
        DunningService.Letter letter = dunning.letter(id, level);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(letter.notice().invoiceNumber() + "-reminder-" + level + ".pdf").build().toString())
                .body(letters.render(letter.invoice(), letter.notice()));
    }

    @PostMapping("/dispute")
    @Operation(summary = "Dispute an invoice", description = "The customer disputes the invoice: its dunning pauses (no further "
            + "reminder; a pending finance call ends) and it no longer holds the account's orders, which the credit check "
            + "releases if nothing else holds them. Asking again while the dispute is open answers it unchanged (200).")
    @ApiResponse(responseCode = "201", description = "Disputed", content = @Content(schema = @Schema(implementation = DunningView.Dispute.class)))
    @ApiResponse(responseCode = "200", description = "Disputed already: the open dispute", content = @Content(schema = @Schema(implementation = DunningView.Dispute.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    ResponseEntity<DunningView.Dispute> dispute(@PathVariable long id, @Valid @RequestBody DisputeRequest request, Authentication caller) {
        DunningService.Disputed disputed = dunning.dispute(id, request.reason(), caller.getName());
        return ResponseEntity.status(disputed.opened() ? HttpStatus.CREATED : HttpStatus.OK).body(disputed.dispute());
    }

    @DeleteMapping("/dispute")
    @Operation(summary = "Lift an invoice's dispute", description = "Finance settled the dispute: dunning goes on from the "
            + "invoice's level at the next run. Without an open dispute nothing changes.")
    @ApiResponse(responseCode = "204", description = "No dispute is open")
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    ResponseEntity<Void> lift(@PathVariable long id, Authentication caller) {
        dunning.liftDispute(id, caller.getName());
        return ResponseEntity.noContent().build();
    }

    @Schema(name = "DisputeRequest", example = """
            {"reason": "Goods arrived damaged; customer withholds payment until replaced"}""")
    record DisputeRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
