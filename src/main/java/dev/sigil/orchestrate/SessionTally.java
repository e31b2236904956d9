package dev.sigil.orchestrate;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.sigil.contract.model.Component;
import dev.sigil.log.summary.ComponentMetrics;
import dev.sigil.log.summary.ComponentTokens;
import dev.sigil.log.summary.SessionMetrics;
import dev.sigil.log.summary.TokenSummary;
import dev.sigil.log.summary.UsageLine;
import dev.sigil.log.summary.UsageSummary;
import dev.sigil.spend.Groups;
import dev.sigil.spend.Tally;
import dev.sigil.tokens.BudgetStatus;
import dev.sigil.tokens.BudgetStatusJson;
import dev.sigil.tokens.ComponentStatus;

/**
 * Counts a session's steps as they finish, and makes tokens.json and metrics.json from the counts (seed 001
 * §7.2.2-7.2.3). Pure; one pipeline thread updates it.
 */
final class SessionTally {

    private final Map<Component, double[]> latency = new EnumMap<>(Component.class);
    private final Map<Component, long[]> operations = new EnumMap<>(Component.class);
    private final Map<Component, long[]> errors = new EnumMap<>(Component.class);
    private long completed;
    private long failed;
    private long tokens;
    private double totalLatencyMs;

    void completed(Component component, long stepTokens, double latencyMs) {
        completed++;
        tokens += stepTokens;
        add(component, latencyMs, false);
    }

    void failed(Component component, double latencyMs) {
        failed++;
        add(component, latencyMs, true);
    }

    /** Tokens an earlier run of this session spent (the sum over its log): they belong to this session's total. */
    void spent(long earlierTokens) {
        tokens += earlierTokens;
    }

    /** A step an earlier run completed: it counts as completed; its tokens are in {@link #spent}. */
    void resumed(Component component, double latencyMs) {
        completed++;
        add(component, latencyMs, false);
    }

    private void add(Component component, double latencyMs, boolean error) {
        totalLatencyMs += latencyMs;
        latency.computeIfAbsent(component, c -> new double[1])[0] += latencyMs;
        operations.computeIfAbsent(component, c -> new long[1])[0]++;
        errors.computeIfAbsent(component, c -> new long[1])[0] += error ? 1 : 0;
    }

    long completed() {
        return completed;
    }

    long failed() {
        return failed;
    }

    long tokens() {
        return tokens;
    }

    double totalLatencyMs() {
        return totalLatencyMs;
    }

    /** The usage block of tokens.json and metrics.json: the log's lines as its readers count them ({@link SessionSums}). */
    static UsageSummary usage(SessionSums sums, Optional<BigDecimal> budgetUsd) {
        return new UsageSummary(line(sums.total()), budgetUsd, lines(sums.byPhase()), lines(sums.byOperation()), lines(sums.byModel()));
    }

    private static Map<String, UsageLine> lines(Groups groups) {
        Map<String, UsageLine> out = new LinkedHashMap<>();
        groups.tallies().forEach((name, t) -> out.put(name, line(t)));
        return out;
    }

    private static UsageLine line(Tally t) {
        return new UsageLine(t.totalTokens(), t.inputTokens(), t.outputTokens(), t.cacheReadTokens(), t.cacheWriteTokens(),
                t.cacheWrite1hTokens(), t.reasoningTokens(), t.unpricedTokens(), t.events(), t.cost());
    }

    /** tokens.json with its usage block. */
    static TokenSummary tokenSummary(String sessionId, String timestamp, BudgetStatus status, UsageSummary usage) {
        TokenSummary t = tokenSummary(sessionId, timestamp, status);
        return new TokenSummary(t.sessionId(), t.timestamp(), t.totalBudget(), t.totalUsed(), t.totalRemaining(),
                t.utilizationPercentage(), t.components(), Optional.of(usage));
    }

    /** metrics.json with its usage block. */
    SessionMetrics metrics(String sessionId, String timestamp, double durationSeconds, UsageSummary usage) {
        SessionMetrics m = metrics(sessionId, timestamp, durationSeconds);
        return new SessionMetrics(m.sessionId(), m.timestamp(), m.durationSeconds(), m.stepsCompleted(), m.stepsFailed(), m.components(),
                m.slowestComponent(), m.fastestComponent(), m.averageLatencyMs(), Optional.of(usage));
    }

    /** tokens.json: every component of the budget, in the budget's order. */
    static TokenSummary tokenSummary(String sessionId, String timestamp, BudgetStatus status) {
        Map<Component, ComponentTokens> byComponent = new LinkedHashMap<>();
        for (ComponentStatus c : status.components()) {
            byComponent.put(c.component(), new ComponentTokens(c.allocated(), c.used(), BudgetStatusJson.round2(c.utilization())));
        }
        return new TokenSummary(sessionId, timestamp, status.total(), status.used(), status.remaining(),
                BudgetStatusJson.round2(status.utilization()), byComponent);
    }

    /** metrics.json: components that ran, in pipeline order. */
    SessionMetrics metrics(String sessionId, String timestamp, double durationSeconds) {
        Map<Component, ComponentMetrics> byComponent = new LinkedHashMap<>();
        Component slowest = null;
        Component fastest = null;
        for (Component c : Component.values()) {
            if (!operations.containsKey(c)) {
                continue;
            }
            double ms = latency.get(c)[0];
            byComponent.put(c, new ComponentMetrics(Math.round(ms * 1000) / 1000.0, operations.get(c)[0], errors.get(c)[0]));
            if (slowest == null || ms > latency.get(slowest)[0]) {
                slowest = c;
            }
            if (fastest == null || ms < latency.get(fastest)[0]) {
                fastest = c;
            }
        }
        double average = byComponent.isEmpty() ? 0 : Math.round(totalLatencyMs / byComponent.size() * 1000) / 1000.0;
        return new SessionMetrics(sessionId, timestamp, Math.round(durationSeconds * 1000) / 1000.0, completed, failed,
                byComponent, Optional.ofNullable(slowest), Optional.ofNullable(fastest), average);
    }
}
