package dev.sigil.config;

/**
 * Numbers written without an exponent and without trailing zeros ({@code 0.8}, {@code 60}, {@code 0.001}), as
 * {@code BigDecimal.stripTrailingZeros().toPlainString()} writes them, and read back, by string and long arithmetic
 * alone: every command that reads the configuration writes its keys' defaults and parses them at start-up, and
 * BigDecimal's static initialiser (5^65536 by repeated squaring) costs about 14 ms interpreted on JDK 25 (ADR 0270).
 */
final class PlainNumbers {

    /** Digits a long holds whatever they are (10^18 - 1 < 2^63). */
    private static final int LONG_DIGITS = 18;

    private PlainNumbers() {
    }

    /**
     * The whole number written as {@code digits} (ASCII digits, leading zeros allowed, at least one), or -1 when it is
     * larger than {@code Long.MAX_VALUE}.
     */
    static long whole(String digits) {
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        if (digits.length() - start > LONG_DIGITS + 1) {
            return -1;
        }
        long v = 0;
        for (int i = start; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (v > (Long.MAX_VALUE - d) / 10) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * {@code text} times {@code perUnit}, exactly, when that is a whole number a long holds and {@code text} is written
     * without an exponent ({@code 12}, {@code 0.5}, {@code .25}, {@code 3.}: digits and at most one point, no
     * underscores); -1 otherwise (the caller then takes the exact path). {@code perUnit} a power of ten from 1.
     */
    static long scaled(String text, long perUnit) {
        int dot = text.indexOf('.');
        String digits = dot < 0 ? text : text.substring(0, dot) + text.substring(dot + 1);
        int fraction = dot < 0 ? 0 : text.length() - dot - 1;
        int scale = Long.toString(perUnit).length() - 1;
        if (digits.isEmpty() || fraction > scale || perUnit != pow10(scale) || !allDigits(digits)) {
            return -1;
        }
        long v = whole(digits);
        long factor = pow10(scale - fraction);
        return v < 0 || v > Long.MAX_VALUE / factor ? -1 : v * factor;
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code v} as {@code new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString()}, for finite {@code v}. */
    static String of(double v) {
        String s = Double.toString(v);
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        int e = s.indexOf('E');
        int exponent = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
        String mantissa = e < 0 ? s : s.substring(0, e);
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = (dot < 0 ? mantissa.length() : dot) + exponent;
        return sign(negative, place(digits, point));
    }

    /**
     * {@code nanos / perUnit} written plainly, exact when {@code perUnit} is a power of ten up to 10^9 (the units a
     * duration is written in: seconds, milliseconds); {@code nanos} at least 0.
     */
    static String units(long nanos, long perUnit) {
        int scale = Long.toString(perUnit).length() - 1;
        if (nanos < 0 || perUnit != pow10(scale) || scale > 9) {
            throw new IllegalArgumentException("units of 10^" + scale + " ns, a non-negative count");
        }
        return place(Long.toString(nanos), Long.toString(nanos).length() - scale);
    }

    /** The digits with the decimal point after {@code point} of them (before the first when 0, zeros added as needed). */
    private static String place(String digits, int point) {
        StringBuilder b = new StringBuilder();
        if (point <= 0) {
            b.append("0.").append("0".repeat(-point)).append(digits);
        } else if (point >= digits.length()) {
            b.append(digits).append("0".repeat(point - digits.length()));
        } else {
            b.append(digits, 0, point).append('.').append(digits, point, digits.length());
        }
        return strip(b.toString());
    }

    private static String strip(String s) {
        int start = 0;
        while (start < s.length() - 1 && s.charAt(start) == '0' && s.charAt(start + 1) != '.') {
            start++;
        }
        int end = s.length();
        if (s.indexOf('.') >= 0) {
            while (s.charAt(end - 1) == '0') {
                end--;
            }
            if (s.charAt(end - 1) == '.') {
                end--;
            }
        }
        return s.substring(start, end);
    }

    private static String sign(boolean negative, String plain) {
        return negative && !plain.equals("0") ? "-" + plain : plain;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}
