package dev.sigil.alerts;

import java.util.Arrays;
import java.util.Optional;

/** What a rule measures over its window (docs/alerts.md §2). */
public enum Metric {
    /** Dollars of the priced lines. */
    COST_USD("cost_usd"),
    /** Tokens counted (a restated total once). */
    TOKENS("tokens"),
    /** Counted tokens no price is known for. */
    UNPRICED_TOKENS("unpriced_tokens"),
    /** Tokens counted in the session as a percentage of the budget its lines state. */
    BUDGET_PERCENT("budget_percent"),
    /**
     * Seconds of log time until the session's budget is spent, at the rate of the window's tokens (their sum over
     * the window's length: a sliding window's, else from its first line); 0 once spent.
     */
    BUDGET_FORECAST_S("budget_forecast_s"),
    /** Lines of level ERROR or CRITICAL. */
    ERROR_COUNT("error_count"),
    /** Those lines as a percentage of all lines. */
    ERROR_RATE("error_rate"),
    /** Lines. */
    EVENTS("events"),
    /** Median latency of the lines that state one (nearest rank). */
    LATENCY_P50_MS("latency_p50_ms"),
    /** 95th percentile latency (nearest rank). */
    LATENCY_P95_MS("latency_p95_ms"),
    /** Longest latency. */
    LATENCY_MAX_MS("latency_max_ms"),
    /** Lines that fail the contract: not JSON objects, or (sigil's own logs) failing its schema; too long too. */
    INVALID_LINES("invalid_lines");

    private final String wire;

    Metric(String wire) {
        this.wire = wire;
    }

    public String wireName() {
        return wire;
    }

    static Optional<Metric> of(String name) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(name)).findFirst();
    }

    boolean isLatency() {
        return this == LATENCY_P50_MS || this == LATENCY_P95_MS || this == LATENCY_MAX_MS;
    }
}
