package org.tradeflow.rules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tradeflow.web.ApiProblem;

import java.util.List;

/**
 * Rule governance over HTTP: list tables and their versions, upload a new version of a table, re-activate
 * an earlier one. Changing rules needs the {@code rule-admins} role.
 */
@RestController
@RequestMapping("/api/v1/rules/tables")
@Tag(name = "Decision tables", description = "Rule governance: tables, versions, uploads, activation")
class RuleTableController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final RuleSetRegistry rules;

    RuleTableController(RuleSetRegistry rules) {
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "List the live version of each decision table")
    List<TableVersion> activeTables() {
        return rules.activeVersions();
    }

    @GetMapping("/{name}/versions")
    @Operation(summary = "List a table's versions")
    List<TableVersion> versions(@PathVariable String name) {
        List<TableVersion> versions = rules.versions(name);
        if (versions.isEmpty()) {
            throw ApiProblem.notFound("No decision table named '" + name + "'");
        }
        return versions;
    }

    @GetMapping(path = "/{name}/versions/{version}/content", produces = XLSX)
    @Operation(summary = "Download a version's spreadsheet")
    ResponseEntity<byte[]> content(@PathVariable String name, @PathVariable int version) {
        byte[] content = rules.content(name, version)
                .orElseThrow(() -> ApiProblem.notFound("No version " + version + " of table '" + name + "'"));
        return ResponseEntity.ok()
                .header("Content-Disposition", ContentDisposition.attachment().filename(name + "-v" + version + ".xlsx").build().toString())
                .body(content);
    }

    /** Uploads a new version: checked, compiled, stored and activated, or refused with every reason. */
    @PutMapping(path = "/{name}", consumes = {XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Upload a new version of a table", description = "Checked, compiled, run against its scenarios and activated, or refused with every reason.")
    @ApiResponse(responseCode = "201", description = "The new live version", content = @Content(schema = @Schema(implementation = TableVersion.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    ResponseEntity<TableVersion> upload(@PathVariable String name, @RequestBody(required = false) byte[] spreadsheet,
                                                          @RequestParam(defaultValue = "uploaded over the API") @Size(max = 1000) String comment,
                                                          Authentication caller) {
        try {
            // an empty body is refused like any unreadable file: 422 "the file is empty"
            byte[] content = spreadsheet == null ? new byte[0] : spreadsheet;
            return ResponseEntity.status(HttpStatus.CREATED).body(rules.propose(name, content, caller.getName(), comment));
        } catch (RuleChangeRefusedException refused) {
            throw refused.asProblem();
        }
    }

    @PostMapping("/{name}/versions/{version}/activate")
    @Operation(summary = "Re-activate an earlier version")
    @ApiResponse(responseCode = "200", description = "The version now live", content = @Content(schema = @Schema(implementation = TableVersion.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    TableVersion activate(@PathVariable String name, @PathVariable int version, Authentication caller) {
        try {
            return rules.activate(name, version, caller.getName());
        } catch (RuleChangeRefusedException refused) {
            throw refused.asProblem();
        }
    }
}
