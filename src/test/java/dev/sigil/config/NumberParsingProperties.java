package dev.sigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The configuration's numbers read without BigDecimal (ADR 0270) are the values BigDecimal reads: whole numbers, durations
 * and fractions, each against the BigDecimal reading it replaced, on any text the keys' patterns accept (leading zeros,
 * underscores, a point first or last, exponents, more digits than a long holds) and on numbers near the ranges' ends.
 */
class NumberParsingProperties {

    private static final Path HOME = Path.of("/nonexistent-home");

    @Property(tries = 3000)
    void aWholeNumberIsReadAsBigDecimalReadsIt(@ForAll("wholeTexts") String text, @ForAll("bounds") long[] range) {
        ValueType<Long> type = ValueTypes.integer(range[0], range[1], "things");
        BigDecimal v = new BigDecimal(text.replace("_", ""));
        String expected = v.compareTo(BigDecimal.valueOf(range[0])) < 0 || v.compareTo(BigDecimal.valueOf(range[1])) > 0
                ? "expected " + type.expected() : Long.toString(v.longValueExact());
        assertThat(outcome(type, text)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void aDurationIsReadAsBigDecimalReadsIt(@ForAll("decimalTexts") String text, @ForAll("units") long nanosPerUnit) {
        Duration min = Duration.ofMillis(1);
        Duration max = Duration.ofSeconds(60);
        ValueType<Duration> type = ValueTypes.duration("units", nanosPerUnit, min, max);
        BigDecimal nanos = new BigDecimal(text.replace("_", "")).multiply(BigDecimal.valueOf(nanosPerUnit));
        String expected = nanos.compareTo(BigDecimal.valueOf(min.toNanos())) < 0 || nanos.compareTo(BigDecimal.valueOf(max.toNanos())) > 0
                ? "expected " + type.expected() : Duration.ofNanos(nanos.setScale(0, RoundingMode.HALF_EVEN).longValueExact()).toString();
        assertThat(outcome(type, text)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void aFractionIsReadAsBigDecimalReadsIt(@ForAll("decimalTexts") String text) {
        ValueType<Double> type = ValueTypes.decimal(0, true, 1e300, "a fraction");
        double v = new BigDecimal(text.replace("_", "")).doubleValue();
        String expected = v <= 0 || v > 1e300 ? "expected " + type.expected() : Double.toString(v);
        assertThat(outcome(type, text)).isEqualTo(expected);
    }

    @Property(tries = 3000)
    void scaledIsExactOrDeclines(@ForAll("decimalTexts") String text, @ForAll("units") long perUnit) {
        String plain = text.replace("_", "");
        long fast = PlainNumbers.scaled(plain, perUnit);
        BigDecimal exact = new BigDecimal(plain).multiply(BigDecimal.valueOf(perUnit));
        if (fast >= 0) {
            assertThat(BigDecimal.valueOf(fast)).isEqualByComparingTo(exact);
        } else {
            // it declines only what it says it declines: an exponent, a fraction finer than a unit, more than a long
            boolean mayDecline = plain.contains("e") || plain.contains("E") || exact.stripTrailingZeros().scale() > 0
                    || plain.indexOf('.') >= 0 && plain.length() - plain.indexOf('.') - 1 > Long.toString(perUnit).length() - 1
                    || exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0;
            assertThat(mayDecline).as("declined %s", plain).isTrue();
        }
    }

    private static String outcome(ValueType<?> type, String text) {
        try {
            return String.valueOf(type.parse(RawValue.scalar(text), HOME));
        } catch (InvalidValueException e) {
            return e.getMessage();
        }
    }

    @Provide
    Arbitrary<String> wholeTexts() {
        Arbitrary<String> groups = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(7).list().ofMinSize(1).ofMaxSize(4)
                .map(g -> String.join("_", g));
        Arbitrary<String> near = Arbitraries.of(0L, 1L, 9L, 10L, 65_535L, 65_536L, 999_999_999_999L, 1_000_000_000_000L,
                1_000_000_000_001L, Long.MAX_VALUE - 1, Long.MAX_VALUE).map(n -> Long.toString(n));
        Arbitrary<String> huge = Arbitraries.of("9223372036854775808", "18446744073709551616", "99999999999999999999",
                "00000000000000000000000000042", "0", "000");
        return Arbitraries.oneOf(groups, near, huge, Arbitraries.longs().between(0, Long.MAX_VALUE).map(n -> Long.toString(n)));
    }

    @Provide
    Arbitrary<long[]> bounds() {
        return Arbitraries.oneOf(Arbitraries.of(new long[] {1, 64L << 20}, new long[] {0, 1_000_000_000_000L},
                new long[] {1, 65_535}, new long[] {100, 60_000}, new long[] {0, Long.MAX_VALUE}));
    }

    @Provide
    Arbitrary<Long> units() {
        return Arbitraries.of(1L, 1_000L, 1_000_000L, 1_000_000_000L);
    }

    @Provide
    Arbitrary<String> decimalTexts() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> intPart = Arbitraries.oneOf(digits, digits.list().ofMinSize(2).ofMaxSize(3).map(g -> String.join("_", g)),
                Arbitraries.strings().numeric().ofMinLength(19).ofMaxLength(24));
        Arbitrary<String> fraction = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(14);
        Arbitrary<String> exponent = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.integers().between(-12, 12).map(e -> (e % 2 == 0 ? "e" : "E") + (e >= 0 && e % 3 == 0 ? "+" : "") + e));
        Arbitrary<String> withInt = Combinators.combine(intPart, Arbitraries.of(true, false), fraction, exponent)
                .as((i, dot, f, e) -> i + (dot ? "." + f : "") + e);
        Arbitrary<String> pointFirst = Combinators.combine(digits, exponent).as((f, e) -> "." + f + e);
        Arbitrary<String> near = Arbitraries.of("0.001", "0.0009999", "0.0010000001", "60", "60.000000001", "60000", "59.9999999995",
                "0.0000000005", "0.0000000015", "1", "0", "0.5", "0.95", "1e-3", "6e1", "6E+1", "0.001e0", "1.", "007.50");
        return Arbitraries.oneOf(withInt, pointFirst, near);
    }
}
