package dev.sigil.tokens;

import java.util.Objects;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;

/**
 * What a budget alert adds to the execution log, short of the timestamp and session the logger supplies. Its
 * {@code tokens} are always 0: the tokens were counted on the line of the operation that used them
 * (docs/contract.md section 4).
 *
 * @param eventType {@code budget_warning} or {@code budget_exceeded}
 * @param component {@code orchestrator} for a level change, the component for an allocation passed
 * @param message one line for people
 * @param metadata {@code warning_level}, {@code budget}, {@code total_used}, {@code total_remaining}, ...
 */
public record BudgetLogEntry(EventType eventType, Component component, String message, Metadata metadata) {

    public BudgetLogEntry {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * The {@code budget_exceeded} entry of a run stopped by its budget when no alert said so (alerts off): the same
     * fields as the alert's.
     */
    public static BudgetLogEntry exhausted(long used, long total) {
        long remaining = Math.max(0, total - used);
        Metadata m = Metadata.builder().warningLevel(WarningLevel.EXCEEDED.wireName()).budget(total).budgetRemaining(remaining)
                .totalUsed(used).totalRemaining(remaining).build();
        return new BudgetLogEntry(EventType.BUDGET_EXCEEDED, Component.ORCHESTRATOR,
                "Token budget exhausted: " + used + " of " + total + " used", m);
    }

    /**
     * Dollars as the log holds them: a float (what Python's logger would write) of the amount rounded to ten places,
     * whose shortest form is those digits. The exact amount is {@code sigil report}'s.
     */
    public static double dollars(java.math.BigDecimal usd) {
        return usd.setScale(10, java.math.RoundingMode.HALF_EVEN).doubleValue();
    }

    /** The {@code budget_exceeded} entry of a run stopped by its dollar budget when no alert said so (alerts off). */
    public static BudgetLogEntry dollarsExhausted(java.math.BigDecimal spent, java.math.BigDecimal total) {
        Metadata m = Metadata.builder().warningLevel(WarningLevel.EXCEEDED.wireName()).put("budget_usd", dollars(total))
                .put("cost_usd", dollars(spent)).build();
        return new BudgetLogEntry(EventType.BUDGET_EXCEEDED, Component.ORCHESTRATOR, "Cost budget exhausted: "
                + dev.sigil.cost.Money.brief(spent) + " of " + dev.sigil.cost.Money.brief(total) + " spent", m);
    }

    /** The log entry of {@code alert}. */
    public static BudgetLogEntry of(BudgetAlert alert) {
        Metadata.Builder m = Metadata.builder()
                .warningLevel(alert.level().wireName())
                .budget(alert.total())
                .budgetRemaining(alert.remaining())
                .totalUsed(alert.totalUsed())
                .totalRemaining(alert.remaining());
        if (alert.kind() == BudgetAlert.Kind.LEVEL_CHANGED) {
            m.put("previous_level", alert.previous().wireName());
            EventType type = alert.level() == WarningLevel.EXCEEDED ? EventType.BUDGET_EXCEEDED : EventType.BUDGET_WARNING;
            return new BudgetLogEntry(type, Component.ORCHESTRATOR, alert.message(), m.build());
        }
        m.componentUsed(alert.componentUsed()).put("component_allocated", alert.componentAllocated());
        return new BudgetLogEntry(EventType.BUDGET_WARNING, alert.component(), alert.message(), m.build());
    }
}
