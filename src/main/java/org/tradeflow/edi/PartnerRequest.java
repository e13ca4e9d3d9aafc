package org.tradeflow.edi;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new trading partner (POST, with its code) or its settings (PUT, code left out). Items and locations are set on their
 * own (PUT .../items, .../locations).
 */
@Schema(example = """
        {"code": "MAPLE", "accountCode": "HUDSON-US", "isaQualifier": "ZZ", "isaId": "MAPLEHOME", "ourIsaQualifier": "ZZ",
         "ourIsaId": "TRADEFLOW", "gsId": "MAPLEHOME", "ourGsId": "TRADEFLOW", "version": "004010", "acknowledgement": "997",
         "active": true}""")
public record PartnerRequest(
        @Schema(description = "Our name for it: capitals, digits, '-' and '_', at most 32; only on POST", example = "MAPLE") String code,
        @Schema(description = "The account its orders are for", example = "HUDSON-US") String accountCode,
        @Schema(description = "ISA05: 2 characters", example = "ZZ") String isaQualifier,
        @Schema(description = "ISA06: 1 to 15 characters", example = "MAPLEHOME") String isaId,
        @Schema(description = "ISA07", example = "ZZ") String ourIsaQualifier,
        @Schema(description = "ISA08", example = "TRADEFLOW") String ourIsaId,
        @Schema(description = "GS02: 2 to 15 characters", example = "MAPLEHOME") String gsId,
        @Schema(description = "GS03", example = "TRADEFLOW") String ourGsId,
        @Schema(description = "004010 or 005010", example = "004010") String version,
        @Schema(description = "997 or 999; default 997", example = "997") String acknowledgement,
        @Schema(description = "Default true", example = "true") Boolean active) {
}
