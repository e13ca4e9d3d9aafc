package org.tradeflow.allocation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Goods arrived: warehouses (or the order desk for them) book them here. */
@RestController
class ReceiptController {

    private final ReceiptService receipts;

    ReceiptController(ReceiptService receipts) {
        this.receipts = receipts;
    }

    @PostMapping("/api/v1/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    ReceiptService.Receipt receive(@Valid @RequestBody ReceiptRequest request, Authentication caller) {
        return receipts.receive(request.warehouseCode(), request.reference(),
                request.lines().stream().map(line -> new ReceiptService.ReceivedLine(line.sku(), line.quantity())).toList(),
                caller.getName());
    }

    record ReceiptRequest(@NotBlank @Size(max = 16) String warehouseCode,
                          /** The purchase order or delivery note the goods came with. */
                          @NotBlank @Size(max = 64) String reference,
                          @NotEmpty @Size(max = 1000) List<@NotNull @Valid Line> lines) {
    }

    record Line(@NotBlank @Size(max = 64) String sku, @Min(1) @Max(1_000_000) int quantity) {
    }
}
