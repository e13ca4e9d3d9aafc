package org.tradeflow.edi;

import io.swagger.v3.oas.annotations.media.Schema;

/** A partner's settings (PUT /api/v1/edi/partners/{code}): all of them, as on creation; its code stays. */
@Schema(example = """
        {"accountCode": "HUDSON-US", "isaQualifier": "ZZ", "isaId": "HUDSONHOME", "ourIsaQualifier": "ZZ",
         "ourIsaId": "TRADEFLOW", "gsId": "HUDSONHOME", "ourGsId": "TRADEFLOW", "version": "004010", "acknowledgement": "997",
         "active": true}""")
record PartnerSettings(String accountCode, String isaQualifier, String isaId, String ourIsaQualifier, String ourIsaId,
                       String gsId, String ourGsId, String version, String acknowledgement, Boolean active) {

    PartnerRequest request() {
        return new PartnerRequest(null, accountCode, isaQualifier, isaId, ourIsaQualifier, ourIsaId, gsId, ourGsId, version,
                acknowledgement, active);
    }
}
