package dev.sigil.contract.validation;

import java.util.ArrayList;
import java.util.List;

import dev.sigil.contract.model.TokenUsage;
import tools.jackson.databind.JsonNode;

/**
 * The rules of a usage record that JSON Schema cannot say (docs/contract.md §5): the total is the sum of input and
 * output, and the cache and reasoning counts are parts of what they belong to. An absent optional count is 0. Sums
 * are exact (a sum beyond the range of a long is larger than any count). Pure.
 */
public final class UsageRules {

    /** total_tokens = input_tokens + output_tokens. */
    public static final String TOTAL = "usage-total";
    /** cache_read_tokens + cache_write_tokens &lt;= input_tokens. */
    public static final String CACHE = "usage-cache";
    /** cache_write_1h_tokens &lt;= cache_write_tokens. */
    public static final String CACHE_1H = "usage-cache-1h";
    /** reasoning_tokens &lt;= output_tokens. */
    public static final String REASONING = "usage-reasoning";
    /** Where an execution entry holds its usage record. */
    public static final String ENTRY_POINTER = "/metadata/tokens_used";
    /** The schema's definition of a usage record. */
    static final String DEFINITION = "token_usage";
    /** These rules on the fast path: the members in the order {@link #hold(long, long, long, long, long, long, long)} takes them. */
    static final FastSchemaCheck.MemberCheck FAST_CHECK = new FastSchemaCheck.MemberCheck(
            List.of("input_tokens", "output_tokens", "total_tokens", "cache_read_tokens", "cache_write_tokens", "cache_write_1h_tokens",
                    "reasoning_tokens"),
            v -> hold(v[0], v[1], v[2], v[3], v[4], v[5], v[6]));

    private UsageRules() {
    }

    /** Whether the counts keep every rule; absent optional counts are given as 0 (or as any negative number). */
    public static boolean hold(long input, long output, long total, long cacheRead, long cacheWrite, long cacheWrite1h, long reasoning) {
        long read = Math.max(0, cacheRead);
        long write = Math.max(0, cacheWrite);
        return sumIs(input, output, total) && !sumAbove(read, write, input) && Math.max(0, cacheWrite1h) <= write
                && Math.max(0, reasoning) <= output;
    }

    /** Whether {@code usage} keeps every rule. */
    public static boolean hold(TokenUsage usage) {
        return hold(usage.inputTokens(), usage.outputTokens(), usage.totalTokens(), usage.cacheReadTokens().orElse(0),
                usage.cacheWriteTokens().orElse(0), usage.cacheWrite1hTokens().orElse(0), usage.reasoningTokens().orElse(0));
    }

    /** The rules {@code usage}, found at {@code pointer}, breaks; each named and worded. */
    public static List<Violation> violations(TokenUsage usage, String pointer) {
        List<Violation> out = new ArrayList<>(1);
        long in = usage.inputTokens();
        long outTokens = usage.outputTokens();
        if (!sumIs(in, outTokens, usage.totalTokens())) {
            out.add(new Violation(pointer + "/total_tokens", TOTAL, "total_tokens is " + usage.totalTokens()
                    + ", not input_tokens + output_tokens (" + in + " + " + outTokens + ")"));
        }
        long read = usage.cacheReadTokens().orElse(0);
        long write = usage.cacheWriteTokens().orElse(0);
        if (sumAbove(read, write, in)) {
            out.add(new Violation(pointer + "/input_tokens", CACHE, "cache_read_tokens + cache_write_tokens (" + read + " + " + write
                    + ") is more than input_tokens (" + in + "): input_tokens counts every input token, the cache ones included"));
        }
        long oneHour = usage.cacheWrite1hTokens().orElse(0);
        if (oneHour > write) {
            out.add(new Violation(pointer + "/cache_write_1h_tokens", CACHE_1H, "cache_write_1h_tokens (" + oneHour
                    + ") is more than cache_write_tokens (" + write + "): the one-hour writes are part of cache_write_tokens"));
        }
        long reasoning = usage.reasoningTokens().orElse(0);
        if (reasoning > outTokens) {
            out.add(new Violation(pointer + "/reasoning_tokens", REASONING, "reasoning_tokens (" + reasoning
                    + ") is more than output_tokens (" + outTokens + "): reasoning tokens are part of output_tokens"));
        }
        return out;
    }

    /**
     * The rules broken by the usage record of an execution entry. A record that does not conform to its definition
     * breaks none here: the schema reports it.
     */
    public static List<Violation> ofEntry(JsonNode entry) {
        JsonNode record = entry.isObject() ? entry.path("metadata").path("tokens_used") : null;
        if (record == null || !record.isObject()) {
            return List.of();
        }
        TokenUsage usage;
        try {
            usage = TokenUsage.fromJsonNode(record);
        } catch (IllegalArgumentException notConforming) {
            return List.of();
        }
        return violations(usage, ENTRY_POINTER);
    }

    /** {@code a + b == total} for counts (never negative), without overflow. */
    private static boolean sumIs(long a, long b, long total) {
        return b <= total && a == total - b;
    }

    /** {@code a + b > limit} for counts (never negative), without overflow. */
    private static boolean sumAbove(long a, long b, long limit) {
        return a > limit - b;
    }
}
