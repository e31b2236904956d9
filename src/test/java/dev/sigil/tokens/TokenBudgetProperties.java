package dev.sigil.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import dev.sigil.contract.model.Component;

/** Budget levels, alerts and forecasts on random plans and random consumptions (jqwik prints the seed on failure). */
class TokenBudgetProperties {

    /** One recorded operation. */
    record Op(Component component, long tokens) {
    }

    @Provide
    Arbitrary<Thresholds> thresholds() {
        Arbitrary<Integer> permille = Arbitraries.integers().between(1, 1000);
        return Combinators.combine(permille, permille, permille).as((a, b, c) -> {
            List<Integer> sorted = new ArrayList<>(List.of(a, b, c));
            Collections.sort(sorted);
            return sorted;
        }).filter(s -> s.get(0) < s.get(1) && s.get(1) < s.get(2))
                .map(s -> new Thresholds(s.get(0) / 1000.0, s.get(1) / 1000.0, s.get(2) / 1000.0));
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.of(Component.values()), Arbitraries.longs().between(0, 40_000))
                .as(Op::new);
        return op.list().ofMaxSize(60);
    }

    @Property
    void theLevelIsMonotoneInUsage(@ForAll("thresholds") Thresholds t, @ForAll @LongRange(min = 1, max = 1_000_000_000L) long total,
                                   @ForAll @LongRange(min = 0, max = 2_000_000_000L) long a,
                                   @ForAll @LongRange(min = 0, max = 2_000_000_000L) long b) {
        long[] boundaries = t.boundaries(total);
        long low = Math.min(a, b);
        long high = Math.max(a, b);
        assertThat(Thresholds.levelOf(low, boundaries)).isLessThanOrEqualTo(Thresholds.levelOf(high, boundaries));
    }

    @Property
    void aLevelStartsWhereItsThresholdSays(@ForAll("thresholds") Thresholds t, @ForAll @LongRange(min = 1, max = 1_000_000_000L) long total,
                                           @ForAll @LongRange(min = 0, max = 2_000_000_000L) long used) {
        WarningLevel level = Thresholds.levelOf(used, t.boundaries(total));
        BigDecimal usage = BigDecimal.valueOf(used);
        BigDecimal whole = BigDecimal.valueOf(total);
        // first principles, in exact decimals: used >= fraction * total (and at least one token)
        boolean elevated = used >= 1 && usage.compareTo(new BigDecimal(Double.toString(t.warning())).multiply(whole)) >= 0;
        boolean critical = used >= 1 && usage.compareTo(new BigDecimal(Double.toString(t.critical())).multiply(whole)) >= 0;
        boolean exceeded = used >= 1 && usage.compareTo(new BigDecimal(Double.toString(t.exceeded())).multiply(whole)) >= 0;
        assertThat(level.isAtLeast(WarningLevel.ELEVATED)).isEqualTo(elevated);
        assertThat(level.isAtLeast(WarningLevel.CRITICAL)).isEqualTo(critical);
        assertThat(level == WarningLevel.EXCEEDED).isEqualTo(exceeded);
    }

    @Property
    void anAlertFiresExactlyOncePerLevelChange(@ForAll("operations") List<Op> ops,
                                               @ForAll @LongRange(min = 1, max = 500_000) long total) {
        List<BudgetAlert> alerts = new ArrayList<>();
        BudgetPlan plan = new BudgetPlan(total, BudgetPlan.DEFAULT_ALLOCATIONS, Thresholds.DEFAULT);
        TokenTracker tracker = new TokenTracker(plan, List.of(alerts::add));
        long[] boundaries = Thresholds.DEFAULT.boundaries(total);
        List<WarningLevel> changes = new ArrayList<>();
        Map<Component, Long> used = new EnumMap<>(Component.class);
        long sum = 0;
        for (Op op : ops) {
            WarningLevel before = Thresholds.levelOf(sum, boundaries);
            sum += op.tokens();
            used.merge(op.component(), op.tokens(), Long::sum);
            WarningLevel after = Thresholds.levelOf(sum, boundaries);
            if (after != before) {
                changes.add(after);
            }
            tracker.track(op.component(), op.tokens());
        }
        assertThat(alerts).filteredOn(a -> a.kind() == BudgetAlert.Kind.LEVEL_CHANGED)
                .extracting(BudgetAlert::level).containsExactlyElementsOf(changes);
        long over = used.entrySet().stream()
                .filter(e -> plan.allocations().containsKey(e.getKey()) && e.getValue() > plan.allocations().get(e.getKey()))
                .count();
        assertThat(alerts).filteredOn(a -> a.kind() == BudgetAlert.Kind.COMPONENT_OVER_ALLOCATION).hasSize((int) over);
        assertThat(tracker.budget().used()).isEqualTo(sum);
    }

    @Property(tries = 40)
    void concurrentConsumptionSumsExactlyAndAlertsChain(@ForAll @IntRange(min = 2, max = 8) int threads,
                                                       @ForAll @Size(min = 1, max = 8) List<@Size(max = 200) List<@LongRange(max = 3_000) Long>> work)
            throws Exception {
        List<BudgetAlert> alerts = Collections.synchronizedList(new ArrayList<>());
        TokenTracker tracker = new TokenTracker(BudgetPlan.defaults(), List.of(alerts::add));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Component[] components = Component.values();
        long expected = 0;
        long operations = 0;
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < work.size(); w++) {
                List<Long> amounts = work.get(w);
                Component component = components[w % components.length];
                expected += amounts.stream().mapToLong(Long::longValue).sum();
                operations += amounts.size();
                done.add(pool.submit(() -> {
                    start.await();
                    amounts.forEach(n -> tracker.track(component, n));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        BudgetStatus status = tracker.status();
        assertThat(status.used()).isEqualTo(expected);
        assertThat(status.operations()).isEqualTo(operations);
        List<BudgetAlert> levels = alerts.stream().filter(a -> a.kind() == BudgetAlert.Kind.LEVEL_CHANGED).toList();
        WarningLevel previous = WarningLevel.NORMAL;
        for (BudgetAlert a : levels) {
            assertThat(a.previous()).isEqualTo(previous);
            assertThat(a.level()).isGreaterThan(previous);
            previous = a.level();
        }
        assertThat(previous).isEqualTo(status.level());
    }

    @Property
    void theForecastExtrapolatesTheMean(@ForAll("operations") List<Op> ops, @ForAll @LongRange(max = 1_000_000) long remaining,
                                        @ForAll @LongRange(min = 0, max = 1_000) long more) {
        TokenBudget budget = new TokenBudget(BudgetPlan.defaults());
        ops.forEach(op -> budget.record(op.component(), op.tokens()));
        Forecast f = budget.forecast(remaining);
        long used = budget.used();
        assertThat(f.forecastTotal()).isGreaterThanOrEqualTo(used);
        assertThat(f.willExceed()).isEqualTo(f.forecastTotal() > 256_000);
        assertThat(f.forecastRemaining()).isEqualTo(Math.max(0, 256_000 - f.forecastTotal()));
        assertThat(budget.forecast(0).forecastTotal()).isEqualTo(used);
        assertThat(budget.forecast(remaining + more).forecastTotal()).isGreaterThanOrEqualTo(f.forecastTotal());
        if (!ops.isEmpty()) {
            assertThat(f.averagePerOperation()).isEqualTo((double) used / ops.size());
            // within one token of the exact rational extrapolation (the seed truncates a float product)
            double exact = (double) used * remaining / ops.size();
            assertThat((double) (f.forecastTotal() - used)).isCloseTo(exact, org.assertj.core.data.Offset.offset(1.0 + exact * 1e-12));
        }
    }
}
