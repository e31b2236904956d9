package dev.sigil.config;

/**
 * The feature switches of seed 000 section 8.2, for rolling a feature back without a new release.
 *
 * @param monitoring {@code SIGIL_ENABLE_MONITORING}: the monitor may start
 * @param tokenTracking {@code SIGIL_ENABLE_TOKEN_TRACKING}: tokens are tracked against the budget
 * @param budgetAlerts {@code SIGIL_ENABLE_BUDGET_ALERTS}: budget alerts are reported
 */
public record FeatureFlags(boolean monitoring, boolean tokenTracking, boolean budgetAlerts) {
}
