package dev.sigil.tokens;

import java.util.Optional;

import dev.sigil.contract.model.Component;

/**
 * What one recorded operation did to a budget. Recorded atomically, so the levels before and after of successive
 * consumptions chain without gaps: every level change appears in exactly one consumption.
 *
 * @param component who consumed
 * @param tokens how many tokens the operation used
 * @param totalUsed tokens used by the whole session afterwards
 * @param total the session's budget
 * @param levelBefore the level before this operation
 * @param levelAfter the level after it
 * @param componentUsed tokens used by {@code component} afterwards
 * @param componentAllocated {@code component}'s allocation, or -1 when it has none
 */
public record Consumption(Component component, long tokens, long totalUsed, long total,
                          WarningLevel levelBefore, WarningLevel levelAfter,
                          long componentUsed, long componentAllocated) {

    /** The new level, if this operation changed it. */
    public Optional<WarningLevel> levelChange() {
        return levelAfter == levelBefore ? Optional.empty() : Optional.of(levelAfter);
    }

    /** Whether this operation took its component past its allocation (the soft limit) for the first time. */
    public boolean crossedAllocation() {
        return componentAllocated >= 0 && componentUsed > componentAllocated && componentUsed - tokens <= componentAllocated;
    }

    /** Whether the session has now used more than its whole budget (the hard limit). */
    public boolean pastTotal() {
        return totalUsed > total;
    }

    /** Tokens left of the session's budget (0 once it is spent). */
    public long remaining() {
        return Math.max(0, total - totalUsed);
    }
}
