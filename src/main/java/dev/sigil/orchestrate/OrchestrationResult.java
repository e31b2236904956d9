package dev.sigil.orchestrate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.sigil.spend.Tally;

/**
 * How a run ended.
 *
 * @param sessionId the session
 * @param task the task
 * @param status how it ended
 * @param totalTokens tokens used by the session (the sum of its log's tokens, earlier runs included)
 * @param budget the session's budget
 * @param steps every step that ran or was resumed, in order
 * @param finalOutput the output of the last reasoning step (or of the last step that produced one)
 * @param qualityScore the verification's score, if a step reported one
 * @param errorType why the session failed (e.g. BudgetExhaustedError), "" if it did not
 * @param errorCode its code in docs/errors.md (e.g. TOKEN_001), ""
 * @param error the failure in words, ""
 * @param durationSeconds wall time of this run
 * @param usage the session's tokens and dollars as its readers count them (earlier runs included)
 * @param budgetUsd the session's dollar budget, if it has one
 */
public record OrchestrationResult(String sessionId, String task, Status status, long totalTokens, long budget,
                                  List<StepOutcome> steps, String finalOutput, OptionalDouble qualityScore, String errorType,
                                  String errorCode, String error, double durationSeconds, Tally usage, Optional<BigDecimal> budgetUsd) {

    /** A result without usage records (nothing priced). */
    public OrchestrationResult(String sessionId, String task, Status status, long totalTokens, long budget, List<StepOutcome> steps,
                               String finalOutput, OptionalDouble qualityScore, String errorType, String errorCode, String error,
                               double durationSeconds) {
        this(sessionId, task, status, totalTokens, budget, steps, finalOutput, qualityScore, errorType, errorCode, error, durationSeconds,
                Tally.ZERO, Optional.empty());
    }

    /** How a run can end. */
    public enum Status {
        /** Every step succeeded. */
        COMPLETED,
        /** The pipeline ran to its end, but some steps failed (logic errors, transient errors that did not go away). */
        COMPLETED_WITH_FAILURES,
        /** A configuration or system error stopped the pipeline. */
        FAILED,
        /** The token or dollar budget ran out; the step that used it up finished, the next did not start. */
        BUDGET_EXHAUSTED,
        /** An alert rule with the stop action fired (docs/alerts.md §5); the step that made it fire finished, the next did not start. */
        ALERT_STOPPED,
        /** Ctrl-C or SIGTERM. */
        INTERRUPTED
    }

    public OrchestrationResult {
        steps = List.copyOf(steps);
    }

    public long stepsCompleted() {
        return steps.stream().filter(StepOutcome::success).count();
    }

    public long stepsFailed() {
        return steps.stream().filter(s -> !s.success()).count();
    }
}
