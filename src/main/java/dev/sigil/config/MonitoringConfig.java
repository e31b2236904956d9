package dev.sigil.config;

/**
 * The {@code monitoring} section.
 *
 * @param defaultMode the monitor's mode when none is given
 * @param refreshRateHz redraws per second
 * @param showComponentBreakdown show tokens per component
 * @param showBudgetBar show the budget bar
 * @param showForecast show the forecast
 * @param showLatency show step latencies
 * @param highlightSlowest highlight the slowest step
 * @param latencyWarningMs steps slower than this many milliseconds are shown as slow
 */
public record MonitoringConfig(MonitorMode defaultMode, double refreshRateHz, boolean showComponentBreakdown,
                               boolean showBudgetBar, boolean showForecast, boolean showLatency,
                               boolean highlightSlowest, long latencyWarningMs) {

    /** The seed's defaults (seed 001 Appendix A), held once: the key table writes them, the monitor starts from them. */
    public static final MonitoringConfig DEFAULTS = new MonitoringConfig(MonitorMode.DASHBOARD, 10, true, true, true, true, true, 5000);
}
