package dev.sigil.contract.codec;

import java.math.BigDecimal;

import tools.jackson.core.io.schubfach.DoubleToDecimal;

/**
 * Writes a finite double exactly as CPython's {@code float.__repr__} does (and so as {@code json.dumps} does).
 *
 * <p>Python prints the shortest decimal that reads back as the same double (David Gay's dtoa, mode 0) and lays it out
 * by its own rules: plain notation when the decimal exponent lies in [-4, 16), otherwise {@code d.ddde±XX} with at
 * least two exponent digits, and {@code .0} appended to integral values in plain notation. The shortest digits come
 * from Jackson's Schubfach implementation (the algorithm behind Java 19's {@code Double.toString}); only the layout
 * is ours. One correction is needed: Java's specification prefers a two-digit decimal over a one-digit one when both
 * read back ({@code 4.9E-324}), where Python keeps the single digit ({@code 5e-324}).
 */
public final class PythonFloatRepr {

    private PythonFloatRepr() {
    }

    /** Python's {@code repr(value)} for a finite value. */
    public static String repr(double value) {
        StringBuilder out = new StringBuilder(24);
        append(value, out);
        return out.toString();
    }

    /**
     * Appends Python's {@code repr(value)}.
     *
     * @throws IllegalArgumentException if the value is NaN or infinite (Python's json writes those as literals; the
     *         caller decides whether it may)
     */
    public static void append(double value, StringBuilder out) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0.0) {
            out.append(Double.doubleToRawLongBits(value) < 0 ? "-0.0" : "0.0");
            return;
        }
        if (Math.abs(value) < 0x1p53 && value == Math.rint(value)) {
            // Every integer below 2^53 is a double of its own, so its digits are the shortest that read back, and
            // below 10^16 Python writes them in plain notation: the common case, without the general algorithm.
            out.append((long) value).append(".0");
            return;
        }
        Decimal d = shortest(value);
        layout(value < 0, d.digits, d.pointPosition, out);
    }

    /**
     * Shortest round-trip digits (no sign, no leading or trailing zeros) and the position of the decimal point: the
     * value is {@code 0.digits × 10^pointPosition}.
     */
    public record Decimal(String digits, int pointPosition) {
    }

    /**
     * The shortest decimal digits that read back as {@code value} (finite, not zero; the sign is ignored), the ones
     * David Gay's dtoa mode 0 gives: CPython's repr and jq's number output share them, only their layouts differ.
     */
    public static Decimal shortest(double value) {
        Decimal d = parseJava(DoubleToDecimal.toString(Math.abs(value)));
        if (d.digits.length() == 2) {
            Decimal single = singleDigit(Math.abs(value), d);
            if (single != null) {
                return single;
            }
        }
        return d;
    }

    /** Splits Java's {@code Double.toString} form ("123.45", "1.0E-5", "4.9E-324") into digits and point position. */
    private static Decimal parseJava(String java) {
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int point = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
        }
        int end = digits.length();
        while (end > lead + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        return new Decimal(digits.substring(lead, end), point - lead);
    }

    /**
     * Java chose two digits; Python takes one if a one-digit decimal reads back as the same double, choosing the one
     * nearest to the exact value of the double.
     */
    private static Decimal singleDigit(double value, Decimal two) {
        int first = two.digits.charAt(0) - '0';
        BigDecimal exact = new BigDecimal(value);
        Decimal best = null;
        BigDecimal bestDistance = null;
        for (int candidate = first; candidate <= first + 1; candidate++) {
            Decimal d = candidate == 10 ? new Decimal("1", two.pointPosition + 1) : new Decimal(Integer.toString(candidate), two.pointPosition);
            BigDecimal decimal = new BigDecimal(d.digits).scaleByPowerOfTen(d.pointPosition - 1);
            if (decimal.signum() == 0 || decimal.doubleValue() != value) {
                continue;
            }
            BigDecimal distance = decimal.subtract(exact).abs();
            if (best == null || distance.compareTo(bestDistance) < 0) {
                best = d;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Python's float_repr_style 'short' layout of digits {@code 0.d1d2...dn x 10^point}. */
    static void layout(boolean negative, String digits, int point, StringBuilder out) {
        if (negative) {
            out.append('-');
        }
        int n = digits.length();
        if (point <= -4 || point > 16) {
            out.append(digits.charAt(0));
            if (n > 1) {
                out.append('.').append(digits, 1, n);
            }
            int exponent = point - 1;
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                out.append('0');
            }
            out.append(abs);
        } else if (point <= 0) {
            out.append("0.");
            for (int i = point; i < 0; i++) {
                out.append('0');
            }
            out.append(digits);
        } else if (point < n) {
            out.append(digits, 0, point).append('.').append(digits, point, n);
        } else {
            out.append(digits);
            for (int i = n; i < point; i++) {
                out.append('0');
            }
            out.append(".0");
        }
    }
}
