package dev.sigil.tokens;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.sigil.contract.model.Component;

/**
 * A session's token budget: records what each operation used and tells whether the next one may start.
 * Thread-safe: every method is atomic, so consumptions from many threads add up exactly.
 *
 * <p>The seed's budget refused an operation that would cross the total, although its tokens had already been spent
 * by the time they were known. Here the protocol is the orchestrator's rule: {@link #record} always records the
 * actual usage of a finished operation, even past the total, and {@link #canContinue()} says whether the next
 * operation may start. So a budget that runs out lets the current step finish and stops before the next.
 * Component allocations are soft limits (reported, never enforced); the total is the hard one.
 */
public final class TokenBudget {

    private final BudgetPlan plan;
    private final long[] boundaries;
    private final Map<Component, long[]> usage = new EnumMap<>(Component.class);
    private long used;

    public TokenBudget(BudgetPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.boundaries = plan.thresholds().boundaries(plan.total());
    }

    public BudgetPlan plan() {
        return plan;
    }

    /**
     * Records that {@code component} finished an operation that used {@code tokens} tokens.
     *
     * @throws IllegalArgumentException if {@code tokens} is negative
     * @throws ArithmeticException if the session's usage would overflow a long
     */
    public synchronized Consumption record(Component component, long tokens) {
        Objects.requireNonNull(component, "component");
        if (tokens < 0) {
            throw new IllegalArgumentException("tokens must not be negative, got " + tokens);
        }
        WarningLevel before = level();
        used = Math.addExact(used, tokens);
        long[] c = usage.computeIfAbsent(component, k -> new long[2]);
        c[0] += tokens;
        c[1]++;
        Long allocated = plan.allocations().get(component);
        return new Consumption(component, tokens, used, plan.total(), before, level(), c[0],
                allocated == null ? -1 : allocated);
    }

    /** Tokens used so far. */
    public synchronized long used() {
        return used;
    }

    /** Tokens left (0 once the total is spent). */
    public synchronized long remaining() {
        return Math.max(0, plan.total() - used);
    }

    /** The current warning level. */
    public synchronized WarningLevel level() {
        return Thresholds.levelOf(used, boundaries);
    }

    /** Whether the next operation may start: the level is below {@link WarningLevel#EXCEEDED}. */
    public synchronized boolean canContinue() {
        return level() != WarningLevel.EXCEEDED;
    }

    /** The budget now: totals and every component's share. */
    public synchronized BudgetStatus status() {
        List<ComponentStatus> components = new ArrayList<>();
        plan.allocations().forEach((component, allocated) -> components.add(componentStatus(component, allocated)));
        usage.keySet().stream()
                .filter(component -> !plan.allocations().containsKey(component))
                .forEach(component -> components.add(componentStatus(component, 0)));
        return new BudgetStatus(plan.total(), used, level(), components);
    }

    /** One component's share now (allocation 0 when it has none). */
    public synchronized ComponentStatus component(Component component) {
        return componentStatus(component, plan.allocations().getOrDefault(component, 0L));
    }

    /**
     * Where the budget is heading if {@code operationsRemaining} more operations cost the mean of those so far.
     * Computed as the seed computes it (a float mean, the additional tokens truncated), except that every
     * operation counts, those of components without an allocation included.
     */
    public synchronized Forecast forecast(long operationsRemaining) {
        if (operationsRemaining < 0) {
            throw new IllegalArgumentException("operations remaining must not be negative, got " + operationsRemaining);
        }
        long operations = usage.values().stream().mapToLong(c -> c[1]).sum();
        double average = operations == 0 ? 0.0 : (double) used / operations;
        long forecastTotal = used + (long) (average * operationsRemaining);
        if (forecastTotal < used) {
            forecastTotal = Long.MAX_VALUE;
        }
        return new Forecast(operationsRemaining, average, forecastTotal, Math.max(0, plan.total() - forecastTotal),
                forecastTotal > plan.total(), Thresholds.levelOf(forecastTotal, boundaries));
    }

    private ComponentStatus componentStatus(Component component, long allocated) {
        long[] c = usage.getOrDefault(component, new long[2]);
        return new ComponentStatus(component, allocated, c[0], c[1]);
    }
}
