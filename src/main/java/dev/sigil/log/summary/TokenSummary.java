package dev.sigil.log.summary;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.sigil.contract.model.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The session's final token summary, {@code tokens.json} (seed 001 §7.2.2). The orchestrator computes it; the
 * logger writes it at close.
 *
 * @param sessionId the session
 * @param timestamp when the summary was made (isoformat, like the log's timestamps)
 * @param totalBudget the session's budget
 * @param totalUsed tokens used (the sum of the log's {@code tokens}, docs/contract.md §4)
 * @param totalRemaining budget left
 * @param utilizationPercentage used as a percentage of the budget
 * @param components per component, in the order given
 * @param usage the usage records' split, by phase, operation and model, and the cost, if the session's entries were folded
 */
public record TokenSummary(String sessionId, String timestamp, long totalBudget, long totalUsed, long totalRemaining,
                           double utilizationPercentage, Map<Component, ComponentTokens> components, Optional<UsageSummary> usage) {

    /** A summary of the seed's keys only. */
    public TokenSummary(String sessionId, String timestamp, long totalBudget, long totalUsed, long totalRemaining,
                        double utilizationPercentage, Map<Component, ComponentTokens> components) {
        this(sessionId, timestamp, totalBudget, totalUsed, totalRemaining, utilizationPercentage, components, Optional.empty());
    }

    public TokenSummary {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(timestamp, "timestamp");
        components = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
    }

    public ObjectNode toJsonNode() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("session_id", sessionId).put("timestamp", timestamp).put("total_budget", totalBudget)
                .put("total_used", totalUsed).put("total_remaining", totalRemaining).put("utilization_percentage", utilizationPercentage);
        ObjectNode byComponent = node.putObject("components");
        components.forEach((c, t) -> byComponent.putObject(c.wireName())
                .put("allocated", t.allocated()).put("used", t.used()).put("utilization", t.utilization()));
        usage.ifPresent(u -> u.into(node));
        return node;
    }
}
