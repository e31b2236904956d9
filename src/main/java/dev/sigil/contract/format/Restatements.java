package dev.sigil.contract.format;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.Usage;

/**
 * Model calls written on several lines (Claude Code writes one assistant message per content block, its usage
 * growing as it streams; docs/formats.md §6): a later line of a call counts only what it adds to the earlier ones,
 * so that summing the lines gives the last line's figures, which are the call's. The difference is taken count by
 * count and never below zero, and keeps the contract's rules. Calls are remembered in file order, at most
 * {@value #CALLS} of them (a producer writes a call's lines close together). Mutable: one per file, in file order.
 */
public final class Restatements {

    /** Calls remembered, the oldest forgotten first. */
    static final int CALLS = 4096;

    private final Map<String, Usage> seen = new LinkedHashMap<>(256, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Usage> eldest) {
            return size() > CALLS;
        }
    };

    /** Forgets every call (the file was rotated or replaced). */
    public void reset() {
        seen.clear();
    }

    /** The event as it counts: what it adds to the earlier lines of its call, or itself when it is the first. */
    public LogEvent adjust(Mapped m) {
        LogEvent e = m.event();
        if (m.callKey() == null) {
            return e;
        }
        Usage now = e.usage();
        Usage before = seen.put(m.callKey(), now);
        if (before == null) {
            return e;
        }
        Usage added = added(before, now);
        return e.withUsage(added, added.totalTokens());
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
