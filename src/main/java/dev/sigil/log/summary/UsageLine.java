package dev.sigil.log.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * The usage of a session, or of one phase, operation or model of it, in tokens.json and metrics.json.
 *
 * @param tokens counted tokens
 * @param inputTokens input tokens of usage records (cache included)
 * @param outputTokens output tokens of usage records (reasoning included)
 * @param cacheReadTokens cache reads
 * @param cacheWriteTokens cache writes
 * @param cacheWrite1hTokens one-hour cache writes
 * @param reasoningTokens reasoning tokens
 * @param unpricedTokens tokens without a price
 * @param events lines that counted tokens (model calls)
 * @param costUsd dollars, exact; empty when nothing of it had a price (written as null: unpriced, never $0)
 */
public record UsageLine(long tokens, long inputTokens, long outputTokens, long cacheReadTokens, long cacheWriteTokens,
                        long cacheWrite1hTokens, long reasoningTokens, long unpricedTokens, long events, Optional<BigDecimal> costUsd) {

    public UsageLine {
        Objects.requireNonNull(costUsd, "costUsd");
    }

    /** Its counts and cost written into {@code node}, in this order. */
    void into(ObjectNode node) {
        node.put("tokens", tokens).put("input_tokens", inputTokens).put("output_tokens", outputTokens)
                .put("cache_read_tokens", cacheReadTokens).put("cache_write_tokens", cacheWriteTokens)
                .put("cache_write_1h_tokens", cacheWrite1hTokens).put("reasoning_tokens", reasoningTokens)
                .put("unpriced_tokens", unpricedTokens).put("events", events);
        putDollars(node, "cost_usd", costUsd);
    }

    /**
     * Dollars as Python's {@code json.dumps} would write a float (these files are Python's shape): the exact amount
     * rounded to ten places, whose shortest form is those digits; null when absent. {@code sigil report} gives the
     * exact decimal.
     */
    public static void putDollars(ObjectNode node, String key, Optional<BigDecimal> usd) {
        if (usd.isPresent()) {
            node.put(key, usd.get().setScale(10, RoundingMode.HALF_EVEN).doubleValue());
        } else {
            node.putNull(key);
        }
    }
}
