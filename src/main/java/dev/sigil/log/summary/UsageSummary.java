package dev.sigil.log.summary;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a session's tokens were and cost, as tokens.json and metrics.json add it after their seed-001 keys (seed
 * 002's {@code ExecutionTokenSummary}: input and output totals, {@code by_phase}, {@code by_operation}; seed 004's
 * {@code by_model}; the cost). Each group is a {@link UsageLine}, in order of first appearance.
 *
 * @param total the whole session
 * @param budgetUsd the session's dollar budget, if it has one
 * @param byPhase per phase of the run
 * @param byOperation per operation
 * @param byModel per model ({@code (unknown model)} for tokens without a usage record)
 */
public record UsageSummary(UsageLine total, Optional<BigDecimal> budgetUsd, Map<String, UsageLine> byPhase,
                           Map<String, UsageLine> byOperation, Map<String, UsageLine> byModel) {

    public UsageSummary {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(budgetUsd, "budgetUsd");
        byPhase = Collections.unmodifiableMap(new LinkedHashMap<>(byPhase));
        byOperation = Collections.unmodifiableMap(new LinkedHashMap<>(byOperation));
        byModel = Collections.unmodifiableMap(new LinkedHashMap<>(byModel));
    }

    /** Writes the totals, the cost, the budget and the three groupings into {@code node}. */
    void into(ObjectNode node) {
        node.put("input_tokens", total.inputTokens()).put("output_tokens", total.outputTokens())
                .put("cache_read_tokens", total.cacheReadTokens()).put("cache_write_tokens", total.cacheWriteTokens())
                .put("cache_write_1h_tokens", total.cacheWrite1hTokens()).put("reasoning_tokens", total.reasoningTokens())
                .put("unpriced_tokens", total.unpricedTokens());
        UsageLine.putDollars(node, "cost_usd", total.costUsd());
        budgetUsd.ifPresent(b -> UsageLine.putDollars(node, "budget_usd", budgetUsd));
        group(node.putObject("by_phase"), byPhase);
        group(node.putObject("by_operation"), byOperation);
        group(node.putObject("by_model"), byModel);
    }

    private static void group(ObjectNode node, Map<String, UsageLine> lines) {
        lines.forEach((name, line) -> line.into(node.putObject(name)));
    }
}
