package dev.sigil.print;

import java.util.Map;

import dev.sigil.contract.codec.PythonFloatRepr;
import dev.sigil.contract.codec.PythonJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * jq's text for a value, as jq 1.6 writes it in a string interpolation {@code "\(.x)"} ({@code tostring}): a string
 * as itself, anything else as compact JSON the way jq prints it. That differs from CPython's JSON on purpose, so
 * that {@code sigil tail} and {@code scripts/file_monitor.sh} print the same bytes:
 * <ul>
 *   <li>every number is a double: integers beyond 2^53 are rounded ({@code 12345678901234567890} prints as
 *       {@code 12345678901234567000}), {@code 1.0} prints as {@code 1}, NaN as {@code null}, infinities as
 *       ±{@code 1.7976931348623157e+308}, the integer {@code -0} (0 for CPython) as {@code -0}; the shortest digits
 *       that read back, in plain notation unless the decimal exponent is below -4 or more than 15 places beyond the
 *       digits ({@code 1e+17}, {@code 1e-05});</li>
 *   <li>strings keep non-ASCII characters as they are; {@code "} and {@code \} are escaped, control characters and
 *       DEL become {@code \b \t \n \f \r} or {@code \}{@code u00xx} (lower-case hex);</li>
 *   <li>a lone surrogate (which CPython's reader keeps, from an escape like {@code \}{@code udc00}) is U+FFFD, as jq
 *       decodes it.</li>
 * </ul>
 * Pure and thread-safe.
 */
public final class JqText {

    private JqText() {
    }

    /** {@code "\(value)"}: a string as itself, null (or an absent value) as {@code null}, anything else as JSON. */
    public static String of(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "null";
        }
        if (value.isString()) {
            return wellFormed(value.stringValue());
        }
        StringBuilder out = new StringBuilder();
        appendJson(value, out);
        return out.toString();
    }

    /** {@code value | tojson} as jq 1.6 writes it. */
    public static void appendJson(JsonNode value, StringBuilder out) {
        switch (value.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    appendString(e.getKey(), out);
                    out.append(':');
                    appendJson(e.getValue(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < value.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    appendJson(value.get(i), out);
                }
                out.append(']');
            }
            case STRING -> appendString(value.stringValue(), out);
            case NUMBER -> out.append(PythonJsonReader.writtenAsNegativeZero(value) ? "-0"
                    : number(value.isIntegralNumber() ? value.bigIntegerValue().doubleValue() : value.doubleValue()));
            case BOOLEAN -> out.append(value.booleanValue());
            default -> out.append("null");
        }
    }

    /** A number as jq 1.6 prints it ({@code jvp_dtoa_fmt}). */
    public static String number(double d) {
        if (Double.isNaN(d)) {
            return "null";
        }
        double x = Double.isInfinite(d) ? Math.copySign(Double.MAX_VALUE, d) : d;
        boolean negative = Double.doubleToRawLongBits(x) < 0;
        if (x == 0) {
            return negative ? "-0" : "0";
        }
        PythonFloatRepr.Decimal decimal = PythonFloatRepr.shortest(x);
        String digits = decimal.digits();
        int point = decimal.pointPosition();
        int n = digits.length();
        StringBuilder out = new StringBuilder(24);
        if (negative) {
            out.append('-');
        }
        if (point <= -4 || point > n + 15) {
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
            out.append("0".repeat(-point));
            out.append(digits);
        } else if (point < n) {
            out.append(digits, 0, point).append('.').append(digits, point, n);
        } else {
            out.append(digits).append("0".repeat(point - n));
        }
        return out.toString();
    }

    /** A JSON string literal as jq 1.6's {@code jvp_dump_string} writes it (not ASCII-only). */
    static void appendString(String s, StringBuilder out) {
        out.append('"');
        String text = wellFormed(s);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** {@code s} with every lone surrogate replaced by U+FFFD, so that it encodes to UTF-8 as jq would hold it. */
    static String wellFormed(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c);
            if (Character.isHighSurrogate(c) && !lone) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (lone && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                out.append(lone ? '\uFFFD' : c);
            }
        }
        return out == null ? s : out.toString();
    }
}
