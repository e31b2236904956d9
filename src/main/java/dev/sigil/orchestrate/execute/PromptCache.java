package dev.sigil.orchestrate.execute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * How much of a prompt the provider's prompt cache would hold, for the built-in executor's usage records: the longest
 * start a prompt shares with an earlier one sent to the same model in this run, in whole parts, is read from the cache. Anthropic's
 * models cache on request: the rest of the repeated context is written (five-minute lifetime) for the next call.
 * OpenAI's cache by themselves, from 1,024 tokens, in blocks of 128, and charge nothing for writing. Anthropic caches
 * nothing shorter than the model's minimum ({@link CacheMinimum}): a shorter context is not written, a shorter shared
 * start is not read. Thread-safe.
 */
final class PromptCache {

    /** Earlier contexts kept per model. */
    static final int KEPT = 64;
    static final int OPENAI_MINIMUM = 1024;
    static final int OPENAI_BLOCK = 128;
    private static final String SEPARATOR = "\n\n";

    /**
     * The cache's share of a prompt's input tokens.
     *
     * @param read tokens read from the cache
     * @param write tokens written to it
     */
    record Split(long read, long write) {
        static final Split NONE = new Split(0, 0);
    }

    private final Map<String, List<String>> sent = new HashMap<>();

    /** The split of a call to {@code model} whose prompt starts with {@code context} and has {@code inputTokens} tokens. */
    synchronized Split call(String model, String context, long inputTokens, ToLongFunction<String> counter) {
        List<String> earlier = sent.computeIfAbsent(model, m -> new ArrayList<>());
        int shared = 0;
        for (String e : earlier) {
            shared = Math.max(shared, commonPrefix(e, context));
        }
        if (earlier.size() < KEPT) {
            earlier.add(context);
        }
        long read = shared == 0 ? 0 : Math.min(inputTokens, counter.applyAsLong(context.substring(0, shared)));
        if (model.startsWith("openai:")) {
            return new Split(read >= OPENAI_MINIMUM ? read / OPENAI_BLOCK * OPENAI_BLOCK : 0, 0);
        }
        if (!model.startsWith("anthropic:")) {
            return Split.NONE;
        }
        int minimum = CacheMinimum.tokens(model);
        long contextTokens = counter.applyAsLong(context);
        if (read < minimum) {
            read = 0; // no entry that short was ever written
        }
        long write = contextTokens < minimum ? 0 : Math.max(0, Math.min(inputTokens - read, contextTokens - read));
        return new Split(read, write);
    }

    /**
     * The length of the longest start {@code a} and {@code b} share in whole parts (the instructions, the task, each
     * input: a prompt's parts are separated by a blank line), as a cache matches whole blocks, not a stray letter.
     */
    static int commonPrefix(String a, String b) {
        int shared = 0;
        int i = 0;
        while (true) {
            int endA = a.indexOf(SEPARATOR, i);
            int endB = b.indexOf(SEPARATOR, i);
            int ea = endA < 0 ? a.length() : endA;
            int eb = endB < 0 ? b.length() : endB;
            if (ea != eb || !a.regionMatches(i, b, i, ea - i)) {
                return shared;
            }
            shared = ea;
            if (endA < 0 || endB < 0) {
                return shared;
            }
            i = ea + SEPARATOR.length();
        }
    }
}
