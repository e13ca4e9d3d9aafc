package org.tradeflow.rules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tradeflow.rules.RuleChangeRefusedException;
import org.tradeflow.rules.RuleSetRegistry;
import org.tradeflow.web.ApiProblem;

import java.time.LocalDate;

/** "What if": a candidate spreadsheet against the orders of a period, without activating anything. */
@RestController
@Tag(name = "Decision tables", description = "Rule governance: tables, versions, uploads, activation")
class RuleImpactPreviewController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_DAYS = 366;

    private final RuleSetRegistry rules;
    private final RuleImpactPreview preview;

    RuleImpactPreviewController(RuleSetRegistry rules, RuleImpactPreview preview) {
        this.rules = rules;
        this.preview = preview;
    }

    @Operation(summary = "Preview a candidate table's impact", description = "Re-prices the orders of a period with the candidate, without activating anything.")
    @ApiResponse(responseCode = "200", description = "Revenue and prices, live against candidate", content = @Content(schema = @Schema(implementation = RuleImpactPreview.Report.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @PostMapping(path = "/api/v1/rules/tables/{name}/preview", consumes = {XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    RuleImpactPreview.Report preview(@PathVariable String name, @RequestBody(required = false) byte[] spreadsheet,
                                     @RequestParam LocalDate from,
                                     @RequestParam LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ApiProblem.invalidField("to", "must be on or after 'from' and at most " + MAX_DAYS + " days later");
        }
        try {
            return preview.preview(rules.candidate(name, spreadsheet == null ? new byte[0] : spreadsheet), from, to);
        } catch (RuleChangeRefusedException refused) {
            throw refused.asProblem();
        }
    }
}
