package org.tradeflow.edi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
import org.tradeflow.business.NotFound;
import org.tradeflow.intake.Idempotency;

import java.net.URI;
import java.util.List;

/**
 * Trading partners' EDI gateways post X12 or EDIFACT interchanges; each 850 or ORDERS in one becomes an order, each is
 * answered by a 997 or a CONTRL.
 */
@RestController
@RequestMapping("/api/v1/edi/interchanges")
@Tag(name = "EDI", description = "X12 850 and EDIFACT ORDERS purchase orders from trading partners, answered with 997 "
        + "and CONTRL acknowledgements")
class EdiInterchangeController {

    static final String X12 = "application/edi-x12";
    static final String EDIFACT = "application/edifact";

    /** A purchase order of the demo partner Hudson Home Supply (account HUDSON-US). */
    static final String EXAMPLE = """
            ISA*00*          *00*          *ZZ*HUDSONHOME     *ZZ*TRADEFLOW      *261202*0930*U*00401*000000101*0*P*>~
            GS*PO*HUDSONHOME*TRADEFLOW*20261202*0930*101*X*004010~
            ST*850*0001~
            BEG*00*SA*HH-PO-77001**20261202~
            N1*ST*HUDSON HOME SUPPLY NEWARK*92*NWK01~
            PO1*1*2*CA*17.70*PE*BP*HH-HEART-TL*VN*85123A~
            PO1*2*3*EA*14.90*PE*BP*HH-CAKESTAND~
            CTT*2~
            SE*7*0001~
            GE*1*101~
            IEA*1*000000101~
            """;

    /** An ORDERS D96A of the demo partner EUROHANDEL (account BRIT-UK), with a UNA declaring the standard delimiters. */
    static final String EDIFACT_EXAMPLE = """
            UNA:+.? '
            UNB+UNOA:3+SENDER1:14+RECEIVER1+261202:0930+EH2612020930'
            UNH+1+ORDERS:D:96A:UN'
            BGM+220+EH-PO-4711+9'
            DTM+137:20261202:102'
            NAD+DP+5012345000017::9'
            LIN+1++4000862141404:SRS'
            QTY+21:24:PCE'
            PRI+AAA:2.95'
            LIN+2++4000862141407:SRS'
            QTY+21:2:CT'
            UNS+S'
            CNT+2:2'
            UNT+12+1'
            UNZ+1+EH2612020930'
            """;

    private final EdiInterchanges interchanges;
    private final EdifactInterchanges edifact;
    private final Idempotency idempotency;

    EdiInterchangeController(EdiInterchanges interchanges, EdifactInterchanges edifact, Idempotency idempotency) {
        this.interchanges = interchanges;
        this.edifact = edifact;
        this.idempotency = idempotency;
    }

