package dev.sigil.prices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How amounts, rates and counts are written for people: exact where it is short, never in binary floating point. */
final class Money {

    /** Decimal places shown at most: a tenth of a millionth of a dollar. */
    private static final int MOST_PLACES = 10;

    private Money() {
    }

    /** {@code $1.5215}, {@code $0.00007}, {@code $12.00}: at least two places, at most ten (half-even), no trailing zeros beyond two. */
    static String dollars(BigDecimal amount) {
        BigDecimal exact = amount.stripTrailingZeros();
        int places = Math.max(2, Math.min(MOST_PLACES, exact.scale()));
        return "$" + amount.setScale(places, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A rate as the data writes it: {@code 5}, {@code 0.3}, {@code 3.75}. */
    static String rate(BigDecimal rate) {
        BigDecimal r = rate.stripTrailingZeros();
        return (r.scale() < 0 ? r.setScale(0) : r).toPlainString();
    }

    /** {@code 1,234,567}. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
