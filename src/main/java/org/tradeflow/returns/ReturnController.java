package org.tradeflow.returns;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
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
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Returns with an RMA: the order desk asks, the warehouse books the goods back against the RMA and records the
 * inspection; approval and inspection are also Tasklist tasks of processes/return-authorisation.bpmn.
 */
@RestController
@Tag(name = "Returns", description = "Return authorisations (RMA), returned goods, inspection and credit")
class ReturnController {

    /** Upper bound of one return's lines: a whole large order may come back. */
    private static final int MAX_LINES = 5_000;

    private final Returns returns;

    ReturnController(Returns returns) {
        this.returns = returns;
    }

    @PostMapping("/api/v1/returns")
    @Operation(summary = "Ask for a return authorisation", description = "returns.xlsx decides the window, inspection, approval and "
            + "restocking fee; without approval the answer carries the RMA number, else a sales manager decides in Tasklist.")
    @ApiResponse(responseCode = "201", description = "The return, AUTHORISED (with its RMA number) or REQUESTED (awaiting approval)",
            content = @Content(schema = @Schema(implementation = ReturnView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/Invalid")
    @ResponseStatus(HttpStatus.CREATED)
    ReturnView request(@Valid @RequestBody ReturnRequest request, Authentication caller) {
        return returns.request(request.orderId(), request.reasonCode(), request.comment(),
                request.lines().stream().map(line -> new Returns.RequestedLine(line.lineNo(), line.quantity())).toList(),
                caller.getName());
    }

    @GetMapping("/api/v1/returns")
    @Operation(summary = "List returns", description = "Newest first, a page at a time; by order and/or status (AUTHORISED: goods "
            + "the warehouse may expect; RECEIVED: waiting for inspection or credit).")
    @ApiResponse(responseCode = "200", description = "The returns", content = @Content(array = @ArraySchema(schema = @Schema(implementation = ReturnView.class))))
    List<ReturnView> search(@Parameter(description = "The order's id") @RequestParam(required = false) Long orderId,
                            @Parameter(example = "AUTHORISED") @RequestParam(required = false) ReturnStatus status,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return returns.search(orderId, status, page, size);
    }

    @GetMapping("/api/v1/returns/{id}")
    @Operation(summary = "A return: its decision, the goods that came back, inspection and credit notes")
    @ApiResponse(responseCode = "200", description = "The return", content = @Content(schema = @Schema(implementation = ReturnView.class)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    ReturnView get(@PathVariable long id) {
        return returns.get(id);
    }

    @PostMapping("/api/v1/shipments/{id}/returns")
    @Operation(summary = "Book returned goods against their RMA", description = "Never more than the RMA authorised, nor more than "
            + "the shipment carried and has not yet had back. Goods that need inspection are set aside until it restocks them.")
    @ApiResponse(responseCode = "201", description = "Booked", content = @Content(schema = @Schema(implementation = Returns.ReceivedGoods.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/Invalid")
    @ResponseStatus(HttpStatus.CREATED)
    Returns.ReceivedGoods receive(@PathVariable long id, @Valid @RequestBody ReturnedGoods request, Authentication caller) {
        return returns.receive(id, request.rmaNumber(), request.sku(), request.quantity(), caller.getName());
    }

    @PostMapping("/api/v1/returns/{id}/inspection")
    @Operation(summary = "Record the inspection line by line", description = "Every line that came back, each unit once: restocked,"
            + " scrapped, returned to the vendor or refused (not credited). Completes the return's inspection task.")
    @ApiResponse(responseCode = "200", description = "The inspected return", content = @Content(schema = @Schema(implementation = ReturnView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/Invalid")
    ReturnView inspect(@PathVariable long id, @Valid @RequestBody InspectionRequest request, Authentication caller) {
        return returns.inspect(id, request.lines().stream().map(line -> new Returns.InspectedLine(line.lineNo(), line.restock(),
                line.scrap(), line.returnToVendor(), line.refuse())).toList(), request.comment(), caller.getName());
    }

    @Schema(example = """
            {"orderId": 1, "reasonCode": "DAMAGED", "comment": "Two cartons crushed in transit", "lines": [{"lineNo": 1, "quantity": 2}]}""")
    record ReturnRequest(@NotNull Long orderId,
                         @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}", message = "must be a reason code such as DAMAGED") String reasonCode,
                         @Size(max = 2000) String comment,
                         @NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull Line> lines) {

        record Line(@Min(1) int lineNo, @Min(1) @Max(1_000_000) int quantity) {
        }
    }

    @Schema(example = """
            {"rmaNumber": "RMA-2026-000001", "sku": "85123A", "quantity": 2}""")
    record ReturnedGoods(@NotBlank @Size(max = 24) String rmaNumber, @NotBlank @Size(max = 32) String sku,
                         @Min(1) @Max(1_000_000) int quantity) {
    }

    @Schema(example = """
            {"lines": [{"lineNo": 1, "restock": 1, "scrap": 1, "returnToVendor": 0, "refuse": 0}], "comment": "One carton wet"}""")
    record InspectionRequest(@NotEmpty @Size(max = MAX_LINES) List<@Valid @NotNull Line> lines, @Size(max = 2000) String comment) {

        record Line(@Min(1) int lineNo, @Min(0) @Max(1_000_000) int restock, @Min(0) @Max(1_000_000) int scrap,
                    @Min(0) @Max(1_000_000) int returnToVendor, @Min(0) @Max(1_000_000) int refuse) {
        }
    }
}
