package dev.sigil.alerts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * What one rule has counted in one session's window: the sum and number of its samples, and for a sliding window or a
 * latency metric the samples themselves (at most {@link #MAX_SAMPLES}, the newest, about 4 MiB: a percentile is then
 * of the newest ones). Not thread-safe.
 */
final class Samples {

    /** Samples kept per rule and session. */
    static final int MAX_SAMPLES = 65_536;

    private record Sample(long micros, BigDecimal value, int errors) {
    }

    private final boolean keep;
    private final ArrayDeque<Sample> kept = new ArrayDeque<>();
    private BigDecimal sum = BigDecimal.ZERO;
    private long count;
    private long firstMicros = Long.MIN_VALUE;
    private long errors;

    Samples(boolean keep) {
        this.keep = keep;
    }

    void add(long micros, BigDecimal value, boolean error) {
        firstMicros = firstMicros == Long.MIN_VALUE ? micros : firstMicros; // stays unknown until a sample has a time
        sum = sum.add(value);
        count++;
        errors += error ? 1 : 0;
        if (keep) {
            if (kept.size() == MAX_SAMPLES) {
                drop(kept.removeFirst());
            }
            kept.addLast(new Sample(micros, value, error ? 1 : 0));
        }
    }

    /** Forgets the samples at or before {@code micros} (a sliding window's start). */
    void evictUpTo(long micros) {
        while (!kept.isEmpty() && kept.peekFirst().micros() <= micros) {
            drop(kept.removeFirst());
        }
    }

    private void drop(Sample s) {
        sum = sum.subtract(s.value());
        count--;
        errors -= s.errors();
    }

    BigDecimal sum() {
        return sum;
    }

    long count() {
        return count;
    }

    /** The time of the first sample with one since the window started (kept or not); {@link Long#MIN_VALUE} if none. */
    long firstMicros() {
        return firstMicros;
    }

    /** Errors as a percentage of the samples. */
    BigDecimal errorPercent() {
        return count == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(errors).multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(count), MathContext.DECIMAL64);
    }

    /** The nearest-rank percentile {@code p} (0 < p <= 100) of the kept samples' values; null when there are none. */
    BigDecimal percentile(int p) {
        if (kept.isEmpty()) {
            return null;
        }
        BigDecimal[] values = new BigDecimal[kept.size()];
        Iterator<Sample> it = kept.iterator();
        for (int i = 0; i < values.length; i++) {
            values[i] = it.next().value();
        }
        Arrays.sort(values);
        int rank = (int) ((long) p * values.length / 100 + ((long) p * values.length % 100 == 0 ? 0 : 1));
        return values[Math.max(rank, 1) - 1];
    }
}
