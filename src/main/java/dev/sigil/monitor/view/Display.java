package dev.sigil.monitor.view;

import dev.sigil.config.MonitoringConfig;

/**
 * What the dashboard shows, from the {@code monitoring} section of the configuration (docs/configuration.md): each
 * panel or figure can be left out, and components whose average step takes longer than {@code latencyWarningMs} have
 * that figure drawn as a warning.
 *
 * @param componentBreakdown the Components panel (tokens, operations, latency and errors per component)
 * @param budgetBar the budget gauge
 * @param forecast when the budget runs out at the current burn rate
 * @param latency the average latency column and the line of latencies under the components
 * @param slowest the slowest component, named at the start of that line
 * @param latencyWarningMs an average step slower than this many milliseconds is drawn as a warning
 */
public record Display(boolean componentBreakdown, boolean budgetBar, boolean forecast, boolean latency, boolean slowest,
                      long latencyWarningMs) {

    /** The seed's defaults: everything shown, a warning from 5 s. */
    public static final Display DEFAULTS = of(MonitoringConfig.DEFAULTS);

    /** What the {@code monitoring} section asks for. */
    public static Display of(MonitoringConfig m) {
        return new Display(m.showComponentBreakdown(), m.showBudgetBar(), m.showForecast(), m.showLatency(), m.highlightSlowest(),
                m.latencyWarningMs());
    }

    /** Whether an average of {@code ms} milliseconds is slow enough to warn about. */
    public boolean slow(double ms) {
        return ms > latencyWarningMs;
    }
}
