package dev.sigil.orchestrate.execute;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * What a step produced.
 *
 * @param output the step's output text
 * @param inputTokens tokens of the prompt
 * @param outputTokens tokens of the output
 * @param metadata extra keys for the step's log entry (in order)
 */
public record StepResult(String output, long inputTokens, long outputTokens, Map<String, JsonNode> metadata) {

    public StepResult {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }
}
