package dev.sigil.contract.event;

import java.util.Locale;

/** Severity of an event, in the order of the seed-002 operation log; the monitor filters on a minimum level. */
public enum Level {
    TRACE, DEBUG, INFO, WARNING, ERROR, CRITICAL;

    /** Lower-case name as logs write it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a level name as producers write it (any case; {@code warn} and {@code fatal} too); null if unknown. */
    public static Level parse(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "trace" -> TRACE;
            case "debug" -> DEBUG;
            case "info" -> INFO;
            case "warning", "warn" -> WARNING;
            case "error" -> ERROR;
            case "critical", "fatal" -> CRITICAL;
            default -> null;
        };
    }

    /**
     * The level of an execution entry (docs/contract.md §8): critical when its {@code metadata.severity} is
     * {@code critical} (the entry that aborts a run), else the level of its event type.
     */
    public static Level ofEntry(String eventType, String severity) {
        return "critical".equals(severity) ? CRITICAL : ofEventType(eventType);
    }

    /** The level an execution entry of {@code eventType} has (docs/contract.md §8). */
    public static Level ofEventType(String eventType) {
        return switch (eventType) {
            case "budget_exceeded" -> CRITICAL;
            case "session_error", "step_error", "error" -> ERROR;
            case "budget_warning", "retry_attempt", "alert" -> WARNING;
            default -> INFO;
        };
    }
}
