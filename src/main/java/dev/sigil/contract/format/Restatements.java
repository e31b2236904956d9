package dev.sigil.contract.format;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.Usage;

/**
 * Model calls written on several lines (Claude Code writes one assistant message per content block, its usage
 * growing as it streams; docs/formats.md §6): a later line of a call counts only what it adds to the earlier ones,
 * so that summing the lines gives the last line's figures, which are the call's. The difference is taken count by
 * count and never below zero, and keeps the contract's rules. Calls are remembered in file order, as many as fit in
 * {@value #BYTES} bytes (what a call's key and usage hold on the heap, estimated), the oldest forgotten first: a
 * producer writes a call's lines close together, and a producer with huge identifiers costs no more memory. Mutable:
 * one per file, in file order.
 */
public final class Restatements {

    /** Bytes of remembered calls, at most. */
    static final long BYTES = 1 << 20;
    /** What a remembered call costs besides the characters of its key and model: the table's entry, the usage. */
    static final int OVERHEAD = 160;

    private final Map<String, Usage> seen = new LinkedHashMap<>(256, 0.75f, false);
    private long held;

    /** Forgets every call (the file was rotated or replaced). */
    public void reset() {
        seen.clear();
        held = 0;
    }

    /** The event as it counts: what it adds to the earlier lines of its call, or itself when it is the first. */
    public LogEvent adjust(Mapped m) {
        LogEvent e = m.event();
        String key = m.callKey();
        if (key == null) {
            return e;
        }
        Usage added = added(key, e.usage());
        return added == null ? e : e.withUsage(added, added.totalTokens());
    }

    /**
     * Remembers that the call {@code key} now stands at {@code now}, and gives what this line adds to its earlier
     * ones, or null when it is the call's first line (the event counts as it is).
     */
    public Usage added(String key, Usage now) {
        Usage before = seen.put(key, now);
        held += cost(key, now) - (before == null ? 0 : cost(key, before));
        forgetOldest();
        return before == null ? null : added(before, now);
    }

    /** The bytes the remembered calls hold (for tests). */
    long held() {
        return held;
    }

    /** The calls remembered (for tests). */
    int calls() {
        return seen.size();
    }

    /** What remembering {@code usage} under {@code key} holds on the heap, estimated: two bytes a character, and the rest. */
    static long cost(String key, Usage usage) {
        return OVERHEAD + 2L * key.length() + (usage.model() == null ? 0 : 2L * usage.model().length());
    }

    private void forgetOldest() {
        Iterator<Map.Entry<String, Usage>> oldest = seen.entrySet().iterator();
        while (held > BYTES && oldest.hasNext()) {
            Map.Entry<String, Usage> e = oldest.next();
            held -= cost(e.getKey(), e.getValue());
            oldest.remove();
        }
    }

    /** {@code now} less {@code before}, count by count, never below zero and within the usage rules. */
    static Usage added(Usage before, Usage now) {
        if (!now.hasModel()) {
            return Usage.unknownModel(Math.max(0, now.totalTokens() - before.totalTokens()));
        }
        long in = Math.max(0, now.inputTokens() - before.inputTokens());
        long out = Math.max(0, now.outputTokens() - before.outputTokens());
        long read = Math.min(in, Math.max(0, now.cacheReadTokens() - before.cacheReadTokens()));
        long write = Math.min(in - read, Math.max(0, now.cacheWriteTokens() - before.cacheWriteTokens()));
        long write1h = Math.min(write, Math.max(0, now.cacheWrite1hTokens() - before.cacheWrite1hTokens()));
        long reasoning = Math.min(out, Math.max(0, now.reasoningTokens() - before.reasoningTokens()));
        if (in + out == 0) {
            return Usage.NONE;
        }
        return new Usage(now.model(), in, out, in + out, read, write, write1h, reasoning);
    }
}
