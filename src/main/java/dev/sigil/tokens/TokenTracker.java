package dev.sigil.tokens;

import java.util.List;

import dev.sigil.contract.model.Component;

/**
 * A budget with its alerts: what the orchestrator holds for a session. Recording and alerting happen under one lock,
 * so that with many threads every level change is delivered exactly once and in order.
 *
 * <p>The protocol of a session: before a step, {@link #canContinue()}; after it, {@link #track} with the tokens it
 * actually used, whatever they were.
 */
public final class TokenTracker {

    private final TokenBudget budget;
    private final BudgetAlerts alerts;

    /** A tracker for {@code plan}, delivering alerts to {@code handlers} (none: alerts are only kept in the history). */
    public TokenTracker(BudgetPlan plan, List<AlertHandler> handlers) {
        this.budget = new TokenBudget(plan);
        this.alerts = new BudgetAlerts(handlers);
    }

    /** Records a finished operation and delivers the alerts it raises. */
    public synchronized Consumption track(Component component, long tokens) {
        Consumption consumption = budget.record(component, tokens);
        alerts.onConsumption(consumption);
        return consumption;
    }

    /** Whether the next step may start. */
    public boolean canContinue() {
        return budget.canContinue();
    }

    public BudgetStatus status() {
        return budget.status();
    }

    public Forecast forecast(long operationsRemaining) {
        return budget.forecast(operationsRemaining);
    }

    public List<AlertRecord> history() {
        return alerts.history();
    }

    public TokenBudget budget() {
        return budget;
    }
}
