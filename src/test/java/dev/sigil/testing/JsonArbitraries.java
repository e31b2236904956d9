package dev.sigil.testing;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Broad generators of JSON values for properties: all of Unicode (lone surrogates and control characters included),
 * doubles from every corner (subnormals, -0.0, the exponent boundaries of Python's repr, NaN and the infinities),
 * integers far beyond 64 bits, and nested arrays and objects.
 */
public final class JsonArbitraries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Doubles where float formatting goes wrong: layout boundaries, shortest-digit traps, extremes. */
    public static final List<Double> SPECIAL_DOUBLES = List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 2 * Double.MIN_VALUE,
            3 * Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE,
            1e-5, 1e-4, 0.0001, 0.00001, 9.999999999999999e-5, 1e16, 1e15, 9999999999999998.0, 1e22, 1e23, 0x1p53, 0x1p53 + 2,
            0x1p63, 0x1p64, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0 / 3, 2.0 / 3, 100.0, 1100.0, 123456789.0, 1.5, -1.5, 5e-324,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

    private static final List<Double> BOUNDARIES = List.of(1e-5, 1e-4, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 0x1p53, 0x1p63, 0x1p64,
            Double.MIN_NORMAL, Double.MAX_VALUE, 0.1, 0.5, 1.0, 10.0);

    private JsonArbitraries() {
    }

    /** Any JSON value, nested up to four levels. */
    public static Arbitrary<JsonNode> values() {
        return values(4);
    }

    /** Any JSON value, nested up to {@code depth} levels. */
    public static Arbitrary<JsonNode> values(int depth) {
        Arbitrary<JsonNode> leaf = leaves();
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = values(depth - 1);
        return Arbitraries.frequencyOf(Tuple.of(8, leaf), Tuple.of(1, arrays(child)), Tuple.of(1, objects(child)));
    }

    public static Arbitrary<JsonNode> leaves() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(6, integers()),
                Tuple.of(8, doubles().map(NODES::numberNode)),
                Tuple.of(8, strings().map(NODES::stringNode)));
    }

    public static Arbitrary<JsonNode> arrays(Arbitrary<JsonNode> element) {
        return element.list().ofMaxSize(5).map(list -> {
            ArrayNode a = NODES.arrayNode();
            list.forEach(a::add);
            return a;
        });
    }

    public static Arbitrary<JsonNode> objects(Arbitrary<JsonNode> member) {
        return Combinators.combine(strings(), member).as(Map::entry).list().ofMaxSize(5).map(entries -> {
            ObjectNode o = NODES.objectNode();
            entries.forEach(e -> o.set(e.getKey(), e.getValue()));
            return o;
        });
    }

    /** Strings over all of UTF-16: printable ASCII, controls, JSON's escapes, lone surrogates, any BMP char, astral. */
    public static Arbitrary<String> strings() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.chars().range(' ', '~').map(String::valueOf)),
                Tuple.of(10, Arbitraries.chars().range('\u0000', '\u001f').map(String::valueOf)),
                Tuple.of(10, Arbitraries.of("\"", "\\", "/", "\u007f", "\u0080", "\u00ff", "\u2028", "\u2029", "\ufeff", "\ufffd", "\uffff")),
                Tuple.of(8, Arbitraries.chars().range('\ud800', '\udfff').map(String::valueOf)),
                Tuple.of(17, Arbitraries.chars().all().map(String::valueOf)),
                Tuple.of(15, Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString)));
        return piece.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    /** Doubles from every corner of the format. */
    public static Arbitrary<Double> doubles() {
        Arbitrary<Double> anyBits = Arbitraries.longs().withDistribution(RandomDistribution.uniform()).map(Double::longBitsToDouble);
        Arbitrary<Double> subnormals = Combinators.combine(
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.longs().between(1, (1L << 52) - 1).withDistribution(RandomDistribution.uniform())),
                        Tuple.of(1, Arbitraries.longs().between(1, 100_000))),
                Arbitraries.of(1.0, -1.0)).as((bits, sign) -> sign * Double.longBitsToDouble(bits));
        Arbitrary<Double> nearBoundaries = Combinators.combine(Arbitraries.of(BOUNDARIES),
                Arbitraries.integers().between(-4, 4), Arbitraries.of(1.0, -1.0)).as((base, steps, sign) -> {
                    double d = base;
                    for (int i = 0; i < Math.abs(steps); i++) {
                        d = steps > 0 ? Math.nextUp(d) : Math.nextDown(d);
                    }
                    return sign * d;
                });
        // Values people write ("12.5", "3e-7"): their shortest repr is the text itself, in Python's layout.
        Arbitrary<Double> shortDecimals = Combinators.combine(Arbitraries.integers().between(0, 999_999),
                Arbitraries.integers().between(-330, 310), Arbitraries.of("", "-"))
                .as((digits, exponent, sign) -> Double.parseDouble(sign + digits + "e" + exponent));
        Arbitrary<Double> integral = Arbitraries.longs().between(-(1L << 62), 1L << 62).map(l -> (double) l);
        return Arbitraries.frequencyOf(
                Tuple.of(30, anyBits),
                Tuple.of(10, subnormals),
                Tuple.of(10, Arbitraries.of(SPECIAL_DOUBLES)),
                Tuple.of(20, nearBoundaries),
                Tuple.of(20, shortDecimals),
                Tuple.of(10, integral));
    }

    /** Integers as Jackson holds them: int, long and BigInteger nodes, up to CPython's 4300 digits. */
    public static Arbitrary<JsonNode> integers() {
        Arbitrary<JsonNode> huge = Combinators.combine(Arbitraries.integers().between(1, 4300), Arbitraries.of(1, -1), Arbitraries.longs())
                .as((digits, sign, seed) -> {
                    java.util.Random r = new java.util.Random(seed);
                    StringBuilder s = new StringBuilder(digits + 1).append(sign < 0 ? "-" : "").append((char) ('1' + r.nextInt(9)));
                    for (int i = 1; i < digits; i++) {
                        s.append((char) ('0' + r.nextInt(10)));
                    }
                    return NODES.numberNode(new BigInteger(s.toString()));
                });
        BigInteger bound = BigInteger.TEN.pow(60);
        return Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.integers().between(-1000, 1000).map(NODES::numberNode)),
                Tuple.of(30, Arbitraries.longs().withDistribution(RandomDistribution.uniform()).map(NODES::numberNode)),
                Tuple.of(25, Arbitraries.bigIntegers().between(bound.negate(), bound).map(NODES::numberNode)),
                Tuple.of(1, huge));
    }
}
