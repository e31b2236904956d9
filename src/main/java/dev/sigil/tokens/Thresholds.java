package dev.sigil.tokens;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The fractions of a budget at which the level becomes {@link WarningLevel#ELEVATED}, {@link WarningLevel#CRITICAL}
 * and {@link WarningLevel#EXCEEDED}: {@code 0 < warning < critical < exceeded <= 1}.
 *
 * <p>Levels are decided in whole tokens, never in floating point: a threshold {@code t} of a total {@code n} is
 * reached at {@code ceil(t * n)} tokens, with {@code t} taken as the decimal it was written as ({@code 0.95} is
 * exactly 95 %). So the level is a step function of usage, the same on every machine.
 *
 * @param warning fraction at which the level becomes elevated
 * @param critical fraction at which it becomes critical
 * @param exceeded fraction at which it becomes exceeded
 */
public record Thresholds(double warning, double critical, double exceeded) {

    /** The seeds' thresholds: 50 %, 80 %, 95 %. */
    public static final Thresholds DEFAULT = new Thresholds(0.5, 0.8, 0.95);

    public Thresholds {
        if (!(warning > 0 && warning < critical && critical < exceeded && exceeded <= 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < warning < critical < exceeded <= 1, got "
                    + warning + ", " + critical + ", " + exceeded);
        }
    }

    /**
     * The usage, in tokens, at which each level starts for a budget of {@code total} tokens.
     *
     * @return a fresh array {@code [elevated, critical, exceeded]}, each at least 1
     */
    public long[] boundaries(long total) {
        return new long[] {boundary(warning, total), boundary(critical, total), boundary(exceeded, total)};
    }

    /** The level of {@code used} tokens against {@code boundaries} from {@link #boundaries}. */
    public static WarningLevel levelOf(long used, long[] boundaries) {
        if (used >= boundaries[2]) {
            return WarningLevel.EXCEEDED;
        }
        if (used >= boundaries[1]) {
            return WarningLevel.CRITICAL;
        }
        return used >= boundaries[0] ? WarningLevel.ELEVATED : WarningLevel.NORMAL;
    }

    /**
     * The level of {@code spent} dollars of a budget of {@code total} dollars, with the same thresholds, exactly:
     * a threshold {@code t} is reached when {@code spent >= t * total}, {@code t} taken as written.
     */
    public WarningLevel levelOf(BigDecimal spent, BigDecimal total) {
        if (spent.compareTo(share(exceeded, total)) >= 0) {
            return WarningLevel.EXCEEDED;
        }
        if (spent.compareTo(share(critical, total)) >= 0) {
            return WarningLevel.CRITICAL;
        }
        return spent.compareTo(share(warning, total)) >= 0 ? WarningLevel.ELEVATED : WarningLevel.NORMAL;
    }

    private static BigDecimal share(double fraction, BigDecimal total) {
        return new BigDecimal(Double.toString(fraction)).multiply(total);
    }

    private static long boundary(double fraction, long total) {
        // Double.toString gives the shortest decimal that reads back as the same double: the number as written.
        BigDecimal exact = new BigDecimal(Double.toString(fraction)).multiply(BigDecimal.valueOf(total));
        return Math.max(1, exact.setScale(0, RoundingMode.CEILING).longValueExact());
    }
}
