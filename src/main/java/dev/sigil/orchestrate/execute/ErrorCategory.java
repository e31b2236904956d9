package dev.sigil.orchestrate.execute;

import java.util.Locale;

/**
 * The four error categories of seed 001 §9, which decide what the orchestrator does with a failed step.
 */
public enum ErrorCategory {
    /** Network timeouts, rate limits, a service briefly down: retried with exponential backoff. */
    TRANSIENT,
    /** Bad input, missing optional data: the step is logged as failed and the pipeline goes on. */
    LOGIC,
    /** Missing keys, invalid configuration, missing programs: the pipeline stops with a message. */
    CONFIG,
    /** Disk full, memory exhausted, a crashed process: the pipeline stops. */
    SYSTEM;

    /** The name written in the log's {@code metadata.category}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the categories that stop the whole pipeline. */
    public boolean isFatal() {
        return this == CONFIG || this == SYSTEM;
    }
}
