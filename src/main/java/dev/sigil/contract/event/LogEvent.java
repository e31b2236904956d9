package dev.sigil.contract.event;

import java.math.BigDecimal;

import dev.sigil.contract.model.Component;

/**
 * One log line as readers see it, whatever its producer (docs/contract.md §8-9). Absent text is "", absent numbers
 * are negative (or NaN for latency), so that the monitor's pure state never handles nulls.
 *
 * @param dialect which kind of line it came from
 * @param timestamp as written, "" if absent or not a string
 * @param sessionId as written, ""
 * @param eventType the contract event type, given or derived; "" for lines of no dialect
 * @param component the component as written, ""
 * @param contractComponent the contract component it maps to, or null (unknown names, no component)
 * @param operation as written or derived (the event type), ""
 * @param level as written or derived
 * @param message as written; non-string values in their JSON form; ""
 * @param tokens tokens of this line, 0 if none
 * @param latencyMs latency of the operation in milliseconds, NaN if absent
 * @param budget total budget the line states (session_start metadata.budget, budget_snapshot.total_budget), -1
 * @param budgetUsed tokens used according to the line (budget_snapshot.used, metadata.total_used), -1
 * @param totalTokens session total restated by a completion line (metadata.total_tokens), -1
 * @param error error text (metadata.error, error_info.error_message), ""
 * @param errorType error type (metadata.error_type, error_info.error_type), ""
 * @param usage the usage record it states, or its tokens as tokens of an unknown model ({@link Usage}); never null
 * @param errorCode the error's code (metadata.error_info.error_code, error_info.error_code), ""
 * @param suggestion what to do about the error: the line's own, else its code's or its category's (docs/errors.md), ""
 * @param attribution where it sits in its run's call tree (docs/contract.md §5.2); never null
 * @param budgetUsd the dollar budget it states (metadata.budget_usd), null if none (a negative one is none)
 * @param format the name of the format definition that read the line ({@code sigil}, {@code operation-log},
 *        {@code claude-code}, ...; docs/formats.md), "" for a line no format recognised
 */
public record LogEvent(
        Dialect dialect,
        String timestamp,
        String sessionId,
        String eventType,
        String component,
        Component contractComponent,
        String operation,
        Level level,
        String message,
        long tokens,
        double latencyMs,
        long budget,
        long budgetUsed,
        long totalTokens,
        String error,
        String errorType,
        Usage usage,
        String errorCode,
        String suggestion,
        Attribution attribution,
        BigDecimal budgetUsd,
        String format) {

    /**
     * The value of {@link #budgetUsd} when a line states no dollar budget: null, so that an event makes no BigDecimal
     * (JDK 25's static initialiser of BigDecimal computes 5^65536, about 14 ms interpreted; ADR 0271).
     */
    public static final BigDecimal NO_BUDGET_USD = null;

    /** An event; a negative {@code budgetUsd} is none (null). */
    public LogEvent {
        if (budgetUsd != null && budgetUsd.signum() < 0) {
            budgetUsd = NO_BUDGET_USD;
        }
    }

    /** The name of the built-in format of execution entries. */
    public static final String SIGIL_FORMAT = "sigil";
    /** The name of the built-in format of seed-002 operation logs. */
    public static final String OPERATION_LOG_FORMAT = "operation-log";

    /** An event of one of the native dialects, named after it (an {@link Dialect#OTHER} line: recognised by no format). */
    public LogEvent(Dialect dialect, String timestamp, String sessionId, String eventType, String component,
                    Component contractComponent, String operation, Level level, String message, long tokens, double latencyMs,
                    long budget, long budgetUsed, long totalTokens, String error, String errorType, Usage usage,
                    String errorCode, String suggestion, Attribution attribution, BigDecimal budgetUsd) {
        this(dialect, timestamp, sessionId, eventType, component, contractComponent, operation, level, message, tokens, latencyMs,
                budget, budgetUsed, totalTokens, error, errorType, usage, errorCode, suggestion, attribution, budgetUsd, nativeFormat(dialect));
    }

    private static String nativeFormat(Dialect dialect) {
        return switch (dialect) {
            case EXECUTION_ENTRY -> SIGIL_FORMAT;
            case OPERATION_LOG -> OPERATION_LOG_FORMAT;
            default -> "";
        };
    }

    /** Whether no format recognised the line (it is shown, and counted, as unrecognised). */
    public boolean unrecognised() {
        return format.isEmpty();
    }

    /** The same event with other usage and tokens (what a restating line adds). */
    public LogEvent withUsage(Usage newUsage, long newTokens) {
        return new LogEvent(dialect, timestamp, sessionId, eventType, component, contractComponent, operation, level, message,
                newTokens, latencyMs, budget, budgetUsed, totalTokens, error, errorType, newUsage, errorCode, suggestion, attribution, budgetUsd,
                format);
    }

    public boolean hasLatency() {
        return !Double.isNaN(latencyMs);
    }

    /** Whether the line carries an error record (a code). */
    public boolean hasErrorCode() {
        return !errorCode.isEmpty();
    }

    public boolean hasBudgetUsd() {
        return budgetUsd != null;
    }

    public boolean isError() {
        return level.compareTo(Level.ERROR) >= 0;
    }
}
