package dev.sigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** The hand-written thousands separator writes what {@code String.format(Locale.ROOT, "%,d")} writes. */
class GroupedProperties {

    @Property(tries = 2000)
    void groupsAsTheFormatterDoes(@ForAll long n) {
        assertThat(ValueTypes.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }

    @Property(tries = 10)
    void theEdges(@ForAll("edges") long n) {
        assertThat(ValueTypes.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> edges() {
        return net.jqwik.api.Arbitraries.of(0L, 1L, 999L, 1000L, -1000L, 999_999L, 1_000_000L, Long.MAX_VALUE, Long.MIN_VALUE);
    }
}
