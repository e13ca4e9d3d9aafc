package org.tradeflow.orderdesk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tradeflow.order.OrderQueries;
import org.tradeflow.order.OrderView;

import java.time.LocalDate;
import java.util.List;

/** Changes after capture: calling an order off, fewer units, another delivery date, a substitute accepted or not. */
@RestController
@Tag(name = "Order desk", description = "Changes after capture: cancellation, fewer units, another date, substitutes")
class OrderChangeController {

    private final OrderCancellation cancellation;
    private final OrderChanges changes;
    private final Substitutions substitutions;
    private final OrderQueries queries;

    OrderChangeController(OrderCancellation cancellation, OrderChanges changes, Substitutions substitutions,
                          OrderQueries queries) {
        this.cancellation = cancellation;
        this.changes = changes;
        this.substitutions = substitutions;
        this.queries = queries;
    }

    /** The customer's answer to a proposed substitute (the same decision as the order desk's task). */
    @PostMapping("/api/v1/orders/{id}/substitution")
    @Operation(summary = "Answer a proposed substitution")
    @ApiResponse(responseCode = "200", description = "The order after the answer", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    OrderView answerSubstitution(@PathVariable long id, @Valid @RequestBody SubstitutionAnswer answer, Authentication caller) {
        substitutions.answer(id, answer.accept(), answer.comment() == null ? "no comment" : answer.comment(), caller.getName());
        return queries.view(id);
    }

    @Schema(example = """
            {"accept": true, "comment": "The customer takes the substitute"}""")
    record SubstitutionAnswer(@NotNull Boolean accept, @Size(max = 500) String comment) {
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    @Operation(summary = "Cancel an order", description = "Releases its stock and cancels its shipments not yet dispatched.")
    @ApiResponse(responseCode = "200", description = "The cancelled order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    OrderView cancel(@PathVariable long id, @Valid @RequestBody CancelRequest request, Authentication caller) {
        cancellation.cancel(id, request.reason(), caller.getName());
        return queries.view(id);
    }

    @PostMapping("/api/v1/orders/{id}/changes")
    @Operation(summary = "Change an order", description = "Fewer units on lines (0 drops a line) or another requested delivery date.")
    @ApiResponse(responseCode = "200", description = "The changed order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    OrderView change(@PathVariable long id, @Valid @RequestBody ChangeRequest request, Authentication caller) {
        changes.change(id, request.reason(), request.requestedDeliveryDate(), request.lines() == null ? List.of()
                : request.lines().stream().map(line -> new OrderChanges.LineChange(line.lineNo(), line.quantity())).toList(),
                caller.getName());
        return queries.view(id);
    }

    @Schema(example = """
            {"reason": "The customer called the order off"}""")
    record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    /** At least a new delivery date or one line; quantity 0 cancels the line. */
    @Schema(example = """
            {"reason": "The customer needs fewer", "lines": [{"lineNo": 1, "quantity": 12}]}""")
    record ChangeRequest(@NotBlank @Size(max = 500) String reason, LocalDate requestedDeliveryDate,
                         @Size(max = 5000) List<@NotNull @Valid LineChange> lines) {
        @AssertTrue(message = "name a new requestedDeliveryDate or at least one line")
        boolean isSomethingToChange() {
            return requestedDeliveryDate != null || (lines != null && !lines.isEmpty());
        }
    }

    record LineChange(@Min(1) int lineNo, @Min(0) @Max(1_000_000) int quantity) {
    }
}
