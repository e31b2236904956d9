package dev.sigil.tokens;

import dev.sigil.contract.model.Component;

/**
 * One component's share of a budget at one moment.
 *
 * @param component the component
 * @param allocated its allocation (0 when it has none)
 * @param used tokens it used
 * @param operations operations it recorded, including those that used no tokens
 */
public record ComponentStatus(Component component, long allocated, long used, long operations) {

    /** Tokens left of its allocation (0 once spent). */
    public long remaining() {
        return Math.max(0, allocated - used);
    }

    /** Percent of its allocation used (0 when it has none), computed as the seed does: {@code used / allocated * 100}. */
    public double utilization() {
        return allocated == 0 ? 0.0 : (double) used / allocated * 100;
    }

    /** Mean tokens per operation (0 before the first). */
    public double averagePerOperation() {
        return operations == 0 ? 0.0 : (double) used / operations;
    }
}
