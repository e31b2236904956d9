package dev.sigil.contract.event;

import dev.sigil.contract.model.TokenUsage;
import dev.sigil.contract.validation.UsageRules;
import tools.jackson.databind.JsonNode;

/**
 * The token usage a line states, as readers take it: its usage record (an execution entry's
 * {@code metadata.tokens_used}, a seed-002 line's {@code tokens_used}) when that record conforms to the contract,
 * the rules of docs/contract.md §5 included; otherwise the line's tokens, of an unknown model. Never null.
 *
 * @param model {@code provider:model-id}; "" for tokens of an unknown model
 * @param inputTokens every input token, the cache ones included (0 for an unknown model)
 * @param outputTokens every output token, reasoning included (0 for an unknown model)
 * @param totalTokens input plus output; for an unknown model, the line's tokens
 * @param cacheReadTokens the part of the input read from the cache, 0 when not stated
 * @param cacheWriteTokens the part of the input written to the cache, 0 when not stated
 * @param cacheWrite1hTokens the part of the cache writes written for an hour, 0 when not stated
 * @param reasoningTokens the part of the output spent reasoning, 0 when not stated
 */
public record Usage(String model, long inputTokens, long outputTokens, long totalTokens, long cacheReadTokens,
                    long cacheWriteTokens, long cacheWrite1hTokens, long reasoningTokens) {

    /** No tokens at all. */
    public static final Usage NONE = new Usage("", 0, 0, 0, 0, 0, 0, 0);

    /** {@code tokens} of a model the line does not name. */
    public static Usage unknownModel(long tokens) {
        return tokens == 0 ? NONE : new Usage("", 0, 0, tokens, 0, 0, 0, 0);
    }

    /** The usage of a record that conforms to its definition and keeps the usage rules. */
    public static Usage of(TokenUsage r) {
        return new Usage(r.model(), r.inputTokens(), r.outputTokens(), r.totalTokens(), r.cacheReadTokens().orElse(0),
                r.cacheWriteTokens().orElse(0), r.cacheWrite1hTokens().orElse(0), r.reasoningTokens().orElse(0));
    }

    /**
     * A record a producer makes (the orchestrator's steps): it must keep the contract, the usage rules included.
     *
     * @throws IllegalArgumentException naming what is wrong, if it does not
     */
    public static Usage of(String model, long input, long output, long cacheRead, long cacheWrite, long cacheWrite1h, long reasoning) {
        if (input < 0 || output < 0 || cacheRead < 0 || cacheWrite < 0 || cacheWrite1h < 0 || reasoning < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
        if (!TokenUsage.MODEL_PATTERN.matcher(model).find()) {
            throw new IllegalArgumentException("the model must be provider:model-id, not '" + model + "'");
        }
        long total;
        try {
            total = Math.addExact(input, output);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("input and output tokens add up to more than 2^63 - 1");
        }
        if (!UsageRules.hold(input, output, total, cacheRead, cacheWrite, cacheWrite1h, reasoning)) {
            throw new IllegalArgumentException("the cache counts must be parts of the input, the one-hour writes of the writes,"
                    + " the reasoning of the output");
        }
        return new Usage(model, input, output, total, cacheRead, cacheWrite, cacheWrite1h, reasoning);
    }

    /** This usage as the contract's record, leaving out the optional counts that are 0. */
    public TokenUsage toRecord() {
        return new TokenUsage(inputTokens, outputTokens, totalTokens, model, optional(cacheReadTokens), optional(cacheWriteTokens),
                optional(cacheWrite1hTokens), optional(reasoningTokens));
    }

    private static java.util.OptionalLong optional(long n) {
        return n > 0 ? java.util.OptionalLong.of(n) : java.util.OptionalLong.empty();
    }

    /** The usage of {@code record} if it conforms (definition and rules), else {@code tokens} of an unknown model. */
    public static Usage read(JsonNode record, long tokens) {
        if (record == null || record.isMissingNode()) {
            return unknownModel(tokens);
        }
        try {
            TokenUsage usage = TokenUsage.fromJsonNode(record);
            return UsageRules.hold(usage) ? of(usage) : unknownModel(tokens);
        } catch (IllegalArgumentException notConforming) {
            return unknownModel(tokens);
        }
    }

    /** Whether the tokens are of a named model (a usage record), not of an unknown one. */
    public boolean hasModel() {
        return !model.isEmpty();
    }
}
