package dev.sigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import dev.sigil.contract.event.Usage;
import dev.sigil.cost.Money;
import dev.sigil.spend.Tally;

/**
 * The report's cost column writes what {@link Money} writes of the tally's cost, also for a cost of 0 held without a
 * BigDecimal (ADR 0271): the table's dollars and the exact number of JSON and CSV.
 */
class ColumnsProperties {

    @Property(tries = 1000)
    void theCostIsWrittenAsMoneyWritesIt(@ForAll("prices") @Size(max = 8) List<Optional<BigDecimal>> prices,
                                         @ForAll("counts") @Size(min = 8, max = 8) List<Long> counts) {
        Tally t = Tally.ZERO;
        for (int i = 0; i < prices.size(); i++) {
            Optional<BigDecimal> p = prices.get(i);
            t = t.plus(p.isPresent() ? Usage.of("openai:gpt-4o", counts.get(i), 0, 0, 0, 0, 0) : Usage.unknownModel(counts.get(i)),
                    counts.get(i), p);
        }
        assertThat(Columns.dollars(t)).isEqualTo(t.cost().map(Money::dollars).orElse("unpriced"));
        assertThat(Columns.cost(t)).isEqualTo(t.cost().map(Money::plain).orElse(null));
    }

    @Property(tries = 50)
    void zeroOfAnyScaleIsWrittenAsTheConstants(@ForAll("scales") int scale) {
        assertThat(Money.dollars(BigDecimal.valueOf(0, scale))).isEqualTo(Money.ZERO_DOLLARS);
        assertThat(Money.plain(BigDecimal.valueOf(0, scale))).isEqualTo(Money.ZERO_PLAIN);
    }

    @Provide
    Arbitrary<List<Optional<BigDecimal>>> prices() {
        Arbitrary<BigDecimal> price = Arbitraries.oneOf(Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("3E+1")),
                Combinators.combine(Arbitraries.longs().between(0, 5_000_000), Arbitraries.integers().between(-2, 12)).as(BigDecimal::valueOf));
        return Arbitraries.oneOf(Arbitraries.just(Optional.<BigDecimal>empty()), price.map(Optional::of)).list();
    }

    @Provide
    Arbitrary<List<Long>> counts() {
        return Arbitraries.longs().between(0, 3).list();
    }

    @Provide
    Arbitrary<Integer> scales() {
        return Arbitraries.integers().between(-20, 20);
    }
}
