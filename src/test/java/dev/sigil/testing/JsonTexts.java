package dev.sigil.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.sigil.contract.codec.PythonFloatRepr;
import dev.sigil.contract.codec.PythonJsonWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.JsonNode;

/**
 * JSON texts of generated values in every surface form a line can take, for properties that compare a fast path with
 * the exact one: CPython's own bytes, or the value rewritten with whitespace, escapes where none are needed, raw
 * UTF-8, other spellings of numbers ({@code 1.50}, {@code 15e-1}, {@code -0}), repeated keys; and, now and then,
 * bytes broken after rendering (one byte replaced, removed or inserted) so that invalid lines come up too.
 */
public final class JsonTexts {

    private static final PythonJsonWriter CANONICAL = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);
    private static final byte[] NOISE = " \t\r\n\"\\{}[]:,0-.eE+nNIu\u00e9x\u0000\u007f".getBytes(StandardCharsets.UTF_8);

    private JsonTexts() {
    }

    /** Texts of {@code values}: a third canonical, the rest restyled; a fifth of all with one byte broken. */
    public static Arbitrary<byte[]> of(Arbitrary<JsonNode> values) {
        return Combinators.combine(values, Arbitraries.longs(), Arbitraries.integers().between(0, 14)).as((value, seed, style) -> {
            Random random = new Random(seed);
            byte[] text = style < 5 ? CANONICAL.encode(value) : render(value, random);
            return style >= 12 ? breakOneByte(text, random) : text;
        });
    }

    /** {@code value} written in a random surface form (same value for CPython, unless a key is repeated). */
    public static byte[] render(JsonNode value, Random random) {
        StringBuilder out = new StringBuilder();
        value(value, random, out);
        space(random, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void value(JsonNode v, Random r, StringBuilder out) {
        space(r, out);
        switch (v.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
                v.properties().forEach(members::add);
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        space(r, out);
                        out.append(',');
                    }
                    member(members.get(i).getKey(), members.get(i).getValue(), r, out);
                }
                if (!members.isEmpty() && r.nextInt(12) == 0) {
                    // A repeated key: CPython keeps the first position and the last value.
                    Map.Entry<String, JsonNode> again = members.get(r.nextInt(members.size()));
                    out.append(',');
                    member(again.getKey(), r.nextBoolean() ? again.getValue() : members.get(0).getValue(), r, out);
                }
                space(r, out);
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < v.size(); i++) {
                    if (i > 0) {
                        space(r, out);
                        out.append(',');
                    }
                    value(v.get(i), r, out);
                }
                space(r, out);
                out.append(']');
            }
            case STRING -> string(v.stringValue(), r, out);
            case NUMBER -> number(v, r, out);
            default -> out.append(CANONICAL.encodeToString(v));
        }
    }

    private static void member(String key, JsonNode value, Random r, StringBuilder out) {
        space(r, out);
        string(key, r, out);
        space(r, out);
        out.append(':');
        value(value, r, out);
    }

    private static void space(Random r, StringBuilder out) {
        if (r.nextInt(4) == 0) {
            for (int i = r.nextInt(3); i >= 0; i--) {
                out.append(" \t\r\n".charAt(r.nextInt(4)));
            }
        }
    }

    private static void number(JsonNode v, Random r, StringBuilder out) {
        if (v.isIntegralNumber()) {
            String digits = v.bigIntegerValue().toString();
            out.append(digits.equals("0") && r.nextInt(4) == 0 ? "-0" : digits);
            return;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            out.append(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
            return;
        }
        StringBuilder repr = new StringBuilder();
        PythonFloatRepr.append(d, repr);
        switch (r.nextInt(5)) {
            case 0 -> out.append(Double.toString(d));
            case 1 -> out.append(new BigDecimal(d).toPlainString().replaceFirst("^(-?\\d+)$", "$1.0"));
            case 2 -> out.append(repr.indexOf("e") < 0 && repr.indexOf(".") >= 0 ? repr + "0" : repr.toString());
            default -> out.append(repr);
        }
    }

    private static void string(String s, Random r, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair && r.nextBoolean()) {
                out.append(c).append(s.charAt(++i)); // raw: four bytes of UTF-8
            } else if (Character.isSurrogate(c) || c < 0x20 || c == '"' || c == '\\' || r.nextInt(10) == 0) {
                escape(c, r, out);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void escape(char c, Random r, StringBuilder out) {
        String shortForm = switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '/' -> "\\/";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> null;
        };
        if (shortForm != null && r.nextBoolean()) {
            out.append(shortForm);
        } else {
            String hex = String.format("\\u%04x", (int) c);
            out.append(r.nextBoolean() ? hex : hex.toUpperCase(java.util.Locale.ROOT).replace("\\U", "\\u"));
        }
    }

    private static byte[] breakOneByte(byte[] text, Random r) {
        if (text.length == 0) {
            return new byte[] {NOISE[r.nextInt(NOISE.length)]};
        }
        int at = r.nextInt(text.length);
        byte noise = r.nextInt(8) == 0 ? (byte) (0x80 + r.nextInt(0x80)) : NOISE[r.nextInt(NOISE.length)];
        return switch (r.nextInt(3)) {
            case 0 -> {
                byte[] b = text.clone();
                b[at] = noise;
                yield b;
            }
            case 1 -> {
                byte[] b = new byte[text.length - 1];
                System.arraycopy(text, 0, b, 0, at);
                System.arraycopy(text, at + 1, b, at, text.length - at - 1);
                yield b;
            }
            default -> {
                byte[] b = new byte[text.length + 1];
                System.arraycopy(text, 0, b, 0, at);
                b[at] = noise;
                System.arraycopy(text, at, b, at + 1, text.length - at);
                yield b;
            }
        };
    }
}
