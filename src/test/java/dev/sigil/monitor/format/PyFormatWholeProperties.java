package dev.sigil.monitor.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** {@code fixed} of a whole number, written without BigDecimal, is what the exact path writes (the sign of zero kept). */
class PyFormatWholeProperties {

    @Provide
    Arbitrary<Double> wholes() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-(1L << 53), 1L << 53).map(l -> (double) l),
                Arbitraries.longs().between(-1000, 1000).map(l -> (double) l),
                Arbitraries.of(0.0, -0.0, 0x1p53, -0x1p53, 0x1p53 - 1, 1e300, -1e300));
    }

    @Property(tries = 3000)
    void aWholeNumberIsWrittenAsTheExactPathWritesIt(@ForAll("wholes") double v, @ForAll @IntRange(min = 0, max = 6) int decimals) {
        String exact = PyFormat.exact(v, decimals);
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        assertThat(PyFormat.fixed(v, decimals)).isEqualTo(negative && !exact.startsWith("-") ? "-" + exact : exact);
    }
}
