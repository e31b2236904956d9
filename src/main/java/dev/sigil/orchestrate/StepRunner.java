package dev.sigil.orchestrate;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

import dev.sigil.contract.Heap;
import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.orchestrate.execute.OfflineExecutor;
import dev.sigil.orchestrate.execute.RetryPolicy;
import dev.sigil.orchestrate.execute.StepExecutor;
import dev.sigil.orchestrate.execute.StepFailure;
import dev.sigil.orchestrate.execute.StepRequest;
import dev.sigil.orchestrate.execute.StepResult;
import dev.sigil.orchestrate.pipeline.StepDefinition;

/**
 * Runs one step to its end: {@code step_start}, the executor, then {@code step_complete} with the step's tokens, or
 * {@code retry_attempt} and a wait for transient failures (exponential backoff), or {@code step_error} when it gives
 * up. The output is kept ({@link StepOutputs}) before the step counts as done, so that a resume can rely on it.
 */
final class StepRunner {

    /** How a step ended: its result, or the failure that ended it. */
    record Ran(StepOutcome outcome, StepResult result, StepFailure failure) {
        boolean succeeded() {
            return result != null;
        }
    }

    private final SessionRecorder recorder;
    private final StepOutputs outputs;
    private final LongSupplier nanos;
    private final OfflineExecutor.Pause pause;
    private final SessionRecorder.Reporter reporter;
    private final String sessionId;
    private final String task;
    private boolean outputsFailed;

    StepRunner(SessionRecorder recorder, StepOutputs outputs, LongSupplier nanos, OfflineExecutor.Pause pause,
               SessionRecorder.Reporter reporter, String sessionId, String task) {
        this.recorder = recorder;
        this.outputs = outputs;
        this.nanos = nanos;
        this.pause = pause;
        this.reporter = reporter;
        this.sessionId = sessionId;
        this.task = task;
    }

    /**
     * Runs {@code step} as the unit {@code step.id()} inside {@code parent} (docs/contract.md §5.2): its first try is that
     * unit, each retry a unit {@code retry-N} inside it, holding the retry entry and the try it starts.
     * {@code partialResult}: whether steps before it produced output (for its error records).
     */
    Ran run(StepDefinition step, StepExecutor executor, Map<String, String> inputs, String feedback, boolean partialResult,
            SessionRecorder.Scope parent) throws InterruptedException {
        SessionRecorder.Scope unit = parent.child(step.id(), parent.phase());
        recorder.enter(unit);
        try {
            return attempts(step, executor, inputs, feedback, partialResult, unit);
        } finally {
            recorder.enter(parent);
        }
    }

    private Ran attempts(StepDefinition step, StepExecutor executor, Map<String, String> inputs, String feedback,
                         boolean partialResult, SessionRecorder.Scope unit) throws InterruptedException {
        RetryPolicy policy = new RetryPolicy(step.retries(), step.retryDelay(), RetryPolicy.DEFAULT.max());
        for (int attempt = 1; ; attempt++) {
            recorder.stepStart(step.id(), step.component(), step.operation(), attempt);
            long start = nanos.getAsLong();
            try {
                return completed(step, executor, new StepRequest(sessionId, task, step, attempt, inputs, feedback), start);
            } catch (StepFailure failure) {
                double latency = millisSince(start);
                ErrorRecords.Where where = new ErrorRecords.Where(step.component(), step.operation(), attempt, policy.maxRetries() + 1,
                        partialResult);
                if (policy.shouldRetry(failure, attempt)) {
                    Duration delay = policy.delayBefore(attempt, failure);
                    recorder.enter(unit.child("retry-" + attempt, unit.phase()));
                    recorder.retry(step.id(), failure, delay, where);
                    pause.millis(delay.toMillis());
                    continue;
                }
                recorder.stepError(step.id(), failure, latency, where);
                return new Ran(new StepOutcome(step.id(), step.component(), step.operation(), false, 0, latency, failure.getMessage(),
                        false), null, failure);
            }
        }
    }

    /**
     * The step's try, to its {@code step_complete}; running out of memory in it (the step, or counting its output's
     * tokens) is a system failure of the step (SYSTEM_003: not retried, the run ends), so that the try is closed by a
     * {@code step_error} before the run's {@code session_error}. What the try held is garbage once the error has left.
     */
    private Ran completed(StepDefinition step, StepExecutor executor, StepRequest request, long start)
            throws StepFailure, InterruptedException {
        try {
            StepResult result = executor.execute(request, (message, details) -> recorder.progress(step.id(), step.component(), message,
                    details));
            double latency = millisSince(start);
            keep(step.id(), result.output());
            recorder.stepComplete(step.id(), step.component(), step.operation(), result.inputTokens(), result.outputTokens(), latency,
                    result.metadata(), result.usage());
            return new Ran(new StepOutcome(step.id(), step.component(), step.operation(), true, result.tokens(), latency, "", false),
                    result, null);
        } catch (OutOfMemoryError e) {
            throw new StepFailure(ErrorCode.SYSTEM_003, outOfMemoryIn(step.id()));
        }
    }

    /** What running out of memory in step {@code stepId} says (empty: outside any step). */
    static String outOfMemoryIn(String stepId) {
        return "out of memory" + (stepId.isEmpty() ? "" : " in step " + stepId) + ": " + Heap.tooSmall();
    }

    private void keep(String stepId, String output) {
        try {
            outputs.append(stepId, output);
        } catch (IOException e) {
            if (!outputsFailed) {
                outputsFailed = true;
                reporter.warn("cannot keep step outputs (" + e.getMessage() + "); the run goes on, but --resume will redo these steps");
            }
        }
    }

    private double millisSince(long start) {
        return Math.round((nanos.getAsLong() - start) / 1_000.0) / 1_000.0;
    }
}
