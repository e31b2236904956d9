package dev.sigil.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The heap an out-of-memory message asks for is always larger than the one the process had. */
class HeapTest {

    @Test
    void theAdviceIsAtLeastTwiceTheCurrentHeap() {
        assertThat(Heap.largerOption(38)).isEqualTo("-Xmx128m");
        assertThat(Heap.largerOption(61)).isEqualTo("-Xmx128m");
        assertThat(Heap.largerOption(64)).isEqualTo("-Xmx128m");
        assertThat(Heap.largerOption(123)).isEqualTo("-Xmx256m");
        assertThat(Heap.largerOption(989)).isEqualTo("-Xmx2g");
        assertThat(Heap.largerOption(1979)).isEqualTo("-Xmx4g");
        assertThat(Heap.largerOption(6 << 10)).isEqualTo("-Xmx16g");
        for (long mib = 1; mib < 100_000; mib += 7) {
            String option = Heap.largerOption(mib);
            long asked = option.endsWith("g") ? Long.parseLong(option.substring(4, option.length() - 1)) << 10
                    : Long.parseLong(option.substring(4, option.length() - 1));
            assertThat(asked).as(option + " for " + mib + " MiB").isGreaterThanOrEqualTo(2 * mib);
        }
    }

    @Test
    void theAdviceNamesTheLaunchersVariable() {
        assertThat(Heap.advice()).startsWith("SIGIL_JAVA_OPTS=-Xmx").endsWith(Heap.largerOption(Heap.mib()).substring(4));
    }
}
