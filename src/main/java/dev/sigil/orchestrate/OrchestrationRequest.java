package dev.sigil.orchestrate;

import java.util.Objects;
import java.util.Optional;

import dev.sigil.orchestrate.pipeline.PipelineDefinition;
import dev.sigil.tokens.BudgetPlan;

/**
 * What to run.
 *
 * @param task the user's task
 * @param sessionId the session (validated by the logger)
 * @param budget the token budget and its allocations
 * @param agent the agent named with --agent, or null
 * @param seed seed of the built-in executor
 * @param speed pace of the built-in executor: waits are multiplied by it (1 normal, 0 no waiting)
 * @param pipeline a pipeline file's steps, or empty for the built-in pipeline
 * @param resume continue the session's earlier run, skipping the steps it completed
 * @param trackTokens enforce the budget (SIGIL_ENABLE_TOKEN_TRACKING)
 * @param alerts report budget level changes (SIGIL_ENABLE_BUDGET_ALERTS)
 * @param monitoring write what watchers read beside the log: the session documents, tokens.json, metrics.json and current.jsonl
 *        (SIGIL_ENABLE_MONITORING); off, the run writes its log and nothing for the features it does not use
 */
public record OrchestrationRequest(String task, String sessionId, BudgetPlan budget, String agent, long seed, double speed,
                                   Optional<PipelineDefinition> pipeline, boolean resume, boolean trackTokens, boolean alerts,
                                   boolean monitoring) {

    public OrchestrationRequest {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(pipeline, "pipeline");
    }
}
