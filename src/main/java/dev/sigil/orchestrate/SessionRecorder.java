package dev.sigil.orchestrate;

import java.util.Map;
import java.util.Set;

import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.Metadata;
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.InvalidEntryException;
import dev.sigil.tokens.BudgetLogEntry;
import tools.jackson.databind.JsonNode;

/**
 * Everything the orchestrator writes to the execution log goes through here, so that the event vocabulary is in one
 * place: which event, which component, which metadata. Every entry is checked against the schema on the caller's
 * thread ({@link ExecutionLogger#logChecked}); an entry the schema refuses (a command that reported odd metadata)
 * is written again without the offending extras, so the step's tokens always reach the log. Not thread-safe:
 * one pipeline thread writes.
 */
final class SessionRecorder {

    /** The metadata keys this class sets itself, always of the schema's types. */
    private static final Set<String> OWN_KEYS = Set.of("step", "operation", "latency_ms", "input_tokens", "output_tokens",
            "attempt", "error", "error_type", "category", "retry_count", "max_retries", "delay_ms", "task", "budget", "agent",
            "total_tokens", "steps_completed", "steps_failed", "total_latency_ms", "warning_level", "total_used",
            "total_remaining", "budget_remaining", "feedback", "severity", "should_retry", "pipeline", "resumed", "resumed_steps");

    private final ExecutionLogger logger;
    private final Reporter reporter;

    /** Where problems with the log itself are reported (stderr in the command). */
    @FunctionalInterface
    interface Reporter {
        void warn(String message);
    }

    SessionRecorder(ExecutionLogger logger, Reporter reporter) {
        this.logger = logger;
        this.reporter = reporter;
    }

    void sessionStart(String task, long budget, String agent, Metadata.Builder extra) {
        log(EventType.SESSION_START, Component.ORCHESTRATOR, "Starting pipeline for: " + task, 0,
                extra.task(task).budget(budget).agent(agent));
    }

    void stepStart(String stepId, Component component, String operation, int attempt) {
        Metadata.Builder m = Metadata.builder().put("step", stepId).operation(operation);
        if (attempt > 1) {
            m.put("attempt", attempt);
        }
        log(EventType.STEP_START, component, "Starting " + operation, 0, m);
    }

    void progress(String stepId, Component component, String message, Map<String, JsonNode> details) {
        Metadata.Builder m = Metadata.builder().put("step", stepId);
        details.forEach((k, v) -> {
            if (!OWN_KEYS.contains(k)) {
                m.put(k, v);
            }
        });
        log(EventType.REASONING_STEP, component, message, 0, m);
    }

    void stepComplete(String stepId, Component component, String operation, long inputTokens, long outputTokens,
                      double latencyMs, Map<String, JsonNode> details) {
        Metadata.Builder m = Metadata.builder().put("step", stepId).operation(operation).latencyMs(latencyMs)
                .put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        JsonNode summary = details.get("summary");
        // A step's own keys never replace the recorder's (which always have the schema's types).
        details.forEach((k, v) -> {
            if (!"summary".equals(k) && !OWN_KEYS.contains(k)) {
                m.put(k, v);
            }
        });
        String message = summary != null && summary.isString() && !summary.stringValue().isBlank() ? summary.stringValue() : "Completed " + operation;
        log(EventType.STEP_COMPLETE, component, message, inputTokens + outputTokens, m);
    }

    void stepError(String stepId, Component component, String operation, String category, String errorType, String error,
                   double latencyMs, int attempt) {
        log(EventType.STEP_ERROR, component, operation + " failed: " + error, 0, Metadata.builder().put("step", stepId)
                .operation(operation).error(error).errorType(errorType).category(category).latencyMs(latencyMs)
                .put("attempt", attempt));
    }

    void retry(String stepId, Component component, String operation, String category, String reason, int retry, int maxRetries,
               long delayMs) {
        log(EventType.RETRY_ATTEMPT, component, "Retrying " + operation + " (" + retry + "/" + maxRetries + "): " + reason, 0,
                Metadata.builder().put("step", stepId).operation(operation).category(category).retryCount(retry)
                        .maxRetries(maxRetries).put("delay_ms", delayMs));
    }

    void contractRetry(String stepId, String feedback, int retry) {
        log(EventType.RETRY_ATTEMPT, Component.CONTRACTS, "Contract check failed, retrying with feedback: " + feedback, 0,
                Metadata.builder().put("step", stepId).operation("validate_output").category("logic").retryCount(retry)
                        .maxRetries(1).put("feedback", feedback));
    }

    void contractFailed(String stepId, Component component) {
        log(EventType.ERROR, component, "Contract validation failed after 1 retry with feedback; the output is kept as it is", 0,
                Metadata.builder().put("step", stepId).operation("validate_output").category("logic").severity("warning")
                        .errorType("ContractValidationError").retryCount(1).maxRetries(1).shouldRetry(false));
    }

    void event(EventType type, Component component, String message, Metadata.Builder metadata) {
        log(type, component, message, 0, metadata);
    }

    /**
     * A budget entry ({@code budget_warning}, {@code budget_exceeded}): the alerts of the token tracker, and the
     * exhaustion the run stops at when alerts are off. The one writer of both, checked like every other entry.
     */
    void budget(BudgetLogEntry entry) {
        log(entry.eventType(), entry.component(), entry.message(), 0, entry.metadata().toBuilder());
    }

    void sessionComplete(long totalTokens, long stepsCompleted, long stepsFailed, double totalLatencyMs) {
        log(EventType.SESSION_COMPLETE, Component.ORCHESTRATOR, stepsFailed == 0 ? "Pipeline completed successfully"
                : "Pipeline completed with " + stepsFailed + (stepsFailed == 1 ? " failed step" : " failed steps"), 0,
                Metadata.builder().totalTokens(totalTokens).stepsCompleted(stepsCompleted).put("steps_failed", stepsFailed)
                        .totalLatencyMs(totalLatencyMs));
    }

    void sessionError(String errorType, String message, long totalTokens, long stepsCompleted) {
        log(EventType.SESSION_ERROR, Component.ORCHESTRATOR, "Pipeline failed: " + message, 0, Metadata.builder()
                .errorType(errorType).error(message).totalTokens(totalTokens).stepsCompleted(stepsCompleted));
    }

    private void log(EventType type, Component component, String message, long tokens, Metadata.Builder metadata) {
        Metadata m = metadata.build();
        try {
            logger.logChecked(logger.entry(type, component, message, tokens, m));
        } catch (InvalidEntryException e) {
            // Keep the event (and its tokens) in the log; drop what made it invalid: the extras a step reported.
            reporter.warn("log entry refused (" + e.getMessage() + "); written again without the step's extra metadata");
            Metadata.Builder reduced = Metadata.builder();
            m.asMap().forEach((k, v) -> {
                if (OWN_KEYS.contains(k)) {
                    reduced.put(k, v);
                }
            });
            logger.logChecked(logger.entry(type, component, message, tokens, reduced.build()));
        }
    }
}
