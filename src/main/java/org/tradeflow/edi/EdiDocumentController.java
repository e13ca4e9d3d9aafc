package org.tradeflow.edi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The X12 documents we sent trading partners: 997, 855, 856 and 810. */
@RestController
@RequestMapping("/api/v1/edi/documents")
@Tag(name = "EDI")
class EdiDocumentController {

    private final OutboundDocuments documents;

    EdiDocumentController(OutboundDocuments documents) {
        this.documents = documents;
    }

    @GetMapping
    @Operation(summary = "List the documents sent to trading partners", description = "Newest first: 997 acknowledgements "
            + "of the interchanges a partner sent, and for its EDI orders an 855 when accepted or rejected, an 856 per "
            + "dispatched shipment and an 810 per invoice, each with the partner's gap-free control number (ISA13/GS06) "
            + "and when it was dropped into the partner's outbox folder.")
    @ApiResponse(responseCode = "200", description = "The documents", content = @Content(array = @ArraySchema(schema = @Schema(implementation = OutboundDocument.class))))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    List<OutboundDocument> list(@Parameter(description = "The trading partner's code", example = "HUDSON") @RequestParam(required = false) String partner,
                                @Parameter(description = "997, 855, 856 or 810", example = "855") @RequestParam(required = false) String type,
                                @Parameter(description = "Order, shipment or invoice number (the inbound interchange's id for a 997)")
                                @RequestParam(required = false) String reference,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return documents.search(partner, type, reference, size);
    }

    @GetMapping(value = "/{id}", produces = EdiInterchangeController.X12)
    @Operation(summary = "Download a document sent to a trading partner", description = "The X12 interchange as it was sent.")
    @ApiResponse(responseCode = "200", description = "The document", content = @Content(mediaType = EdiInterchangeController.X12, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    ResponseEntity<String> get(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(EdiInterchangeController.X12)).body(documents.get(id).content());
    }
}
