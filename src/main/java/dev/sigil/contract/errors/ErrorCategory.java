package dev.sigil.contract.errors;

import java.util.Locale;

import dev.sigil.contract.event.Level;

/**
 * The four error categories of seed 001 §9.1, which decide what the orchestrator does with a failure, with the
 * seed's severity rule and suggestion for each (docs/errors.md).
 */
public enum ErrorCategory {
    /** Network timeouts, rate limits, a service briefly down: retried with exponential backoff. */
    TRANSIENT("Will retry automatically"),
    /** Bad input, missing optional data: the step is logged as failed and the pipeline goes on. */
    LOGIC("Check input and try again"),
    /** Missing keys, invalid configuration, missing programs: the pipeline stops with a message. */
    CONFIG("Check configuration and restart"),
    /** Disk full, memory exhausted, a crashed process: the pipeline stops. */
    SYSTEM("System resource issue - check disk/memory");

    private final String suggestion;

    ErrorCategory(String suggestion) {
        this.suggestion = suggestion;
    }

    /** The name written in the log's {@code category}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category written as {@code name}, or null. */
    public static ErrorCategory fromWire(String name) {
        for (ErrorCategory c : values()) {
            if (c.wireName().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** True for the categories that stop the whole pipeline. */
    public boolean isFatal() {
        return this == CONFIG || this == SYSTEM;
    }

    /** Seed 001's suggestion for the category ({@code ErrorHandler._format_message}). */
    public String suggestion() {
        return suggestion;
    }

    /**
     * Seed 001's severity rule ({@code ErrorHandler._severity_for_category}): system critical, config error, transient
     * warning on the first try and error after it, logic warning.
     *
     * @param attempt the try that failed, 1 for the first
     */
    public Level severity(int attempt) {
        return switch (this) {
            case SYSTEM -> Level.CRITICAL;
            case CONFIG -> Level.ERROR;
            case TRANSIENT -> attempt <= 1 ? Level.WARNING : Level.ERROR;
            case LOGIC -> Level.WARNING;
        };
    }
}
