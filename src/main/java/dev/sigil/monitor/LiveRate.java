package dev.sigil.monitor;

import dev.sigil.monitor.format.PyFormat;

/**
 * The dashboard's parse-rate cap (seed 001 §10.3, "entry parse rate 10,000/sec max, CPU protection"): once the reader
 * has caught up with the log, lines are handed to the screen at most {@code linesPerSecond} a second, so that a
 * writer far faster than any screen does not take the machine's cores from the pipeline it watches; the backlog found
 * at the start is read at full speed, since that is what the user waits for. And how far behind the log the reader
 * is, in bytes, so that the monitor says so instead of falling behind silently. Pure: time and sizes come in.
 */
final class LiveRate {

    /** Behind by this much the monitor says so; caught up again below {@link #CAUGHT_UP_BYTES}. */
    static final long BEHIND_BYTES = 1 << 20;
    static final long CAUGHT_UP_BYTES = 64 << 10;
    /** How often the monitor restates how far behind it is while it stays behind. */
    static final long RESTATE_NANOS = 5_000_000_000L;

    private final int linesPerSecond;
    private final long backlogEnd;
    /** Bytes read so far over every file (an offset that goes back starts another file). */
    private long consumed;
    private long lastOffset;
    private boolean live;
    private double tokens;
    private long refilledAt;
    private boolean behind;
    private long toldAt;

    /**
     * @param linesPerSecond the cap
     * @param backlogEnd the bytes of the log (its rotated parts included) when the monitor started: reading as many
     *        ends the catch-up
     * @param nowNanos now, monotonic
     */
    LiveRate(int linesPerSecond, long backlogEnd, long nowNanos) {
        this.linesPerSecond = Math.max(1, linesPerSecond);
        this.backlogEnd = backlogEnd;
        this.tokens = this.linesPerSecond;
        this.refilledAt = nowNanos;
    }

    /**
     * {@code lines} lines up to byte {@code offset} of the log were handed over: how long to wait before the next
     * batch (0 during the catch-up, or when under the cap).
     */
    long pauseMillis(int lines, long offset, long nowNanos) {
        consumed += offset >= lastOffset ? offset - lastOffset : offset;
        lastOffset = offset;
        if (!live && consumed + 1 >= backlogEnd) {
            live = true; // this batch ends the backlog: the cap starts with the next
            refilledAt = nowNanos;
            tokens = linesPerSecond;
            return 0;
        }
        if (!live) {
            return 0;
        }
        tokens = Math.min(linesPerSecond, tokens + (nowNanos - refilledAt) / 1e9 * linesPerSecond);
        refilledAt = nowNanos;
        tokens -= lines;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens * 1000.0 / linesPerSecond);
    }

    /** Whether the catch-up is over and the cap applies. */
    boolean live() {
        return live;
    }

    /**
     * What to tell the user now that the reader is at {@code offset} of a log of {@code size} bytes: "" for nothing
     * new, else the notice (behind by so much, or caught up).
     */
    String lag(long offset, long size, long nowNanos) {
        if (!live) {
            return ""; // the backlog is being read, as fast as it can be
        }
        long gap = size - offset;
        if (gap >= BEHIND_BYTES && (!behind || nowNanos - toldAt >= RESTATE_NANOS)) {
            behind = true;
            toldAt = nowNanos;
            return "reading " + mebibytes(gap) + " behind the log (at most " + PyFormat.grouped(linesPerSecond)
                    + " lines a second while following)";
        }
        if (behind && gap < CAUGHT_UP_BYTES) {
            behind = false;
            return "caught up with the log";
        }
        return "";
    }

    private static String mebibytes(long bytes) {
        long tenths = Math.round(bytes / 104857.6);
        return tenths / 10 + "." + tenths % 10 + " MiB";
    }
}
