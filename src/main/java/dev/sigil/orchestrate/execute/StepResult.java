package dev.sigil.orchestrate.execute;

import java.util.Map;
import java.util.Objects;

import dev.sigil.contract.event.Usage;
import tools.jackson.databind.JsonNode;

/**
 * What a step produced.
 *
 * @param output the step's output text
 * @param inputTokens tokens of the prompt
 * @param outputTokens tokens of the output
 * @param metadata extra keys for the step's log entry (in order)
 * @param usage the step's usage record when it names a model (the same input and output counts, split further:
 *              cache reads and writes, reasoning), else {@link Usage#NONE}: the step's {@code metadata.tokens_used}
 */
public record StepResult(String output, long inputTokens, long outputTokens, Map<String, JsonNode> metadata, Usage usage) {

    /** A result whose tokens are of no named model. */
    public StepResult(String output, long inputTokens, long outputTokens, Map<String, JsonNode> metadata) {
        this(output, inputTokens, outputTokens, metadata, Usage.NONE);
    }

    public StepResult {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must be >= 0");
        }
        Objects.requireNonNull(usage, "usage");
        if (usage.hasModel() && (usage.inputTokens() != inputTokens || usage.outputTokens() != outputTokens)) {
            throw new IllegalArgumentException("the usage record's counts must be the step's: " + usage);
        }
        metadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }
}
