package org.tradeflow.receivables;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tradeflow.intake.Idempotency;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Finance books what customers paid; each payment settles invoices and may release orders held for credit. */
@RestController
@RequestMapping("/api/v1/payments")
@Tag(name = "Receivables", description = "Payments received and what they settled")
class PaymentController {

    private final PaymentService payments;
    private final Idempotency idempotency;

    PaymentController(PaymentService payments, Idempotency idempotency) {
        this.payments = payments;
        this.idempotency = idempotency;
    }

    /** 201 when booked; 200 when the same Idempotency-Key booked this payment before (nothing is booked twice). */
    @PostMapping
    @Operation(summary = "Book a payment", description = "Applies the payment to the invoices it names or, without "
            + "allocations, to the account's unpaid invoices oldest due first; an invoice paid in full within its "
            + "discount period takes the early-payment discount. What settles nothing stays as the account's credit. "
            + "A bank reference is booked once per account.")
    @ApiResponse(responseCode = "201", description = "Booked", content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @ApiResponse(responseCode = "200", description = "The same Idempotency-Key booked this payment before: nothing is booked again", headers = @Header(name = "Idempotent-Replayed", description = "true"), content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    ResponseEntity<PaymentView> receive(@Valid @RequestBody PaymentRequest request,
                                        @Parameter(example = "BANK-2026-12-02-0042")
                                        @RequestHeader(name = "Idempotency-Key", required = false)
                                        @Size(max = 128) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces") String idempotencyKey,
                                        Authentication caller) {
        List<PaymentService.NewAllocation> allocations = request.allocations() == null ? List.of()
                : request.allocations().stream().map(a -> new PaymentService.NewAllocation(a.invoiceId(), a.amount())).toList();
        PaymentService.NewPayment payment = new PaymentService.NewPayment(request.accountCode(), request.amount(),
                request.currency(), request.valueDate(), request.reference(), allocations);
        PaymentService.Booked booked = idempotency.retryingOnRace(() -> payments.receive(payment, caller.getName(), idempotencyKey));
        if (booked.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(booked.payment());
        }
        return ResponseEntity.created(URI.create("/api/v1/payments/" + booked.payment().id())).body(booked.payment());
    }

    @PostMapping("/{id}/refunds")
    @Operation(summary = "Refund unapplied credit", description = "Pays part of what the payment left as credit back to "
            + "the customer, under the reference of the outgoing transfer (once per payment).")
    @ApiResponse(responseCode = "200", description = "The payment with its refunds", content = @Content(schema = @Schema(implementation = PaymentView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    PaymentView refund(@PathVariable long id, @Valid @RequestBody RefundRequest request, Authentication caller) {
        return payments.refund(id, request.amount(), request.reference(), caller.getName());
    }

    @Schema(example = """
            {"amount": 20.00, "reference": "REFUND-2026-0017"}""")
    record RefundRequest(@NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal amount,
                         @NotBlank @Size(max = 140) @Pattern(regexp = "[\\x20-\\x7E]+", message = "must be printable ASCII") String reference) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a payment", description = "What came in, what it settled of which invoice, and the credit left.")
    @ApiResponse(responseCode = "200", description = "The payment", content = @Content(schema = @Schema(implementation = PaymentView.class)))
    PaymentView get(@PathVariable long id) {
        return payments.get(id);
    }

    @Schema(example = """
            {"accountCode": "PACIFIC-US", "amount": 1500.00, "currency": "USD", "valueDate": "2026-12-01",
             "reference": "WIRE-20261201-7731"}""")
    record PaymentRequest(@NotBlank @Size(max = 32) String accountCode,
                          @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal amount,
                          @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
                          @NotNull LocalDate valueDate,
                          /** The bank's reference of the credit: booked once per account. */
                          @NotBlank @Size(max = 140) @Pattern(regexp = "[\\x20-\\x7E]+", message = "must be printable ASCII") String reference,
                          /** Which invoices it pays; none to apply it oldest due first. */
                          @Size(max = 1000) List<@NotNull @Valid AllocationRequest> allocations) {
    }

    @Schema(name = "PaymentAllocationRequest")
    record AllocationRequest(@NotNull Long invoiceId,
                             @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal amount) {
    }
}
