package dev.sigil.monitor.state;

import java.util.Arrays;

/**
 * Tokens over the session's own time line (log timestamps), in at most {@link #CAPACITY} buckets: when the session
 * outgrows them, neighbouring buckets merge and each covers twice the time. The sparkline thus always shows the
 * whole session, in constant memory.
 */
public final class TokenHistory {

    public static final int CAPACITY = 120;

    private static final TokenHistory EMPTY = new TokenHistory(new long[CAPACITY], 0, 1, 0);

    private final long[] buckets;
    private final int used;
    private final long bucketSeconds;
    private final long originSecond;

    private TokenHistory(long[] buckets, int used, long bucketSeconds, long originSecond) {
        this.buckets = buckets;
        this.used = used;
        this.bucketSeconds = bucketSeconds;
        this.originSecond = originSecond;
    }

    public static TokenHistory empty() {
        return EMPTY;
    }

    /** The buckets in use, oldest first. */
    public long[] values() {
        return Arrays.copyOf(buckets, used);
    }

    /** How many seconds of log time one bucket covers. */
    public long bucketSeconds() {
        return bucketSeconds;
    }

    public boolean isEmpty() {
        return used == 0;
    }

    /** The whole state, for a checkpoint (ADR 0165): every bucket, those in use, their width, the first second. */
    long[] buckets() {
        return buckets.clone();
    }

    int used() {
        return used;
    }

    long originSecond() {
        return originSecond;
    }

    static TokenHistory restored(long[] buckets, int used, long bucketSeconds, long originSecond) {
        if (buckets.length != CAPACITY || used < 0 || used > CAPACITY || bucketSeconds < 1) {
            throw new IllegalArgumentException("not a token history");
        }
        return new TokenHistory(buckets.clone(), used, bucketSeconds, originSecond);
    }

    Builder builder() {
        return new Builder(this);
    }

    /** Adds many points at the cost of one copy. */
    static final class Builder {
        private final long[] buckets;
        private int used;
        private long bucketSeconds;
        private long originSecond;

        private Builder(TokenHistory from) {
            this.buckets = from.buckets.clone();
            this.used = from.used;
            this.bucketSeconds = from.bucketSeconds;
            this.originSecond = from.originSecond;
        }

        void add(long second, long tokens) {
            if (used == 0) {
                originSecond = second;
            }
            long offset = Math.max(0, second - originSecond); // a line older than the first goes in the first bucket
            while (offset / bucketSeconds >= CAPACITY) {
                halve();
            }
            int index = (int) (offset / bucketSeconds);
            buckets[index] = Counts.add(buckets[index], tokens);
            used = Math.max(used, index + 1);
        }

        private void halve() {
            for (int i = 0; i < CAPACITY / 2; i++) {
                buckets[i] = Counts.add(buckets[2 * i], buckets[2 * i + 1]);
            }
            Arrays.fill(buckets, CAPACITY / 2, CAPACITY, 0);
            used = (used + 1) / 2;
            bucketSeconds *= 2;
        }

        TokenHistory build() {
            return new TokenHistory(buckets, used, bucketSeconds, originSecond);
        }
    }
}
