package org.tradeflow.invoicing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

/** The order desk asks for credit when a customer disputes a price; a sales manager decides in Tasklist. */
@RestController
@Tag(name = "Invoices")
class PriceCorrectionController {

    private final PriceCorrections corrections;

    PriceCorrectionController(PriceCorrections corrections) {
        this.corrections = corrections;
    }

    @PostMapping("/api/v1/invoices/{id}/price-corrections")
    @Operation(summary = "Ask for a price correction", description = "Credit for lines the invoice charged too much for, "
            + "without goods coming back: each line names the price it should have had, for all units billed or some. "
            + "A sales manager other than the one asking approves or rejects it in Tasklist (*Approve price correction*); "
            + "approved, it issues a credit note (series CRN) at the invoice's tax, which settles the invoice first.")
    @ApiResponse(responseCode = "201", description = "Asked; waiting for a sales manager", content = @Content(schema = @Schema(implementation = PriceCorrectionView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    ResponseEntity<PriceCorrectionView> request(@PathVariable long id, @Valid @RequestBody PriceCorrectionRequest request,
                                                Authentication caller) {
        PriceCorrectionView correction = corrections.request(id, request.reason(), request.lines().stream()
                .map(line -> new PriceCorrections.CorrectedLine(line.orderLineNo(), line.unitPrice(), line.quantity())).toList(),
                caller.getName());
        return ResponseEntity.created(URI.create("/api/v1/price-corrections/" + correction.id())).body(correction);
    }

    @GetMapping("/api/v1/price-corrections/{id}")
    @Operation(summary = "Read a price correction", description = "What it credits, who asked and decided, and its credit note once approved.")
    @ApiResponse(responseCode = "200", description = "The price correction", content = @Content(schema = @Schema(implementation = PriceCorrectionView.class)))
    PriceCorrectionView get(@PathVariable long id) {
        return corrections.get(id);
    }

    @Schema(example = """
            {"reason": "Contract price 11.90 was not applied", "lines": [{"orderLineNo": 1, "unitPrice": 11.90}]}""")
    record PriceCorrectionRequest(@NotBlank @Size(max = 500) String reason,
                                  @NotEmpty @Size(max = 1000) List<@NotNull @Valid CorrectedLineRequest> lines) {
    }

    @Schema(name = "PriceCorrectionLineRequest")
    record CorrectedLineRequest(@NotNull @Positive Integer orderLineNo,
                                @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitPrice,
                                /** Units to correct; all the invoice billed when left out. */
                                @Positive Integer quantity) {
    }
}
