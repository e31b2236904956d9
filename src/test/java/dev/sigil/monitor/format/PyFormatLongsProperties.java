package dev.sigil.monitor.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code f"{v:.Nf}"} by long arithmetic (ADR 0271) writes what BigDecimal writes of the exact binary value, or declines:
 * ties of every kind (0.125, 2.675, 0.5), negatives that round to 0, subnormals, the durations and percentages a
 * monitor prints, and any double.
 */
class PyFormatLongsProperties {

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.doubles().between(0, 100).ofScale(3),
                Arbitraries.longs().between(-100_000, 100_000).map(l -> l / 1000.0),
                Arbitraries.longs().between(-4000, 4000).map(l -> l / 8.0),
                Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.of(0.0, -0.0, 0.125, 2.675, 0.5, 1.5, 2.5, -0.5, -0.004, -0.005, 0.005, 0.015, 1e-300, Double.MIN_VALUE,
                        -Double.MIN_VALUE, Double.MAX_VALUE, 0x1p53, 0x1p62, 0x1p63, 99.995, 12.345, 1.0 / 3));
    }

    @Property(tries = 5000)
    void longsWriteWhatBigDecimalWritesOrDecline(@ForAll("doubles") double v, @ForAll @IntRange(min = 0, max = 9) int decimals) {
        String fast = PyFormat.byLongs(v, decimals);
        if (fast != null) {
            assertThat(fast).isEqualTo(new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString());
        }
    }

    @Property(tries = 1000)
    void theFiguresAMonitorPrintsNeedNoBigDecimal(@ForAll("figures") double v, @ForAll @IntRange(min = 0, max = 2) int decimals) {
        // a duration in seconds, a percentage, a latency: the fast path answers them all
        assertThat(PyFormat.byLongs(v, decimals)).isNotNull();
    }

    @Provide
    Arbitrary<Double> figures() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(0, 1e7).ofScale(6), Arbitraries.doubles().between(1e-9, 1).ofScale(15));
    }
}
