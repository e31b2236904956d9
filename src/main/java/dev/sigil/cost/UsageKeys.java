package dev.sigil.cost;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.sigil.contract.event.Usage;

/**
 * A usage record in genai-prices' usage keys. The names are the same but for reasoning, which genai-prices counts as
 * {@code output_reasoning_tokens} (a part of output, as the contract's {@code reasoning_tokens} is).
 */
public final class UsageKeys {

    private UsageKeys() {
    }

    public static Map<String, Long> of(Usage u) {
        Map<String, Long> keys = new LinkedHashMap<>();
        keys.put("input_tokens", u.inputTokens());
        keys.put("output_tokens", u.outputTokens());
        keys.put("cache_read_tokens", u.cacheReadTokens());
        keys.put("cache_write_tokens", u.cacheWriteTokens());
        keys.put("cache_write_1h_tokens", u.cacheWrite1hTokens());
        keys.put("output_reasoning_tokens", u.reasoningTokens());
        return keys;
    }
}
