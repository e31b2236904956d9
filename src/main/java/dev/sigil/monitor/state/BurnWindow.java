package dev.sigil.monitor.state;

/**
 * Tokens of the last {@link #WINDOW_SECONDS} seconds of log time, per second, for the burn rate: constant memory.
 */
public final class BurnWindow {

    public static final int WINDOW_SECONDS = 60;

    private static final long NONE = Long.MIN_VALUE;
    private static final BurnWindow EMPTY = new BurnWindow(new long[WINDOW_SECONDS], NONE, NONE);

    private final long[] slots;
    private final long latestSecond;
    private final long firstSecond;

    private BurnWindow(long[] slots, long latestSecond, long firstSecond) {
        this.slots = slots;
        this.latestSecond = latestSecond;
        this.firstSecond = firstSecond;
    }

    public static BurnWindow empty() {
        return EMPTY;
    }

    /** The second of the newest point, or {@code Long.MIN_VALUE}. */
    public long latestSecond() {
        return latestSecond;
    }

    /**
     * Tokens per second over the window ending at {@code atSecond} (at least the newest point's second), or over the
     * whole session when it is shorter than the window; NaN before any point.
     */
    public double rate(long atSecond) {
        if (latestSecond == NONE) {
            return Double.NaN;
        }
        long end = Math.max(atSecond, latestSecond);
        long sum = 0;
        for (long s = Math.max(latestSecond - WINDOW_SECONDS + 1, end - WINDOW_SECONDS + 1); s <= latestSecond; s++) {
            sum = Counts.add(sum, slots[(int) Math.floorMod(s, (long) WINDOW_SECONDS)]);
        }
        long span = Math.min(WINDOW_SECONDS, end - firstSecond + 1);
        return (double) sum / span;
    }

    /** The whole state, for a checkpoint (ADR 0165). */
    long[] slots() {
        return slots.clone();
    }

    long firstSecond() {
        return firstSecond;
    }

    static BurnWindow restored(long[] slots, long latestSecond, long firstSecond) {
        if (slots.length != WINDOW_SECONDS) {
            throw new IllegalArgumentException("not a burn window");
        }
        return new BurnWindow(slots.clone(), latestSecond, firstSecond);
    }

    Builder builder() {
        return new Builder(this);
    }

    /** Adds many points at the cost of one copy. */
    static final class Builder {
        private final long[] slots;
        private long latestSecond;
        private long firstSecond;

        private Builder(BurnWindow from) {
            this.slots = from.slots.clone();
            this.latestSecond = from.latestSecond;
            this.firstSecond = from.firstSecond;
        }

        void add(long second, long tokens) {
            if (latestSecond == NONE) {
                latestSecond = second;
                firstSecond = second;
            }
            if (second > latestSecond) {
                long clear = Math.min(WINDOW_SECONDS, second - latestSecond);
                for (long s = second - clear + 1; s <= second; s++) {
                    slots[(int) Math.floorMod(s, (long) WINDOW_SECONDS)] = 0;
                }
                latestSecond = second;
            }
            if (second <= latestSecond - WINDOW_SECONDS) {
                return; // older than the window
            }
            firstSecond = Math.min(firstSecond, second);
            int slot = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
            slots[slot] = Counts.add(slots[slot], tokens);
        }

        BurnWindow build() {
            return new BurnWindow(slots, latestSecond, firstSecond);
        }
    }
}
