package dev.sigil.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Lines of JSON text as producers really write them, and as they go wrong: every number form (leading zeros, signs,
 * bare points, exponents that overflow, NaN and its misspellings), every escape (valid, invalid, lone surrogates),
 * raw control characters, odd whitespace, duplicate keys, trailing commas, extra data, a BOM, deep nesting, and
 * byte-level damage (invalid UTF-8). Used to compare what sigil and CPython accept and the values they read.
 */
public final class JsonTextArbitraries {

    private static final List<byte[]> BAD_UTF8 = List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0xaf},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xe2, (byte) 0x82},
            new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98}, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});

    private JsonTextArbitraries() {
    }

    /** One line (no newline) as bytes. */
    public static Arbitrary<byte[]> lines() {
        Arbitrary<String> text = Combinators.combine(whitespace(), value(3), whitespace(),
                Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just("")), Tuple.of(1, Arbitraries.of("x", " 1", "{}", "//c", ",", "]", "\u0000"))))
                .as((before, v, after, extra) -> before + v + after + extra);
        Arbitrary<byte[]> utf8 = text.map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> damaged = Combinators.combine(utf8, Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(BAD_UTF8), Arbitraries.integers().between(0, 255)).as(JsonTextArbitraries::damage);
        return Arbitraries.frequencyOf(Tuple.of(16, utf8), Tuple.of(3, damaged), Tuple.of(1, deepNesting()));
    }

    private static byte[] damage(byte[] line, int how, double where, byte[] bad, int someByte) {
        int at = (int) (where * line.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(line.length + 4);
        out.write(line, 0, at);
        switch (how) {
            case 0 -> out.write(bad, 0, bad.length);                     // insert invalid (or BOM) bytes
            case 1 -> at = Math.min(line.length, at + 1);                 // delete a byte
            case 2 -> {                                                    // replace a byte
                out.write(someByte);
                at = Math.min(line.length, at + 1);
            }
            default -> out.write(someByte);                                // insert a byte
        }
        out.write(line, at, line.length - at);
        return out.toByteArray();
    }

    /**
     * Deep nesting either well inside or beyond both limits: CPython's depends on its recursion limit (about 996
     * levels at the top of a program), sigil's is 1000 (docs/contract.md section 7 states the gap between them).
     */
    private static Arbitrary<byte[]> deepNesting() {
        return Combinators.combine(Arbitraries.of(50, 500, 900, 1001, 1100, 3000), Arbitraries.of("[", "{\"k\":"), Arbitraries.of(true, false))
                .as((depth, open, closed) -> {
                    String close = open.equals("[") ? "]" : "}";
                    return (open.repeat(depth) + "1" + (closed ? close.repeat(depth) : close)).getBytes(StandardCharsets.US_ASCII);
                });
    }

    static Arbitrary<String> whitespace() {
        return Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("")), Tuple.of(6, Arbitraries.of(" ", "\t", "\r", "  ", " \t\r ")),
                Tuple.of(1, Arbitraries.of("\u000b", "\u000c", "\u00a0", "\u3000", "\u0085", "\n")));
    }

    static Arbitrary<String> value(int depth) {
        Arbitrary<String> leaf = Arbitraries.frequencyOf(Tuple.of(6, numbers()), Tuple.of(6, strings()),
                Tuple.of(2, Arbitraries.of("true", "false", "null", "True", "nul", "NULL", "tru")));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> child = value(depth - 1);
        return Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(1, array(child)), Tuple.of(2, object(child)));
    }

    private static Arbitrary<String> array(Arbitrary<String> child) {
        Arbitrary<String> element = Combinators.combine(whitespace(), child, whitespace()).as((a, v, b) -> a + v + b);
        return Combinators.combine(element.list().ofMaxSize(4), separators(), trailingComma())
                .as((items, sep, trailing) -> "[" + String.join(sep, items) + trailing + "]");
    }

    private static Arbitrary<String> object(Arbitrary<String> child) {
        Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of("\"a\"", "\"b\"", "\"a\"", "\"\"", "\"\\u0061\"")),
                Tuple.of(3, strings()), Tuple.of(1, Arbitraries.of("a", "'a'", "1", "null")));
        Arbitrary<String> member = Combinators.combine(key, whitespace(), Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just(":")),
                Tuple.of(1, Arbitraries.of("", "::", "="))), whitespace(), child).as((k, a, colon, b, v) -> k + a + colon + b + v);
        return Combinators.combine(member.list().ofMaxSize(4), separators(), trailingComma())
                .as((members, sep, trailing) -> "{" + String.join(sep, members) + trailing + "}");
    }

    /** Mostly ",", sometimes missing or doubled. */
    private static Arbitrary<String> separators() {
        return Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just(",")), Tuple.of(1, Arbitraries.of(" ", ",,", ", ", "")));
    }

    private static Arbitrary<String> trailingComma() {
        return Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.just("")), Tuple.of(1, Arbitraries.just(",")));
    }

    static Arbitrary<String> numbers() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25);
        Arbitrary<String> intPart = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("0", "1", "7", "10", "123")),
                Tuple.of(4, digits.map(d -> d.charAt(0) == '0' ? "9" + d : d)), Tuple.of(1, Arbitraries.of("00", "01", "007", "")));
        Arbitrary<String> frac = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")), Tuple.of(4, digits.map(d -> "." + d)),
                Tuple.of(1, Arbitraries.of(".", ".e1")));
        Arbitrary<String> exp = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just("")),
                Tuple.of(4, Combinators.combine(Arbitraries.of("e", "E"), Arbitraries.of("", "+", "-"), Arbitraries.integers().between(0, 400))
                        .as((e, sign, n) -> e + sign + n)),
                Tuple.of(1, Arbitraries.of("e", "e+", "E-", "e99999999999999999999", "e-99999999999999999999", "e0001")));
        Arbitrary<String> regular = Combinators.combine(Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("")), Tuple.of(3, Arbitraries.just("-")),
                Tuple.of(1, Arbitraries.of("+", "--"))), intPart, frac, exp).as((s, i, f, e) -> s + i + f + e);
        Arbitrary<String> special = Arbitraries.of("NaN", "Infinity", "-Infinity", "nan", "inf", "-NaN", "+Infinity", "INF",
                "-INF", "Infinite", "-infinity", "+NaN", "1" + "0".repeat(4299), "1" + "0".repeat(4300), "-" + "9".repeat(4300),
                "-" + "9".repeat(4301), "0." + "0".repeat(400) + "1", "1" + "0".repeat(400) + ".0", "2.2250738585072011e-308",
                "4.9406564584124654e-324", "2.4703282292062328e-324", "1.7976931348623159e308", "9007199254740993", "0.1e1", "-0", "-0.0");
        return Arbitraries.frequencyOf(Tuple.of(8, regular), Tuple.of(1, special));
    }

    static Arbitrary<String> strings() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.strings().withCharRange(' ', '~').excludeChars('"', '\\').ofMinLength(1).ofMaxLength(6)),
                Tuple.of(6, Arbitraries.of("\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t")),
                Tuple.of(6, Combinators.combine(Arbitraries.of("\\u", "\\U"), Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.integers().between(0, 0xFFFF)), Tuple.of(2, Arbitraries.integers().between(0xD800, 0xDFFF))),
                        Arbitraries.of(true, false)).as((u, c, upper) -> {
                            String hex = String.format(upper ? "%04X" : "%04x", c);
                            return u + hex;
                        })),
                Tuple.of(1, Arbitraries.of("\\x41", "\\u12", "\\u12g4", "\\'", "\\0", "\\", "\\ ")),
                Tuple.of(2, Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf)),
                Tuple.of(4, Arbitraries.of("\u007f", "\u00e9", "\u2028", "\ufeff", "\ufffd", "\u6f22", "\ud83d\ude00", "\udbff\udfff")));
        return Combinators.combine(Arbitraries.of("\"", "\"", "\"", "\"", "'"), piece.list().ofMaxSize(6), Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just("\"")), Tuple.of(1, Arbitraries.of("", "'"))))
                .as((open, pieces, close) -> open + String.join("", pieces) + close);
    }
}
