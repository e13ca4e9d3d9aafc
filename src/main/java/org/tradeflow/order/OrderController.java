package org.tradeflow.order;

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
    ResponseEntity<OrderView> submit(@Valid @RequestBody OrderRequest request,
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
    OrderView get(@PathVariable long id) {
        return queries.view(id);
    }

    /** {@code processProblems=true}: only orders whose processes have a failing job or an incident. */
    @GetMapping
    List<OrderView.Summary> search(@RequestParam(required = false) @Size(max = 32) String accountCode,
                                   @RequestParam(required = false) OrderStatus status,
                                   @RequestParam(defaultValue = "false") boolean processProblems,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                   @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<SalesOrder> found;
        if (processProblems) {
            Set<String> stuck = this.processProblems.orderNumbers();
            found = stuck.isEmpty() ? List.of() : orders.searchAmong(accountCode, status, stuck, PageRequest.of(page, size));
        } else {
            found = orders.search(accountCode, status, PageRequest.of(page, size));
        }
        return found.stream().map(OrderView.Summary::of).toList();
    }
}
