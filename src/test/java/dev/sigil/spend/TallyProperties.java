package dev.sigil.spend;

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

/**
 * A tally holding 0 dollars as null (ADR 0271) sums, compares and states its cost as the BigDecimal sums it replaced:
 * whatever the prices (none, $0 of any scale, negative scales, cents and fractions of a cent), line by line and tally
 * by tally.
 */
class TallyProperties {

    /** One line: its counted tokens and its price (empty: unpriced). */
    record Line(long counted, Optional<BigDecimal> price) {
    }

    @Property(tries = 1000)
    void linesSumAsBigDecimalSumsThem(@ForAll("lines") @Size(max = 12) List<Line> lines) {
        Tally t = fold(lines);
        BigDecimal expected = reference(lines);
        assertThat(t.usd()).isEqualTo(expected); // equal, scale and all: what is printed is the same
        assertThat(t.noDollars()).isEqualTo(expected.signum() == 0 && expected.scale() == 0);
        boolean priced = lines.stream().anyMatch(l -> l.price().isPresent());
        long tokens = lines.stream().mapToLong(Line::counted).sum();
        assertThat(t.cost()).isEqualTo(priced || tokens == 0 ? Optional.of(expected) : Optional.empty());
        assertThat(t.hasCost()).isEqualTo(t.cost().isPresent());
    }

    @Property(tries = 1000)
    void tallySumsAndOrderAreBigDecimals(@ForAll("lines") @Size(max = 6) List<Line> a, @ForAll("lines") @Size(max = 6) List<Line> b) {
        Tally ta = fold(a);
        Tally tb = fold(b);
        assertThat(ta.plus(tb).usd()).isEqualTo(reference(a).add(reference(b)));
        assertThat(Integer.signum(Tally.compareUsd(ta, tb))).isEqualTo(Integer.signum(reference(a).compareTo(reference(b))));
        assertThat(ta.plus(tb)).isEqualTo(tb.plus(ta));
    }

    @Property(tries = 300)
    void zeroDollarsEqualZeroDollars(@ForAll("lines") @Size(max = 6) List<Line> lines) {
        // a tally made with BigDecimal.ZERO (a checkpoint, a cache) equals the one folded from nothing priced
        Tally folded = fold(lines.stream().map(l -> new Line(l.counted(), Optional.empty())).toList());
        Tally made = new Tally(folded.inputTokens(), folded.outputTokens(), folded.cacheReadTokens(), folded.cacheWriteTokens(),
                folded.cacheWrite1hTokens(), folded.reasoningTokens(), folded.totalTokens(), folded.events(), BigDecimal.ZERO,
                folded.pricedEvents(), folded.unpricedTokens());
        assertThat(made).isEqualTo(folded);
        assertThat(made.hashCode()).isEqualTo(folded.hashCode());
    }

    private static Tally fold(List<Line> lines) {
        Tally t = Tally.ZERO;
        for (Line l : lines) {
            Usage u = l.price().isPresent() ? Usage.of("anthropic:claude-haiku-4-5", l.counted(), 0, 0, 0, 0, 0) : Usage.unknownModel(l.counted());
            t = t.plus(u, l.counted(), l.price());
        }
        return t;
    }

    /** The dollars as the BigDecimal tally summed them: from BigDecimal.ZERO, each price added. */
    private static BigDecimal reference(List<Line> lines) {
        BigDecimal usd = BigDecimal.ZERO;
        for (Line l : lines) {
            if (l.price().isPresent()) {
                usd = usd.add(l.price().get());
            }
        }
        return usd;
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<BigDecimal> prices = Arbitraries.oneOf(
                Arbitraries.of(BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("0E+3"), new BigDecimal("1E+2"),
                        new BigDecimal("0.01"), new BigDecimal("12.5")),
                Combinators.combine(Arbitraries.longs().between(0, 10_000_000), Arbitraries.integers().between(-3, 12))
                        .as(BigDecimal::valueOf));
        Arbitrary<Optional<BigDecimal>> price = Arbitraries.oneOf(Arbitraries.just(Optional.empty()), prices.map(Optional::of));
        Arbitrary<Line> line = Combinators.combine(Arbitraries.longs().between(0, 5_000), price).as(Line::new);
        return line.list();
    }
}
