package dev.sigil.tail;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts since the tailer started, over all its sources.
 *
 * @param lines complete lines read (entries, blank and skipped)
 * @param entries lines handed out as entries
 * @param blank blank lines (only whitespace), ignored as the contract says
 * @param invalidUtf8 entries whose invalid UTF-8 was replaced by U+FFFD
 * @param skipped skipped lines by reason (every reason present, 0 when none)
 */
public record TailStats(long lines, long entries, long blank, long invalidUtf8, Map<SkipReason, Long> skipped) {

    public TailStats {
        EnumMap<SkipReason, Long> all = new EnumMap<>(SkipReason.class);
        for (SkipReason r : SkipReason.values()) {
            all.put(r, skipped.getOrDefault(r, 0L));
        }
        skipped = Map.copyOf(all);
    }

    public static final TailStats EMPTY = new TailStats(0, 0, 0, 0, Map.of());

    public long skipped(SkipReason reason) {
        return skipped.get(reason);
    }

    public long totalSkipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The sum of two counts. */
    public TailStats plus(TailStats other) {
        EnumMap<SkipReason, Long> sum = new EnumMap<>(SkipReason.class);
        for (SkipReason r : SkipReason.values()) {
            sum.put(r, skipped(r) + other.skipped(r));
        }
        return new TailStats(lines + other.lines, entries + other.entries, blank + other.blank, invalidUtf8 + other.invalidUtf8, sum);
    }

    /** True if some line was skipped or altered. */
    public boolean anyProblem() {
        return invalidUtf8 > 0 || totalSkipped() > 0;
    }
}
