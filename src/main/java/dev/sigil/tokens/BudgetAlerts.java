package dev.sigil.tokens;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns consumptions into alerts and hands them to every handler, keeping a history. An alert is raised when the
 * level changes, not on every consumption (the seed's callback fired on each one past 50 %), and when a component
 * first goes past its allocation. Thread-safe; alerts are delivered in order, one at a time.
 */
public final class BudgetAlerts {

    private final List<AlertHandler> handlers;
    private final List<AlertRecord> history = new ArrayList<>();

    public BudgetAlerts(List<AlertHandler> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    /** The alerts one consumption raises, in the order they are delivered: the level change first. */
    public static List<BudgetAlert> alertsFor(Consumption c) {
        List<BudgetAlert> alerts = new ArrayList<>(2);
        if (c.levelAfter() != c.levelBefore()) {
            alerts.add(new BudgetAlert(BudgetAlert.Kind.LEVEL_CHANGED, c.levelBefore(), c.levelAfter(), c.component(),
                    c.totalUsed(), c.total(), c.componentUsed(), c.componentAllocated()));
        }
        if (c.crossedAllocation()) {
            alerts.add(new BudgetAlert(BudgetAlert.Kind.COMPONENT_OVER_ALLOCATION, c.levelAfter(), c.levelAfter(),
                    c.component(), c.totalUsed(), c.total(), c.componentUsed(), c.componentAllocated()));
        }
        return alerts;
    }

    /**
     * Raises and delivers the alerts of {@code consumption}. Consumptions must be passed in the order they were
     * recorded (see {@link TokenTracker}, which does so).
     *
     * @return the alerts raised (often none)
     */
    public synchronized List<BudgetAlert> onConsumption(Consumption consumption) {
        List<BudgetAlert> alerts = alertsFor(consumption);
        for (BudgetAlert alert : alerts) {
            List<String> failures = new ArrayList<>();
            for (AlertHandler handler : handlers) {
                try {
                    handler.onAlert(alert);
                } catch (RuntimeException e) {
                    failures.add(handler.getClass().getName() + ": " + e);
                }
            }
            history.add(new AlertRecord(history.size() + 1L, alert, failures));
        }
        return alerts;
    }

    /** Every alert raised so far, oldest first. */
    public synchronized List<AlertRecord> history() {
        return List.copyOf(history);
    }
}
