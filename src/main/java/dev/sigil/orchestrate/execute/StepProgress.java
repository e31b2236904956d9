package dev.sigil.orchestrate.execute;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Lets a running step report what happens inside it (a reasoning branch explored, a tool called) as
 * {@code reasoning_step} entries in the log. Such entries carry no tokens: a step's tokens are on its
 * {@code step_complete} only (docs/contract.md §4).
 */
@FunctionalInterface
public interface StepProgress {

    void report(String message, Map<String, JsonNode> metadata);

    /** Reports nothing. */
    StepProgress NONE = (message, metadata) -> { };
}
