package dev.sigil.log;

import java.util.List;
import java.util.stream.Collectors;

import dev.sigil.contract.validation.Violation;
import tools.jackson.databind.JsonNode;

/**
 * An entry the logger refused to write, and why: every violated rule with its JSON pointer. The entry is the one
 * that would have been written (sanitized), and is kept in the session's errors.jsonl.
 *
 * @param entry the refused entry as a JSON object (do not modify)
 * @param violations what is wrong with it; never empty
 */
public record Rejection(JsonNode entry, List<Violation> violations) {

    /** The rule name used for NaN and infinities, which JSON cannot hold (docs/contract.md §6). */
    public static final String NON_FINITE = "non-finite";

    public Rejection {
        violations = List.copyOf(violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one violation");
        }
    }

    /** One line: the event, then each violation as {@code pointer: message (rule keyword)}. */
    public String describe() {
        String what = entry.path("event_type").isString() ? entry.path("event_type").stringValue() + " entry" : "entry";
        return what + " rejected, not written to the log: " + violations.stream()
                .map(v -> v.describe() + " (rule " + v.keyword() + ")")
                .collect(Collectors.joining("; "));
    }
}
