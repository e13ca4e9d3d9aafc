package org.tradeflow.edi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** An X12 document we sent a trading partner; {@code content} is downloaded apart, as application/edi-x12. */
@Schema(name = "EdiOutboundDocument")
public record OutboundDocument(
        long id,
        @Schema(example = "HUDSON") String partner,
        @Schema(allowableValues = {"997", "855", "856", "810"}) String type,
        @Schema(description = "The order (855), shipment (856) or invoice number (810), or the inbound interchange's id (997)",
                example = "SO-2026-000042") String sourceReference,
        @Schema(description = "ISA13: the partner's gap-free control number", example = "000000017") String interchangeControl,
        @Schema(description = "GS06", example = "17") String groupControl,
        @Schema(description = "ST02", example = "0001") String transactionControl,
        Instant createdAt,
        @Schema(description = "When it was written to the partner's outbox folder; null until then") Instant droppedAt,
        @JsonIgnore String content) {

    /** {@code <PARTNER-CODE>/<type>-<interchange control>.x12} under the outbox folder. */
    String fileName() {
        return type + "-" + interchangeControl + ".x12";
    }
}
