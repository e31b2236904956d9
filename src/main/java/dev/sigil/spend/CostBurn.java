package dev.sigil.spend;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Dollars of the last {@link #WINDOW_SECONDS} seconds of log time, per second, for the burn in $/min: constant memory,
 * exact sums. Immutable; {@link #plus} copies the window (60 slots).
 */
public final class CostBurn {

    public static final int WINDOW_SECONDS = 60;

    private static final long NONE = Long.MIN_VALUE;
    /** Its slots are made on the first cost: a session without prices makes no BigDecimal (ADR 0271). */
    private static final CostBurn EMPTY = new CostBurn(null, NONE, NONE);

    /** null: every slot 0 */
    private final BigDecimal[] slots;
    private final long latestSecond;
    private final long firstSecond;

    private CostBurn(BigDecimal[] slots, long latestSecond, long firstSecond) {
        this.slots = slots;
        this.latestSecond = latestSecond;
        this.firstSecond = firstSecond;
    }

    public static CostBurn empty() {
        return EMPTY;
    }

    /** The dollars of each second of the window, by second modulo its length (for a checkpoint of the fold). */
    public BigDecimal[] slots() {
        return slots == null ? emptySlots() : slots.clone();
    }

    /** The second of the oldest cost, or {@code Long.MIN_VALUE}. */
    public long firstSecond() {
        return firstSecond;
    }

    /** A window as {@link #slots()}, {@link #latestSecond()} and {@link #firstSecond()} gave it. */
    public static CostBurn restored(BigDecimal[] slots, long latestSecond, long firstSecond) {
        if (slots.length != WINDOW_SECONDS) {
            throw new IllegalArgumentException("not a cost window");
        }
        for (BigDecimal s : slots) {
            java.util.Objects.requireNonNull(s);
        }
        return new CostBurn(slots.clone(), latestSecond, firstSecond);
    }

    /** Whether any cost was added. */
    public boolean isEmpty() {
        return latestSecond == NONE;
    }

    /** The second of the newest cost, or {@code Long.MIN_VALUE}. */
    public long latestSecond() {
        return latestSecond;
    }

    /** This window with {@code usd} spent at {@code second} (a cost older than the window only moves nothing). */
    public CostBurn plus(long second, BigDecimal usd) {
        BigDecimal[] s = slots();
        long latest = latestSecond;
        long first = firstSecond;
        if (latest == NONE) {
            latest = second;
            first = second;
        }
        if (second > latest) {
            long clear = Math.min(WINDOW_SECONDS, second - latest);
            for (long t = second - clear + 1; t <= second; t++) {
                s[slot(t)] = BigDecimal.ZERO;
            }
            latest = second;
        }
        if (second <= latest - WINDOW_SECONDS) {
            return new CostBurn(s, latest, first);
        }
        s[slot(second)] = s[slot(second)].add(usd);
        return new CostBurn(s, latest, Math.min(first, second));
    }

    /**
     * Dollars per minute over the window ending at {@code atSecond} (at least the newest cost's second), or over the
     * whole session when it is shorter than the window; null before any cost.
     */
    public BigDecimal perMinute(long atSecond) {
        if (latestSecond == NONE) {
            return null;
        }
        long end = Math.max(atSecond, latestSecond);
        BigDecimal sum = BigDecimal.ZERO;
        for (long t = Math.max(latestSecond - WINDOW_SECONDS + 1, end - WINDOW_SECONDS + 1); t <= latestSecond; t++) {
            sum = sum.add(slots[slot(t)]);
        }
        long span = Math.min(WINDOW_SECONDS, end - firstSecond + 1);
        return sum.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(span), MathContext.DECIMAL64);
    }

    private static int slot(long second) {
        return (int) Math.floorMod(second, (long) WINDOW_SECONDS);
    }

    private static BigDecimal[] emptySlots() {
        BigDecimal[] s = new BigDecimal[WINDOW_SECONDS];
        java.util.Arrays.fill(s, BigDecimal.ZERO);
        return s;
    }
}
