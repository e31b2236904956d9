package dev.sigil.orchestrate;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.event.Usage;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.ErrorInfo;
import dev.sigil.contract.model.EventType;
import dev.sigil.contract.model.ExecutionEntry;
import dev.sigil.contract.model.Metadata;
import dev.sigil.log.ExecutionLogger;
import dev.sigil.log.InvalidEntryException;
import dev.sigil.orchestrate.execute.StepFailure;
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
            "total_remaining", "budget_remaining", "feedback", "severity", "should_retry", "pipeline", "resumed", "resumed_steps",
            "error_info", "tokens_used", "event_id", "parent_id", "correlation_id", "phase", "budget_usd", "cost_usd", "previous_level");

    private final ExecutionLogger logger;
    private final Reporter reporter;
    private final SessionSums sums;
    private RunAlerts alerts = RunAlerts.NONE;
    private String stop = "";
    private String correlationId = "";
    private Scope scope = Scope.NONE;
    private long entries;

    /** Where problems with the log itself are reported (stderr in the command). */
    @FunctionalInterface
    interface Reporter {
        void warn(String message);
    }

    SessionRecorder(ExecutionLogger logger, Reporter reporter, SessionSums sums) {
        this.logger = logger;
        this.reporter = reporter;
        this.sums = sums;
    }

    /**
     * Where an entry sits in the run's call tree (docs/contract.md §5.2): its unit, the unit containing it, the phase.
     *
     * @param eventId the unit ("" before the run has one)
     * @param parentId the containing unit, "" at the root
     * @param phase the phase of the run
     */
    record Scope(String eventId, String parentId, String phase) {
        static final Scope NONE = new Scope("", "", "");

        /** The unit {@code name} inside this one. */
        Scope child(String name, String childPhase) {
            return new Scope(eventId + "/" + name, eventId, childPhase);
        }
    }

    /** The alert rules told of every entry from now on. */
    void alerts(RunAlerts rules) {
        this.alerts = rules;
    }

    /** Why an alert rule asked the run to stop ("" when none did). */
    String stopRequested() {
        return stop;
    }

    /** The run's id, written as correlation_id on every entry from now on. */
    void run(String correlation) {
        this.correlationId = correlation;
    }

    Scope scope() {
        return scope;
    }

    /** The entries from now on are about {@code unit}. */
    void enter(Scope unit) {
        this.scope = unit;
    }

    /** What the run has written so far, counted as its readers will count it. */
    SessionSums sums() {
        return sums;
    }

    void sessionStart(String task, long budget, String agent, Metadata.Builder extra, java.util.Optional<java.math.BigDecimal> usd) {
        Metadata.Builder m = extra.task(task).budget(budget).agent(agent);
        usd.ifPresent(d -> m.put("budget_usd", dev.sigil.tokens.BudgetLogEntry.dollars(d)));
        log(EventType.SESSION_START, Component.ORCHESTRATOR, "Starting pipeline for: " + task, 0, m);
    }

    void stepStart(String stepId, Component component, String operation, int attempt) {
        Metadata.Builder m = Metadata.builder().put("step", stepId).operation(operation);
        if (attempt > 1) {
            m.put("attempt", attempt);
        }
        log(EventType.STEP_START, component, "Starting " + operation, 0, m);
    }

    /** What happens inside a step; a tool call is a unit of its own ({@code tool-NAME}, then {@code tool-NAME-2}, ...). */
    void progress(String stepId, Component component, String message, Map<String, JsonNode> details) {
        Metadata.Builder m = Metadata.builder().put("step", stepId);
        details.forEach((k, v) -> {
            if (!OWN_KEYS.contains(k)) {
                m.put(k, v);
            }
        });
        JsonNode tool = details.get("tool");
        Scope step = scope;
        if (tool != null && tool.isString() && !step.eventId().isEmpty()) {
            m.operation(tool.stringValue());
            enter(step.child(toolName(step, tool.stringValue()), step.phase()));
        }
        try {
            log(EventType.REASONING_STEP, component, message, 0, m);
        } finally {
            enter(step);
        }
    }

    private final java.util.Map<String, Integer> toolCalls = new java.util.HashMap<>();

    private String toolName(Scope step, String tool) {
        String safe = tool.replaceAll("[^!-~]", "_").replace('/', '_');
        String base = "tool-" + (safe.length() > 64 ? safe.substring(0, 64) : safe);
        int n = toolCalls.merge(step.eventId() + "/" + base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }

    void stepComplete(String stepId, Component component, String operation, long inputTokens, long outputTokens,
                      double latencyMs, Map<String, JsonNode> details, Usage usage) {
        Metadata.Builder m = Metadata.builder().put("step", stepId).operation(operation).latencyMs(latencyMs)
                .put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        if (usage.hasModel()) {
            m.tokensUsed(usage.toRecord());
        }
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

    /** A step gave up: {@code where} holds the try that failed and the tries it had. */
    void stepError(String stepId, StepFailure failure, double latencyMs, ErrorRecords.Where where) {
        String error = failure.getMessage();
        ErrorInfo info = ErrorRecords.failure(failure.code(), error, !failure.category().isFatal(), Optional.empty(), where);
        log(EventType.STEP_ERROR, where.component(), where.operation() + " failed: " + error, 0, Metadata.builder().put("step", stepId)
                .operation(where.operation()).error(error).errorType(failure.errorType()).category(failure.category().wireName())
                .severity(info.severity().orElseThrow()).latencyMs(latencyMs).put("attempt", where.attempt()).errorInfo(info));
    }

    /** A try failed and the step is tried again after {@code delay} ({@code where.attempt()}: the try that failed). */
    void retry(String stepId, StepFailure failure, Duration delay, ErrorRecords.Where where) {
        int retry = where.attempt();
        int maxRetries = where.maxAttempts() - 1;
        ErrorInfo info = ErrorRecords.failure(failure.code(), failure.getMessage(), true, Optional.of(delay), where);
        log(EventType.RETRY_ATTEMPT, where.component(), "Retrying " + where.operation() + " (" + retry + "/" + maxRetries + "): "
                        + failure.getMessage(), 0,
                Metadata.builder().put("step", stepId).operation(where.operation()).category(failure.category().wireName())
                        .severity(info.severity().orElseThrow()).retryCount(retry).maxRetries(maxRetries).put("delay_ms", delay.toMillis())
                        .errorInfo(info));
    }

    void contractRetry(String stepId, String feedback, int retry, boolean partialResult) {
        ErrorRecords.Where where = new ErrorRecords.Where(Component.CONTRACTS, "validate_output", retry, 2, partialResult);
        ErrorInfo info = ErrorRecords.failure(ErrorCode.CONTRACT_002, feedback, true, Optional.of(Duration.ZERO), where);
        log(EventType.RETRY_ATTEMPT, Component.CONTRACTS, "Contract check failed, retrying with feedback: " + feedback, 0,
                Metadata.builder().put("step", stepId).operation("validate_output").category("logic").retryCount(retry)
                        .maxRetries(1).put("feedback", feedback).errorInfo(info));
    }

    void contractFailed(String stepId, Component component, boolean partialResult) {
        String message = "Contract validation failed after 1 retry with feedback; the output is kept as it is";
        ErrorRecords.Where where = new ErrorRecords.Where(component, "validate_output", 2, 2, partialResult);
        ErrorInfo info = ErrorRecords.failure(ErrorCode.CONTRACT_003, message, true, Optional.empty(), where);
        log(EventType.ERROR, component, message, 0,
                Metadata.builder().put("step", stepId).operation("validate_output").category("logic").severity(info.severity().orElseThrow())
                        .errorType(ErrorCode.CONTRACT_003.errorType()).retryCount(1).maxRetries(1).shouldRetry(false).errorInfo(info));
    }

    void event(EventType type, Component component, String message, Metadata.Builder metadata) {
        log(type, component, message, 0, metadata);
    }

    /**
     * A budget entry ({@code budget_warning}, {@code budget_exceeded}): the alerts of the token tracker, and the
     * exhaustion the run stops at when alerts are off. The one writer of both, checked like every other entry.
     */
    void budget(BudgetLogEntry entry) {
        Scope here = scope;
        enter(new Scope(run.eventId(), run.parentId(), here.phase())); // the run's budget, in the phase that crossed a level
        try {
            log(entry.eventType(), entry.component(), entry.message(), 0, entry.metadata().toBuilder());
        } finally {
            enter(here);
        }
    }

    private Scope run = Scope.NONE;

    /** The run's own unit, where budget entries go. */
    void runScope(Scope unit) {
        this.run = unit;
        enter(unit);
    }

    void sessionComplete(long totalTokens, long stepsCompleted, long stepsFailed, double totalLatencyMs) {
        log(EventType.SESSION_COMPLETE, Component.ORCHESTRATOR, stepsFailed == 0 ? "Pipeline completed successfully"
                : "Pipeline completed with " + stepsFailed + (stepsFailed == 1 ? " failed step" : " failed steps"), 0,
                Metadata.builder().totalTokens(totalTokens).stepsCompleted(stepsCompleted).put("steps_failed", stepsFailed)
                        .totalLatencyMs(totalLatencyMs));
    }

    /** The run stopped: the entry that aborts it, critical (docs/errors.md) unless the user stopped it. */
    void sessionError(ErrorCode code, String message, long totalTokens, long stepsCompleted, ErrorRecords.Where where) {
        ErrorInfo info = ErrorRecords.abort(code, message, where);
        log(EventType.SESSION_ERROR, Component.ORCHESTRATOR, "Pipeline failed: " + message, 0, Metadata.builder()
                .errorType(code.errorType()).error(message).totalTokens(totalTokens).stepsCompleted(stepsCompleted)
                .severity(info.severity().orElseThrow()).errorInfo(info));
    }

    /** Entries this run wrote to the log so far. */
    long entries() {
        return entries;
    }

    private void log(EventType type, Component component, String message, long tokens, Metadata.Builder metadata) {
        entries++;
        attribute(metadata);
        Metadata m = metadata.build();
        try {
            written(logger.entry(type, component, message, tokens, m));
        } catch (InvalidEntryException e) {
            // Keep the event (and its tokens) in the log; drop what made it invalid: the extras a step reported.
            reporter.warn("log entry refused (" + e.getMessage() + "); written again without the step's extra metadata");
            Metadata.Builder reduced = Metadata.builder();
            m.asMap().forEach((k, v) -> {
                if (OWN_KEYS.contains(k)) {
                    reduced.put(k, v);
                }
            });
            written(logger.entry(type, component, message, tokens, reduced.build()));
        }
    }

    /** Where the rules' actions reach the run: the alert entry, written like every other; the stop, kept for the step loop. */
    private final RunAlerts.Run ruling = new RunAlerts.Run() {
        @Override
        public void log(String message, Metadata.Builder metadata) {
            SessionRecorder.this.log(EventType.ALERT, Component.ORCHESTRATOR, message, 0, metadata);
        }

        @Override
        public void stop(String why) {
            if (stop.isEmpty()) {
                stop = why;
            }
        }
    };

    /** The attribution keys of the current scope, after the entry's own keys. */
    private void attribute(Metadata.Builder m) {
        if (scope.eventId().isEmpty()) {
            return;
        }
        m.put("event_id", scope.eventId());
        if (!scope.parentId().isEmpty()) {
            m.put("parent_id", scope.parentId());
        }
        m.put("correlation_id", correlationId);
        if (!scope.phase().isEmpty()) {
            m.put("phase", scope.phase());
        }
    }

    /** Logs {@code entry} and, once it is queued for the file, counts it as its readers will. */
    private void written(ExecutionEntry entry) {
        if (logger.logChecked(entry)) {
            dev.sigil.contract.event.LogEvent event = LogEventDecoder.decode(entry.toJsonNode());
            sums.add(event);
            alerts.written(event, ruling);
        }
    }
}
