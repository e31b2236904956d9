package dev.sigil.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.sigil.text.Grouped;

/** How amounts, rates and counts are written for people: exact where it is short, never in binary floating point. */
public final class Money {

    /** Decimal places shown at most: a tenth of a millionth of a dollar. */
    private static final int MOST_PLACES = 10;
    /** {@link #dollars} of any 0 ({@code $0.00}), for a sum held without a BigDecimal (ADR 0271). */
    public static final String ZERO_DOLLARS = "$0.00";
    /** {@link #plain} of any 0. */
    public static final String ZERO_PLAIN = "0";

    private Money() {
    }

    /** {@code $1.5215}, {@code $0.00007}, {@code $12.00}: at least two places, at most ten (half-even), no trailing zeros beyond two. */
    public static String dollars(BigDecimal amount) {
        BigDecimal exact = amount.stripTrailingZeros();
        int places = Math.max(2, Math.min(MOST_PLACES, exact.scale()));
        return "$" + amount.setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * A short amount for a glance (a dashboard, a summary line): two places from $10 or when that is exact
     * ({@code $0.25}), else four from a cent, six below; half-even. {@link #dollars} is the exact one.
     */
    public static String brief(BigDecimal amount) {
        BigDecimal a = amount.abs();
        int places = a.compareTo(BigDecimal.TEN) >= 0 || a.stripTrailingZeros().scale() <= 2 ? 2 : a.compareTo(BigDecimal.valueOf(1, 2)) >= 0 ? 4 : 6; // from a cent
        return "$" + amount.setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** An amount as a JSON or CSV number: every digit it has, no exponent, no trailing zeros ({@code 0.0537}, {@code 12}). */
    public static String plain(BigDecimal amount) {
        BigDecimal s = amount.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** A rate as the data writes it: {@code 5}, {@code 0.3}, {@code 3.75}. */
    public static String rate(BigDecimal rate) {
        return plain(rate);
    }

    /** {@code 1,234,567}. */
    public static String count(long n) {
        return Grouped.of(n);
    }
}
