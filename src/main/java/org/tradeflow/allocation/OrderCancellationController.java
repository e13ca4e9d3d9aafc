package org.tradeflow.allocation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tradeflow.order.OrderQueries;
import org.tradeflow.order.OrderView;

/** The customer or the order desk calls an order off before anything of it shipped. */
@RestController
class OrderCancellationController {

    private final OrderCancellation cancellation;
    private final OrderQueries queries;

    OrderCancellationController(OrderCancellation cancellation, OrderQueries queries) {
        this.cancellation = cancellation;
        this.queries = queries;
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    OrderView cancel(@PathVariable long id, @Valid @RequestBody CancelRequest request, Authentication caller) {
        cancellation.cancel(id, request.reason(), caller.getName());
        return queries.view(id);
    }

    record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }
}
