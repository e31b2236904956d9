package dev.sigil.tokens;

import dev.sigil.contract.model.Component;

/**
 * Something about a budget worth telling someone: its level changed, or a component went past its allocation.
 *
 * @param kind what happened
 * @param previous the level before (for a component alert, the level at that moment, as {@code level})
 * @param level the level now
 * @param component the component whose operation raised the alert
 * @param totalUsed tokens the session had used
 * @param total the session's budget
 * @param componentUsed tokens {@code component} had used
 * @param componentAllocated {@code component}'s allocation, or -1 when it has none
 */
public record BudgetAlert(Kind kind, WarningLevel previous, WarningLevel level, Component component,
                          long totalUsed, long total, long componentUsed, long componentAllocated) {

    /** The two kinds of alert. */
    public enum Kind {
        /** The session's warning level changed (it only rises). */
        LEVEL_CHANGED,
        /** A component used more than its allocation, a soft limit: reported once, never enforced. */
        COMPONENT_OVER_ALLOCATION
    }

    /** Tokens left of the session's budget (0 once spent). */
    public long remaining() {
        return Math.max(0, total - totalUsed);
    }

    /** One line for people, e.g. {@code token budget elevated: 128,000 of 256,000 tokens used (50.0%)}. */
    public String message() {
        String usage = Numbers.grouped(totalUsed) + " of " + Numbers.grouped(total) + " tokens used ("
                + Numbers.percent(totalUsed, total) + ")";
        if (kind == Kind.COMPONENT_OVER_ALLOCATION) {
            return component.wireName() + " used " + Numbers.grouped(componentUsed) + " tokens, over its allocation of "
                    + Numbers.grouped(componentAllocated) + " (a soft limit; the session has " + usage + ")";
        }
        String verdict = level == WarningLevel.EXCEEDED ? " (no further step will start)" : "";
        return "token budget " + level.wireName() + ": " + usage + verdict;
    }
}
