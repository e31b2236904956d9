package dev.sigil.tokens;

import java.util.List;

/**
 * A budget at one moment (the seed's {@code to_dict}). Utilizations are percentages, here and per component, as in
 * the seed's {@code tokens.json}.
 *
 * @param total the session's budget
 * @param used tokens used
 * @param level the warning level
 * @param components every allocated component, then any other component that recorded an operation
 */
public record BudgetStatus(long total, long used, WarningLevel level, List<ComponentStatus> components) {

    public BudgetStatus {
        components = List.copyOf(components);
    }

    /** Tokens left (0 once spent). */
    public long remaining() {
        return Math.max(0, total - used);
    }

    /** Percent of the budget used, computed as the seed does: {@code used / total * 100}. */
    public double utilization() {
        return (double) used / total * 100;
    }

    /** Operations recorded by all components. */
    public long operations() {
        return components.stream().mapToLong(ComponentStatus::operations).sum();
    }
}
