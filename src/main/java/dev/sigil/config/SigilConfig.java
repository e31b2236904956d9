package dev.sigil.config;

import java.util.Objects;

/**
 * sigil's whole configuration, immutable. Build it with {@link ConfigLoader}, which also says where each value came
 * from; {@link ConfigLoader#defaults} gives the seeds' defaults.
 *
 * @param logging the {@code logging} section
 * @param monitoring the {@code monitoring} section
 * @param tokenBudget the {@code token_budget} section
 * @param features the feature switches
 * @param formats the {@code formats} section
 * @param stream seed 002's monitoring stream: {@code logging.stream} and {@code cli.monitor}
 */
public record SigilConfig(LoggingConfig logging, MonitoringConfig monitoring, TokenBudgetConfig tokenBudget,
                          FeatureFlags features, FormatsConfig formats, StreamConfig stream) {

    public SigilConfig {
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(monitoring, "monitoring");
        Objects.requireNonNull(tokenBudget, "tokenBudget");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(formats, "formats");
        Objects.requireNonNull(stream, "stream");
    }
}
