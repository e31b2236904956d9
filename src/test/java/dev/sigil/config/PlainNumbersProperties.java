package dev.sigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The plain numbers written without BigDecimal are the ones BigDecimal writes (ADR 0245). */
class PlainNumbersProperties {

    @Property(tries = 3000)
    void aDoubleAsBigDecimalWritesIt(@ForAll("finite") double v) {
        assertThat(PlainNumbers.of(v)).isEqualTo(new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString());
    }

    @Property(tries = 3000)
    void aDurationInUnitsAsBigDecimalDividesIt(@ForAll @LongRange(min = 0) long nanos, @ForAll("powersOfTen") long perUnit) {
        String expected = BigDecimal.valueOf(nanos).divide(BigDecimal.valueOf(perUnit), 9, RoundingMode.HALF_EVEN)
                .stripTrailingZeros().toPlainString();
        assertThat(PlainNumbers.units(nanos, perUnit)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<Double> finite() {
        return Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(0.0, -0.0, 0.8, 0.95, 1.0, 100.0, 1e-4, 1e7, 1e10, 1.5e-9, Double.MIN_VALUE, Double.MAX_VALUE, -2.5),
                Arbitraries.integers().between(-20, 20).map(e -> Math.pow(10, e)),
                Arbitraries.longs().map(l -> (double) l));
    }

    @Provide
    Arbitrary<Long> powersOfTen() {
        return Arbitraries.integers().between(0, 9).map(n -> (long) Math.pow(10, n));
    }
}
