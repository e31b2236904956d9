package dev.sigil.orchestrate;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a run is, as its two documents say it (docs/orchestrate.md, "Session documents"): the state, the step that
 * runs now, the counts and the tokens. Pure; the pipeline makes a new one as each step starts and at the end.
 *
 * @param state {@code running}, then how the run ended ({@code completed}, {@code completed_with_failures},
 *        {@code failed}, {@code budget_exhausted}, {@code interrupted})
 * @param currentStep the step that runs now, "" between steps
 * @param currentComponent its component, ""
 * @param currentOperation its operation, ""
 * @param stepsCompleted steps that produced output (resumed ones included)
 * @param stepsFailed steps that gave up
 * @param tokensUsed the session's tokens so far (earlier runs included)
 * @param budget the session's budget
 * @param events entries written to the log by this run
 * @param durationSeconds wall time of this run so far
 * @param errorCode the code of the last error (docs/errors.md), ""
 * @param error its message, ""
 */
record RunStatus(String state, String currentStep, String currentComponent, String currentOperation, long stepsCompleted,
                 long stepsFailed, long tokensUsed, long budget, long events, double durationSeconds, String errorCode, String error) {

    /** The version of both documents' shape (contract/session.schema.json, contract/status.schema.json). */
    static final int SCHEMA_VERSION = 1;

    boolean finished() {
        return !"running".equals(state);
    }

    /** status.json: the pipeline's status now. */
    ObjectNode statusDocument(String sessionId, String updatedAt, long pid) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode().put("schema_version", SCHEMA_VERSION).put("session_id", sessionId).put("updated_at", updatedAt)
                .put("pid", pid).put("state", state);
        o.set("current_step", currentStep.isEmpty() ? f.nullNode() : f.stringNode(currentStep));
        o.set("current_component", currentComponent.isEmpty() ? f.nullNode() : f.stringNode(currentComponent));
        o.set("current_operation", currentOperation.isEmpty() ? f.nullNode() : f.stringNode(currentOperation));
        o.put("steps_completed", stepsCompleted).put("steps_failed", stepsFailed).put("tokens_used", tokensUsed)
                .put("budget_total", budget).put("budget_remaining", Math.max(0, budget - tokensUsed));
        if (errorCode.isEmpty()) {
            o.putNull("last_error");
        } else {
            o.putObject("last_error").put("error_code", errorCode).put("error_message", error);
        }
        return o;
    }

    /** session.json: the session as a whole (seed 002's session document, its events in the log beside it). */
    ObjectNode sessionDocument(Header header, String updatedAt) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode().put("schema_version", SCHEMA_VERSION).put("session_id", header.sessionId())
                .put("created_at", header.createdAt()).put("updated_at", updatedAt).put("task", header.task());
        o.set("agent", header.agent() == null ? f.nullNode() : f.stringNode(header.agent()));
        o.put("pipeline", header.pipeline()).put("status", state).put("log", dev.sigil.layout.LogLayout.EXECUTION_LOG);
        ObjectNode summary = o.putObject("summary").put("total_events", events).put("total_tokens", tokensUsed)
                .put("duration_seconds", Math.round(durationSeconds * 1000) / 1000.0).put("steps_completed", stepsCompleted)
                .put("steps_failed", stepsFailed);
        if (finished()) {
            summary.put("success", "completed".equals(state));
        } else {
            summary.putNull("success");
        }
        summary.put("error_code", errorCode);
        return o;
    }

    /**
     * What the session document says of the session whatever the run: its id, when it was first created, the task
     * (redacted as the log's), the agent (or null), the pipeline's name ("" for the built-in one).
     */
    record Header(String sessionId, String createdAt, String task, String agent, String pipeline) {
    }
}
