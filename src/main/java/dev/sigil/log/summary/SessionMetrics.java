package dev.sigil.log.summary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.sigil.contract.model.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session's performance summary, {@code metrics.json} (seed 001 §7.2.3). The orchestrator computes it; the
 * logger writes it at close and adds its own counts under {@code logger}.
 *
 * @param sessionId the session
 * @param timestamp when the summary was made (isoformat)
 * @param durationSeconds wall time of the session
 * @param stepsCompleted steps that completed
 * @param stepsFailed steps that failed
 * @param components per component, in the order given
 * @param slowestComponent the component with the highest latency, if any ran
 * @param fastestComponent the component with the lowest latency, if any ran
 * @param averageLatencyMs mean latency per component
 * @param usage the usage records' split, by phase, operation and model, and the cost, if the session's entries were folded
 */
public record SessionMetrics(String sessionId, String timestamp, double durationSeconds, long stepsCompleted, long stepsFailed,
                             Map<Component, ComponentMetrics> components, Optional<Component> slowestComponent,
                             Optional<Component> fastestComponent, double averageLatencyMs, Optional<UsageSummary> usage) {

    /** Metrics of the seed's keys only. */
    public SessionMetrics(String sessionId, String timestamp, double durationSeconds, long stepsCompleted, long stepsFailed,
                          Map<Component, ComponentMetrics> components, Optional<Component> slowestComponent,
                          Optional<Component> fastestComponent, double averageLatencyMs) {
        this(sessionId, timestamp, durationSeconds, stepsCompleted, stepsFailed, components, slowestComponent, fastestComponent,
                averageLatencyMs, Optional.empty());
    }

    public SessionMetrics {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(slowestComponent, "slowestComponent");
        Objects.requireNonNull(fastestComponent, "fastestComponent");
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("session_id", sessionId).put("timestamp", timestamp).put("duration_seconds", durationSeconds)
                .put("steps_completed", stepsCompleted).put("steps_failed", stepsFailed);
        ObjectNode byComponent = node.putObject("components");
        components.forEach((c, m) -> byComponent.putObject(c.wireName())
                .put("latency_ms", m.latencyMs()).put("operations", m.operations()).put("errors", m.errors()));
        node.put("slowest_component", slowestComponent.map(Component::wireName).orElse(null));
        node.put("fastest_component", fastestComponent.map(Component::wireName).orElse(null));
        node.put("average_latency_ms", averageLatencyMs);
        usage.ifPresent(u -> u.into(node));
        return node;
    }
}
