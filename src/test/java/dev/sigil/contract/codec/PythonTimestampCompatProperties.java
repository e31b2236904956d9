package dev.sigil.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.sigil.compat.CPythonOracle;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * {@link PythonTimestamp} writes what CPython's {@code datetime.isoformat()} writes, naive and aware, for any date
 * of Python's range, any microsecond (zero ones dropped), and offsets with seconds.
 */
@Tag("compat")
class PythonTimestampCompatProperties {

    private static CPythonOracle python;

    @BeforeContainer
    static void start() {
        python = CPythonOracle.start();
    }

    @AfterContainer
    static void stop() {
        if (python != null) {
            python.close();
        }
    }

    /** A date-time and an offset in seconds (null for a naive value). */
    record Case(LocalDateTime time, Integer offsetSeconds) {
    }

    @Provide
    Arbitrary<List<Case>> batches() {
        Arbitrary<LocalDateTime> times = Combinators.combine(Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                Arbitraries.integers().between(0, 59), Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 1, 999, 1000, 999_999, 1_000_000, 999_999_999, 500_000_000)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 999_999_999))))
                .as((y, mo, d, h, mi, s, nanos) -> LocalDateTime.of(y, mo, d, h, mi, s, nanos));
        Arbitrary<Integer> offsets = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just((Integer) null)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(-18 * 60, 18 * 60).map(m -> m * 60)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-64_800, 64_800)));
        return Combinators.combine(times, offsets).as(Case::new).list().ofSize(500);
    }

    @Property(tries = 10, edgeCases = EdgeCasesMode.NONE)
    void isoformatIsCPythons(@ForAll("batches") List<Case> cases) {
        List<String> fields = new ArrayList<>(cases.size());
        for (Case c : cases) {
            LocalDateTime t = c.time();
            // Python's datetime holds microseconds: the value it is given is the one PythonTimestamp truncates to.
            fields.add(t.getYear() + " " + t.getMonthValue() + " " + t.getDayOfMonth() + " " + t.getHour() + " " + t.getMinute()
                    + " " + t.getSecond() + " " + t.getNano() / 1000 + (c.offsetSeconds() == null ? "" : " " + c.offsetSeconds()));
        }
        List<String> expected = python.isoformat(fields);
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String java = c.offsetSeconds() == null ? PythonTimestamp.isoformat(c.time())
                    : PythonTimestamp.isoformat(OffsetDateTime.of(c.time(), ZoneOffset.ofTotalSeconds(c.offsetSeconds())));
            assertThat(java).as("isoformat of %s", fields.get(i)).isEqualTo(expected.get(i));
        }
    }
}
