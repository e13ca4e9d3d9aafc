package org.tradeflow.edi;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** An interchange as we received it: what became of each transaction set in it, and the acknowledgement we answered. */
public record InterchangeView(
        long id,
        @Schema(description = "The trading partner's code; null when the sender is no partner of ours") String partner,
        @Schema(description = "ISA05/ISA06 as sent (EDIFACT: the UNB sender qualifier/id)", example = "ZZ/HUDSONHOME") String sender,
        @Schema(description = "ISA13 (EDIFACT: the UNB interchange control reference)", example = "000000101") String controlNumber,
        Instant receivedAt,
        String receivedBy,
        @Schema(allowableValues = {"ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED"}) String status,
        @Schema(description = "Why the interchange (or part of it) was rejected, each naming segment, position and element")
        List<String> reasons,
        List<TransactionResult> transactions,
        @Schema(description = "The 997 (with a TA1 when the interchange itself was refused) we answered, as X12 text; "
                + "for EDIFACT the CONTRL")
        String acknowledgement,
        @Schema(allowableValues = {"X12", "EDIFACT"}) String syntax) {

    /** One transaction set: the order it became, or why it became none. */
    public record TransactionResult(String groupControlNumber, String controlNumber, String type, String poNumber,
                                    Long orderId, String orderNumber, String rejection) {
    }
}
