package dev.sigil.tokens;

/**
 * How much of a budget is used, in four steps (the contract's {@code warning_level} values). Ordered: a later
 * constant is a more severe level.
 */
public enum WarningLevel {
    /** Below the warning threshold (50 % by default). */
    NORMAL("normal"),
    /** From the warning threshold to below the critical one (80 %). */
    ELEVATED("elevated"),
    /** From the critical threshold to below the exceeded one (95 %). */
    CRITICAL("critical"),
    /** At or past the exceeded threshold: no further step should start. */
    EXCEEDED("exceeded");

    private final String wireName;

    WarningLevel(String wireName) {
        this.wireName = wireName;
    }

    /** The name written in logs and JSON output. */
    public String wireName() {
        return wireName;
    }

    public boolean isAtLeast(WarningLevel other) {
        return compareTo(other) >= 0;
    }
}
