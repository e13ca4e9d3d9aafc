package org.tradeflow.rules;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The rule sets that went live, by the checksum orders and quotes carry: what decided, for anyone signed in. */
@RestController
@RequestMapping("/api/v1/rules/sets")
class RuleSetController {

    private final RuleSetRegistry rules;

    RuleSetController(RuleSetRegistry rules) {
        this.rules = rules;
    }

    @GetMapping("/{checksum}")
    StoredRuleSet ruleSet(@PathVariable String checksum) {
        return rules.stored(checksum);
    }
}
