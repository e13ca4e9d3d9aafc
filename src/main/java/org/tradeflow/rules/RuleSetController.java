package org.tradeflow.rules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rule sets that went live, by the checksum orders and quotes carry: what decided, for anyone signed in. */
@RestController
@RequestMapping("/api/v1/rules/sets")
@Tag(name = "Decision tables", description = "Rule governance: tables, versions, uploads, activation")
class RuleSetController {

    private final RuleSetRegistry rules;

    RuleSetController(RuleSetRegistry rules) {
        this.rules = rules;
    }

    @Operation(summary = "The rule set that went live under a checksum",
            description = "Its table versions and the DRL that compiled, as orders and quotes name it in ruleSetChecksum.")
    @GetMapping("/{checksum}")
    StoredRuleSet ruleSet(@Parameter(description = "ruleSetChecksum of an order or a quote") @PathVariable String checksum) {
        return rules.stored(checksum);
    }
}
