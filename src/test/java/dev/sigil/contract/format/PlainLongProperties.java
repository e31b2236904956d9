package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A digit string read as a long ({@link Value#plainLong}, ADR 0260) is the value its decimal reading gives; it is declined
 * only when that is no long or has more than 19 digits (leading zeros: the caller reads it as a decimal then): on strings of 0-21 digits, signs,
 * leading zeros and a stray character, around the limits of a long. And an epoch count read from such a string gives
 * the text the decimal reading gives.
 */
class PlainLongProperties {

    private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(0).ofMaxLength(21);
        Arbitrary<String> limits = Arbitraries.bigIntegers().between(BigInteger.valueOf(Long.MAX_VALUE).subtract(BigInteger.valueOf(50)),
                BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.valueOf(50))).map(BigInteger::toString);
        Arbitrary<String> signed = Arbitraries.oneOf(digits, limits).flatMap(d -> Arbitraries.of("", "-", "+", "--", " ").map(s -> s + d));
        Arbitrary<String> stray = digits.flatMap(d -> Arbitraries.of(".", "e", "x", "-", " ").flatMap(c ->
                Arbitraries.integers().between(0, d.length()).map(i -> d.substring(0, i) + c + d.substring(i))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, signed), net.jqwik.api.Tuple.of(1, stray));
    }

    @Property(tries = 5000)
    void isTheDecimalsValueWhenItFitsALong(@ForAll("texts") String text) {
        BigDecimal decimal = Value.decimal(JsonNodeFactory.instance.stringNode(text), true);
        long plain = Value.plainLong(text);
        boolean fits = decimal != null && decimal.compareTo(MIN) > 0 && decimal.compareTo(MAX) <= 0;
        if (plain != Value.NOT_PLAIN) {
            assertThat(fits).as(text).isTrue();
            assertThat(plain).as(text).isEqualTo(decimal.longValueExact());
        } else {
            // declined: what it does not read, and digit strings of more than 19 digits (leading zeros), read as decimals
            assertThat(fits && text.replace("-", "").length() <= 19).as(text).isFalse();
        }
        if (plain != Value.NOT_PLAIN) {
            for (EpochTime.Kind kind : EpochTime.Kind.values()) {
                if (kind != EpochTime.Kind.ISO8601) {
                    assertThat(EpochTime.iso(plain, kind)).as(text + " " + kind).isEqualTo(EpochTime.iso(decimal, kind));
                }
            }
        }
    }
}
