package org.tradeflow.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tradeflow.intake.Idempotency;

import java.util.List;

/** Goods arrived: warehouses (or the order desk for them) book them here. */
@RestController
@Tag(name = "Inventory", description = "Goods receipts and stock counts")
class ReceiptController {

    private final ReceiptService receipts;
    private final Idempotency idempotency;

    ReceiptController(ReceiptService receipts, Idempotency idempotency) {
        this.receipts = receipts;
        this.idempotency = idempotency;
    }

    /** 201 when booked; 200 when the same Idempotency-Key booked these goods before (nothing is booked twice). */
    @PostMapping("/api/v1/receipts")
    @Operation(summary = "Book a goods receipt", description = "Books the goods into the warehouse's stock and wakes "
            + "the backorders waiting for them, highest allocation priority first.")
    @ApiResponse(responseCode = "201", description = "Booked; the orders woken, in the order they will be allocated", content = @Content(schema = @Schema(implementation = ReceiptService.Receipt.class)))
    @ApiResponse(responseCode = "200", description = "The same Idempotency-Key booked these goods before: nothing is booked again", headers = @Header(name = "Idempotent-Replayed", description = "true"), content = @Content(schema = @Schema(implementation = ReceiptService.Receipt.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    ResponseEntity<ReceiptService.Receipt> receive(@Valid @RequestBody ReceiptRequest request,
                                                   @RequestHeader(name = "Idempotency-Key", required = false)
                                                   @Size(max = 128) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces") String idempotencyKey,
                                                   Authentication caller) {
        List<ReceiptService.ReceivedLine> lines = request.lines().stream()
                .map(line -> new ReceiptService.ReceivedLine(line.sku(), line.quantity())).toList();
        ReceiptService.Receipt receipt = idempotency.retryingOnRace(
                () -> receipts.receive(request.warehouseCode(), request.reference(), lines, caller.getName(), idempotencyKey));
        return receipt.replayed() ? ResponseEntity.ok().header("Idempotent-Replayed", "true").body(receipt)
                : ResponseEntity.status(HttpStatus.CREATED).body(receipt);
    }

    @Schema(example = """
            {"warehouseCode": "WH-DE", "reference": "PO-SUP-2026-118", "lines": [{"sku": "85123A", "quantity": 120}]}""")
    record ReceiptRequest(@NotBlank @Size(max = 16) String warehouseCode,
                          /** The purchase order or delivery note the goods came with. */
                          @NotBlank @Size(max = 64) String reference,
                          @NotEmpty @Size(max = 1000) List<@NotNull @Valid Line> lines) {
    }

    @Schema(name = "ReceiptLine")
    record Line(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(1_000_000) int quantity) {
    }
}
