package dev.sigil.alerts;

import java.util.List;

/**
 * The rules of a file, in file order.
 *
 * @param file where they were read from (for messages and {@code sigil alerts list})
 * @param rules every rule, the disabled ones included
 */
public record RuleSet(String file, List<Rule> rules) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    /** The rules that are evaluated. */
    public List<Rule> enabled() {
        return rules.stream().filter(Rule::enabled).toList();
    }
}
