package dev.sigil.monitor.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.sigil.text.Grouped;

/**
 * Python's format-spec rules for the few specs the documented monitor uses, which Java's {@code String.format}
 * does not reproduce: {@code {:,}} (groups of three with commas), {@code {:6,}} (right-aligned), {@code {:.2f}}
 * (the exact binary value rounded half-even, so {@code 0.125} gives {@code 0.12} and {@code 2.675} gives
 * {@code 2.67}; {@code -0.0} keeps its sign; {@code nan}, {@code inf}) and {@code {:12}} on a string (left-aligned,
 * counted in code points).
 */
public final class PyFormat {

    private PyFormat() {
    }

    /** {@code f"{v:,}"} for an int. */
    public static String grouped(long v) {
        return Grouped.of(v);
    }

    /** {@code f"{v:W,}"} for an int: grouped, right-aligned in {@code width} characters. */
    public static String grouped(long v, int width) {
        return padLeft(grouped(v), width);
    }

    /** {@code f"{v:.Nf}"} for a float. */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        // A whole number needs no rounding (the dashboard's "0.0 tok/s", ten times a second): no BigDecimal then.
        String s = v == Math.rint(v) && Math.abs(v) < WHOLE_LIMIT && decimals >= 0
                ? Long.toString((long) v) + (decimals > 0 ? "." + "0".repeat(decimals) : "") : exact(v, decimals);
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative && !s.startsWith("-") ? "-" + s : s; // BigDecimal has no -0
    }

    /** Below this, every whole double is exactly a long. */
    private static final double WHOLE_LIMIT = 0x1p53;

    /** {@code f"{v:.Nf}"} of a finite {@code v} by its exact binary value (the sign of -0 aside). */
    static String exact(double v, int decimals) {
        String s = byLongs(v, decimals);
        return s != null ? s : new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * {@link #exact} by long arithmetic, or null when it does not fit in a long: {@code v} is {@code m * 2^e} exactly, so
     * {@code v * 10^N} is {@code m * 10^N} shifted by {@code e}, rounded half-even on the bits shifted out. A short run
     * formats a duration and a percentage, and BigDecimal's static initialiser costs about 14 ms interpreted on JDK 25
     * (ADR 0271).
     */
    static String byLongs(double v, int decimals) {
        if (decimals < 0 || decimals > 9) {
            return null;
        }
        long bits = Double.doubleToRawLongBits(v);
        int biased = (int) (bits >>> 52) & 0x7ff;
        long m = bits & 0xfffffffffffffL;
        if (biased != 0) {
            m |= 1L << 52;
        }
        int e = (biased == 0 ? 1 : biased) - 1075;
        if (m == 0) {
            return byDigits(0, decimals);
        }
        int zeros = Long.numberOfTrailingZeros(m);
        m >>>= zeros;
        e += zeros;
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        if (m > Long.MAX_VALUE / scale) {
            return null;
        }
        long n = m * scale;
        long q;
        if (e >= 0) {
            if (e >= Long.numberOfLeadingZeros(n) - 1) {
                return null;
            }
            q = n << e;
        } else if (-e >= 63) {
            q = -e == 63 && n > 1L << 62 ? 1 : 0; // n < 2^63: at most half of 2^-e, a tie only at 2^62 (to even: 0)
        } else {
            int k = -e;
            q = n >>> k;
            long rest = n & ((1L << k) - 1);
            long half = 1L << (k - 1);
            if (rest > half || rest == half && (q & 1) == 1) {
                q++;
            }
        }
        String plain = byDigits(q, decimals);
        return v < 0 && q != 0 ? "-" + plain : plain;
    }

    /** {@code q / 10^decimals} written with {@code decimals} places ({@code q} at least 0). */
    private static String byDigits(long q, int decimals) {
        String digits = Long.toString(q);
        if (decimals == 0) {
            return digits;
        }
        if (digits.length() <= decimals) {
            digits = "0".repeat(decimals - digits.length() + 1) + digits;
        }
        int point = digits.length() - decimals;
        return digits.substring(0, point) + "." + digits.substring(point);
    }

    /** {@code f"{s:W}"} for a string: left-aligned, padded with spaces to {@code width} code points. */
    public static String padRight(String s, int width) {
        int n = s.codePointCount(0, s.length());
        return n >= width ? s : s + " ".repeat(width - n);
    }

    private static String padLeft(String s, int width) {
        int n = s.codePointCount(0, s.length());
        return n >= width ? s : " ".repeat(width - n) + s;
    }
}