    /**
     * 201 with what became of the interchange; 200 with the first answer when its ISA13 (or UNB control reference) came
     * from the partner before.
     */
    @PostMapping(consumes = {X12, EDIFACT})
    @Operation(summary = "Receive an X12 or EDIFACT interchange", description = "The body is one X12 interchange (ISA to IEA, any "
            + "delimiters, at most 10 MB) from a trading partner, known by ISA05/ISA06. StAEDI checks the envelope (ISA13 = "
            + "IEA02, GS06 = GE02, ST02 = SE02, segment and control counts) and each 850 against our implementation guide "
            + "(BEG, DTM, N1, PO1, CTT: mandatory elements, lengths, codes, dates, syntax notes). Each valid 850 becomes an "
            + "order of the partner's account through the same intake as POST /api/v1/orders (BEG03 is the customer PO, so "
            + "the same PO again is the same order), its PO1 buyer part numbers and units mapped through the partner's "
            + "cross-reference; each transaction set stands alone. A broken envelope, an unknown partner or an unsupported "
            + "version makes no order and the interchange is kept as REJECTED with its reasons. The answer carries the 997 "
            + "(with a TA1 when the interchange itself is refused), which names the segment, position and element at fault. "
            + "The same ISA13 from the same partner again is answered with the first answer and makes no second order. "
            + "A body that is no X12 interchange (no ISA at its start, a byte order mark, binary data) is refused with 422. "
            + "As application/edifact the body is one UN/EDIFACT interchange (UNA optional, any delimiters it declares; "
            + "UNB to UNZ, functional groups optional) from a partner known by its UNB sender id and qualifier: StAEDI "
            + "checks the envelope (UNZ/UNE/UNT counts and references) and each ORDERS D96A or D01B against our schema; "
            + "each valid ORDERS becomes an order (BGM 1004 the customer PO, DTM+2 the requested delivery, LIN/PIA item "
            + "numbers and QTY+21 units through the partner's cross-reference) and the answer carries a CONTRL (UCI, UCM "
            + "per message, UCS/UCD naming the segment position and element at fault). The same UNB control reference "
            + "again is answered with the first answer. A body not starting with UNA or UNB is refused with 422.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = X12, schema = @Schema(type = "string", example = EXAMPLE)),
            @Content(mediaType = EDIFACT, schema = @Schema(type = "string", example = EDIFACT_EXAMPLE))}))
    @ApiResponse(responseCode = "201", description = "Received: each transaction set an order or a rejection", content = @Content(schema = @Schema(implementation = InterchangeView.class)))
    @ApiResponse(responseCode = "200", description = "Received before (same partner and ISA13): the first answer, no order made again", headers = @Header(name = "Idempotent-Replayed", description = "true"), content = @Content(schema = @Schema(implementation = InterchangeView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    ResponseEntity<InterchangeView> receive(@RequestBody(required = false) byte[] body, Authentication caller,
                                            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        boolean edifactBody = contentType.isCompatibleWith(MediaType.parseMediaType(EDIFACT));
        EdiInterchanges.Received received = idempotency.retryingOnRace(() -> edifactBody
                ? edifact.receive(body, caller.getName()) : interchanges.receive(body, caller.getName()));
        if (received.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(received.interchange());
        }
        return ResponseEntity.created(URI.create("/api/v1/edi/interchanges/" + received.interchange().id()))
                .body(received.interchange());
    }

    @GetMapping
    @Operation(summary = "List received interchanges", description = "Newest first; status=REJECTED is the quarantine: "
            + "interchanges that made no order, with their reasons.")
    @ApiResponse(responseCode = "200", description = "The interchanges", content = @Content(array = @ArraySchema(schema = @Schema(implementation = InterchangeView.class))))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    List<InterchangeView> list(@Parameter(description = "ACCEPTED, PARTIALLY_ACCEPTED or REJECTED", example = "REJECTED")
                               @RequestParam(required = false) String status,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return interchanges.list(status, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a received interchange", description = "What became of each transaction set and the "
            + "acknowledgement we answered.")
    @ApiResponse(responseCode = "200", description = "The interchange", content = @Content(schema = @Schema(implementation = InterchangeView.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    InterchangeView get(@PathVariable long id) {
        return interchanges.get(id);
    }

    @GetMapping(value = "/{id}/acknowledgement", produces = {X12, EDIFACT})
    @Operation(summary = "Download the acknowledgement", description = "The 997 (and TA1) we answered the interchange with, "
            + "as X12; for an EDIFACT interchange the CONTRL, as application/edifact (404 when an accepted interchange of a "
            + "partner that wants no CONTRL, and did not ask for one in UNB 0031, was answered without).")
    @ApiResponse(responseCode = "200", description = "The acknowledgement", content = {
            @Content(mediaType = X12, schema = @Schema(type = "string")),
            @Content(mediaType = EDIFACT, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    ResponseEntity<String> acknowledgement(@PathVariable long id) {
        InterchangeView interchange = interchanges.get(id);
        if (interchange.acknowledgement() == null) {
            throw new NoAcknowledgement(id);
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(EdifactInterchanges.SYNTAX.equals(interchange.syntax())
                ? EDIFACT : X12)).body(interchange.acknowledgement());
    }

    static final class NoAcknowledgement extends NotFound {
        NoAcknowledgement(long id) {
            super("edi-interchange.no-acknowledgement", "EDI interchange " + id + " was accepted without a CONTRL: its "
                    + "partner wants none and its UNB asked for none");
        }
    }
}
