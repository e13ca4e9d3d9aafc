package org.tradeflow.edi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** Sets up the trading partners whose X12 interchanges we take: identity, version, items and ship-to locations. */
@RestController
@RequestMapping("/api/v1/edi/partners")
@Tag(name = "EDI")
class TradingPartnerController {

    private final TradingPartnerAdmin partners;

    TradingPartnerController(TradingPartnerAdmin partners) {
        this.partners = partners;
    }

    @GetMapping
    @Operation(summary = "List the trading partners", description = "By code, each with its items and locations.")
    @ApiResponse(responseCode = "200", description = "The partners", content = @Content(array = @ArraySchema(schema = @Schema(implementation = PartnerView.class))))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    List<PartnerView> list() {
        return partners.list();
    }

    @GetMapping("/{code}")
    @Operation(summary = "Read a trading partner", description = "Its X12 identity (ISA05-08, GS02/03), version, "
            + "acknowledgement, whether it is active, its item cross-references and ship-to locations.")
    @ApiResponse(responseCode = "200", description = "The partner", content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    PartnerView get(@PathVariable String code) {
        return partners.get(code);
    }

    @PostMapping
    @Operation(summary = "Set up a trading partner", description = "Its code, the account it orders for and its X12 "
            + "identity: ISA qualifiers are 2 capitals or digits, ISA ids 1 to 15 and GS codes 2 to 15 characters X12 "
            + "carries (no delimiter, no padding); version 004010 or 005010; acknowledgement 997 (default) or 999. A code "
            + "or ISA sender (qualifier and id) another partner has is a conflict. It takes interchanges at once; "
            + "items and locations follow with PUT.")
    @ApiResponse(responseCode = "201", description = "Set up", content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/Invalid")
    ResponseEntity<PartnerView> create(@RequestBody PartnerRequest request) {
        PartnerView created = partners.create(request);
        return ResponseEntity.created(URI.create("/api/v1/edi/partners/" + created.code())).body(created);
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change a trading partner's settings", description = "All settings at once, as on creation; "
            + "active=false rejects its interchanges (TA1 note 006) until it is active again. Another account only when "
            + "that account has the addresses its locations ship to.")
    @ApiResponse(responseCode = "200", description = "The partner as changed", content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/Invalid")
    PartnerView update(@PathVariable String code, @RequestBody PartnerSettings settings) {
        return partners.update(code, settings == null ? null : settings.request());
    }

    @PutMapping("/{code}/items")
    @Operation(summary = "Replace a trading partner's item cross-references", description = "The whole list: each "
            + "buyer part number (1 to 48 characters) in a unit (CA, EA or PK) maps to one of our SKUs, the unit holding "
            + "1 to 10000 of our selling units. The same part number and unit twice is a conflict.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = PartnerView.Item.class)),
            examples = @ExampleObject(value = """
                    [{"buyerPartNumber": "HH-HEART-TL", "unitOfMeasure": "CA", "sku": "85123A", "packFactor": 6},
                     {"buyerPartNumber": "HH-HEART-TL", "unitOfMeasure": "EA", "sku": "85123A", "packFactor": 1},
                     {"buyerPartNumber": "HH-CAKESTAND", "unitOfMeasure": "EA", "sku": "22423", "packFactor": 1},
                     {"buyerPartNumber": "HH-WARMER-BAB", "unitOfMeasure": "PK", "sku": "22834", "packFactor": 12}]"""))))
    @ApiResponse(responseCode = "200", description = "The partner with its items", content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/Invalid")
    PartnerView replaceItems(@PathVariable String code, @RequestBody List<PartnerView.Item> items) {
        return partners.replaceItems(code, items);
    }

    @PutMapping("/{code}/locations")
    @Operation(summary = "Replace a trading partner's ship-to locations", description = "The whole list: each N1*ST "
            + "qualifier (N103: UL a GLN, 92 assigned by the buyer, 9 a DUNS+4, ...) and id (N104, 2 to 80 characters) "
            + "the partner names stands for a delivery address of its account. An 850 naming another is rejected. The "
            + "same qualifier and id twice is a conflict.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = PartnerView.Location.class)),
            examples = @ExampleObject(value = """
                    [{"qualifier": "92", "locationId": "NWK01", "addressCode": "DEPOT-NEWARK"},
                     {"qualifier": "UL", "locationId": "0614141000012", "addressCode": "STORE-BOSTON"},
                     {"qualifier": "9", "locationId": "0003947268292", "addressCode": "STORE-PHILLY"}]"""))))
    @ApiResponse(responseCode = "200", description = "The partner with its locations", content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "422", ref = "#/components/responses/Invalid")
    PartnerView replaceLocations(@PathVariable String code, @RequestBody List<PartnerView.Location> locations) {
        return partners.replaceLocations(code, locations);
    }
}
