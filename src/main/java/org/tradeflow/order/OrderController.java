package org.tradeflow.order;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tradeflow.intake.Idempotency;

import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "Capture sales orders exactly once and read them back")
class OrderController {

    private final OrderIntake intake;
    private final OrderRepository orders;
    private final OrderQueries queries;
    private final OrderProcessProblems processProblems;
    private final Idempotency idempotency;

    OrderController(OrderIntake intake, OrderRepository orders, OrderQueries queries, OrderProcessProblems processProblems,
                    Idempotency idempotency) {
        this.intake = intake;
        this.orders = orders;
        this.queries = queries;
        this.processProblems = processProblems;
        this.idempotency = idempotency;
    }

    /** 201 with a new order; 200 with the first order when this is a resubmission of it. */
    @PostMapping
    @Operation(summary = "Submit an order", description = "Prices the lines with the live rules and starts the order's "
            + "process. A resubmission (the same Idempotency-Key, or the same account and customer PO) with the same "
            + "content answers with the first order; with other content it is refused.")
    @ApiResponse(responseCode = "201", description = "Order captured; Location names it", headers = @Header(name = "Location", description = "/api/v1/orders/{id}"), content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "200", description = "A resubmission of an earlier order: that order, with the header Idempotent-Replayed: true", headers = @Header(name = "Idempotent-Replayed", description = "true"), content = @Content(schema = @Schema(implementation = OrderView.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    ResponseEntity<OrderView> submit(@Valid @RequestBody OrderRequest request,
                                     @Parameter(description = "Chosen by the caller, up to 128 printable ASCII characters; "
                                             + "the same key with the same body answers with the first order", example = "ERP-4711-1")
                                     @RequestHeader(name = "Idempotency-Key", required = false)
                                     @Size(max = 128) @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces") String idempotencyKey,
                                     Authentication caller) {
        OrderIntake.Submission submission = idempotency.retryingOnRace(
                () -> intake.submit(request, idempotencyKey, caller.getName()));
        OrderView view = queries.view(submission.order().getId());
        if (!submission.created()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view);
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(view.id()).toUri()).body(view);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an order", description = "Its lines with the price rule and explanation behind each, "
            + "shipments, invoices, what is stuck in its processes, and its history.")
    @ApiResponse(responseCode = "200", description = "The order", content = @Content(schema = @Schema(implementation = OrderView.class)))
    OrderView get(@PathVariable long id) {
        return queries.view(id);
    }

    /** {@code processProblems=true}: only orders whose processes have a failing job or an incident. */
    @GetMapping
    @Operation(summary = "Find orders", description = "Newest first; every filter given must match.")
    @ApiResponse(responseCode = "200", description = "The orders found (possibly none)", content = @Content(array = @ArraySchema(schema = @Schema(implementation = OrderView.Summary.class))))
    List<OrderView.Summary> search(@Parameter(example = "ACME-DE") @RequestParam(required = false) @Size(max = 32) String accountCode,
                                   @RequestParam(required = false) OrderStatus status,
                                   @Parameter(description = "Exact order number", example = "SO-100001") @RequestParam(required = false) @Size(max = 32) String orderNumber,
                                   @Parameter(description = "Exact customer PO number", example = "PO-2026-0412") @RequestParam(required = false) @Size(max = 64) String customerPoNumber,
                                   @Parameter(description = "Only orders whose processes have a failing job or an incident") @RequestParam(defaultValue = "false") boolean processProblems,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<SalesOrder> found;
        if (processProblems) {
            Set<String> stuck = this.processProblems.orderNumbers();
            found = stuck.isEmpty() ? List.of() : orders.searchAmong(accountCode, status, orderNumber, customerPoNumber, stuck, PageRequest.of(page, size));
        } else {
            found = orders.search(accountCode, status, orderNumber, customerPoNumber, PageRequest.of(page, size));
        }
        return found.stream().map(OrderView.Summary::of).toList();
    }
}
