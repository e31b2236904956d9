package dev.sigil.log;

/**
 * When a batch must be written: as soon as it holds {@code maxBytes} bytes or {@code maxEntries} entries, or its
 * oldest entry has waited {@code intervalNanos}, whichever comes first. Pure: time is a parameter (a monotonic
 * nanosecond reading, never the wall clock, which can jump), so the rules are tested without sleeping.
 *
 * @param maxBytes flush at this many buffered bytes
 * @param maxEntries flush at this many buffered entries
 * @param intervalNanos flush when the oldest buffered entry is this old
 */
public record FlushPolicy(long maxBytes, int maxEntries, long intervalNanos) {

    /** Why a batch is due. */
    public enum Reason { NONE, BYTES, ENTRIES, AGE }

    public FlushPolicy {
        if (maxBytes < 1 || maxEntries < 1 || intervalNanos < 1) {
            throw new IllegalArgumentException("flush thresholds must be positive");
        }
    }

    public static FlushPolicy of(LoggerSettings settings) {
        return new FlushPolicy(settings.bufferSizeBytes(), settings.maxBatchEntries(), settings.flushInterval().toNanos());
    }

    /**
     * Why a batch of {@code bytes} bytes and {@code entries} entries, whose oldest entry arrived at
     * {@code firstNanos}, must be written at {@code nowNanos}; {@link Reason#NONE} if it may wait (or is empty).
     */
    public Reason reason(long bytes, int entries, long firstNanos, long nowNanos) {
        if (entries <= 0) {
            return Reason.NONE;
        }
        if (bytes >= maxBytes) {
            return Reason.BYTES;
        }
        if (entries >= maxEntries) {
            return Reason.ENTRIES;
        }
        // Subtraction, not comparison: nanoTime readings may wrap around.
        return nowNanos - firstNanos >= intervalNanos ? Reason.AGE : Reason.NONE;
    }

    public boolean due(long bytes, int entries, long firstNanos, long nowNanos) {
        return reason(bytes, entries, firstNanos, nowNanos) != Reason.NONE;
    }

    /** How long the writer may sleep before the batch is due: 0 if due now, {@link Long#MAX_VALUE} if empty. */
    public long nanosUntilDue(long bytes, int entries, long firstNanos, long nowNanos) {
        if (entries <= 0) {
            return Long.MAX_VALUE;
        }
        if (due(bytes, entries, firstNanos, nowNanos)) {
            return 0;
        }
        return intervalNanos - (nowNanos - firstNanos);
    }
}
