package dev.sigil.monitor.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
        String digits = Long.toString(v);
        int sign = v < 0 ? 1 : 0;
        int n = digits.length() - sign;
        StringBuilder out = new StringBuilder(digits.length() + n / 3);
        out.append(digits, 0, sign);
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(sign + i));
        }
        return out.toString();
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
        return new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
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
