package dev.sigil.log.summary;

/**
 * One component's line in metrics.json.
 *
 * @param latencyMs total wall time of its operations, in milliseconds
 * @param operations how many operations it ran
 * @param errors how many of them failed
 */
public record ComponentMetrics(double latencyMs, long operations, long errors) {
}
