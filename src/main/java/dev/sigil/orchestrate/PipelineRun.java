package dev.sigil.orchestrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.contract.model.Component;
import dev.sigil.contract.model.Metadata;
import dev.sigil.orchestrate.OrchestrationResult.Status;
import dev.sigil.orchestrate.execute.StepExecutor;
import dev.sigil.orchestrate.execute.StepFailure;
import dev.sigil.orchestrate.pipeline.BuiltinPipeline;
import dev.sigil.orchestrate.pipeline.PipelineDefinition;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import dev.sigil.spend.Phases;
import dev.sigil.tokens.BudgetLogEntry;
import dev.sigil.tokens.BudgetStatus;
import dev.sigil.tokens.TokenTracker;
import dev.sigil.tokens.WarningLevel;
import tools.jackson.databind.JsonNode;

/**
 * One run of a pipeline, from {@code session_start} to {@code session_complete} or {@code session_error}: the steps
 * in order (the built-in pipeline grows by the plan's steps once planning has run), the budget checked before
 * each step (a step that crosses the limit finishes; the next does not start), logic failures logged and passed
 * over, configuration and system failures stopping the run, a failed contract check retried once with its
 * feedback, and steps an earlier run completed skipped on resume. Not thread-safe; one thread runs it.
 */
final class PipelineRun {

    private final OrchestrationRequest request;
    private final SessionRecorder recorder;
    private final TokenTracker tracker;
    private final StepRunner runner;
    private final StepExecutor builtin;
    private final StepExecutor command;
    private final ResumePoint resume;
    private final LongSupplier nanos;
    private final Consumer<StepOutcome> listener;
    private final SessionDocuments documents;
    private final DollarWatch dollars;
    private final String runId;
    private final SessionTally tally = new SessionTally();
    private final Map<String, String> outputs = new LinkedHashMap<>();
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private final Map<String, StepDefinition> knownSteps = new LinkedHashMap<>();
    private int contractFailures;
    private long start;
    private ErrorCode lastErrorCode;
    private String lastError = "";
    private OptionalDouble quality = OptionalDouble.empty();
    private String lastReasoningOutput = "";
    private String lastOutput = "";
    /** The step running now, for what an out-of-memory ending says. */
    private String current = "";

    /**
     * @param runId this run's unit in the call tree ({@code run-N}: the N-th run of the session)
     * @param dollars the dollar budget (a watch that never stops when there is none)
     */
    PipelineRun(OrchestrationRequest request, SessionRecorder recorder, TokenTracker tracker, StepRunner runner,
                StepExecutor builtin, StepExecutor command, ResumePoint resume, LongSupplier nanos, Consumer<StepOutcome> listener,
                String runId, DollarWatch dollars, SessionDocuments documents) {
        this.runId = runId;
        this.dollars = dollars;
        this.documents = documents;
        this.request = request;
        this.recorder = recorder;
        this.tracker = tracker;
        this.runner = runner;
        this.builtin = builtin;
        this.command = command;
        this.resume = resume;
        this.nanos = nanos;
        this.listener = listener;
    }

    SessionTally tally() {
        return tally;
    }

    OrchestrationResult run() {
        long start = nanos.getAsLong();
        List<StepDefinition> steps = new ArrayList<>(request.pipeline().map(PipelineDefinition::steps).orElseGet(BuiltinPipeline::head));
        Metadata.Builder startMetadata = Metadata.builder();
        request.pipeline().ifPresent(p -> startMetadata.put("pipeline", p.name()));
        if (request.resume()) {
            startMetadata.put("resumed", true).put("resumed_steps", resume.done().size());
            // Every token of the log so far counts again, once: the budget and the total start from there.
            resume.spent().forEach((component, tokens) -> {
                tracker.budget().record(component, tokens);
                tally.spent(tokens);
            });
        }
        dollars.seed();
        recorder.run(request.sessionId() + "/" + runId);
        recorder.runScope(new SessionRecorder.Scope(runId, "", Phases.INITIALIZATION));
        recorder.sessionStart(request.task(), request.budget().total(), request.agent(), startMetadata, request.budget().usd());
        this.start = start;
        documents.update(status("running", null));
        try {
            for (int i = 0; i < steps.size(); i++) {
                if (Thread.interrupted()) {
                    // Ctrl-C came while no step was waiting: it stops the run here, before the next step.
                    throw new InterruptedException();
                }
                StepDefinition step = steps.get(i);
                knownSteps.put(step.id(), step);
                if (resumed(step)) {
                    expandPlan(steps, step, outputs.get(step.id()));
                    continue;
                }
                if (request.trackTokens() && !tracker.canContinue()) {
                    return budgetExhausted(start, step);
                }
                if (request.trackTokens() && !dollars.canContinue()) {
                    return dollarsExhausted(start, step);
                }
                if (!recorder.stopRequested().isEmpty()) {
                    return end(start, Status.ALERT_STOPPED, ErrorCode.RUN_002, recorder.stopRequested() + "; stopped before " + step.id());
                }
                documents.update(status("running", step));
                current = step.id();
                StepRunner.Ran ran = runner.run(step, executorFor(step), inputs(step), "", !outputs.isEmpty(), phaseOf(step));
                record(ran);
                if (!ran.succeeded()) {
                    if (ran.failure().category().isFatal()) {
                        return end(start, Status.FAILED, ran.failure().code(), ran.failure().getMessage());
                    }
                    continue;
                }
                expandPlan(steps, step, ran.result().output());
                if (step.component() == Component.CONTRACTS && failedCheck(ran) && !retryContract(step, ran)) {
                    contractFailures++;
                    SessionRecorder.Scope outside = recorder.scope();
                    recorder.enter(phaseOf(step).child(step.id(), phaseOf(step).phase()));
                    recorder.contractFailed(step.id(), step.component(), !outputs.isEmpty());
                    recorder.enter(outside);
                }
            }
            boolean clean = tally.failed() == 0 && contractFailures == 0;
            return end(start, clean ? Status.COMPLETED : Status.COMPLETED_WITH_FAILURES, null, "");
        } catch (InterruptedException e) {
            // The interrupt is answered here: the last entries and the summaries must still be written (an
            // interrupted thread's file channels close themselves), so the flag is not set again.
            return end(start, Status.INTERRUPTED, ErrorCode.RUN_001, "interrupted");
        } catch (PlanException e) {
            return end(start, Status.FAILED, ErrorCode.PLAN_001, e.getMessage());
        } catch (FatalStepException e) {
            return end(start, Status.FAILED, e.failure.code(), e.failure.getMessage());
        } catch (OutOfMemoryError e) {
            // Outside a step's try (StepRunner ends that one with a step_error): what ran out of memory is garbage again
            // here, and the session ends with its reason, never as a torn log.
            return end(start, Status.FAILED, ErrorCode.SYSTEM_003, StepRunner.outOfMemoryIn(current));
        }
    }

    private boolean resumed(StepDefinition step) {
        ResumePoint.DoneStep done = resume.done().get(step.id());
        if (done == null) {
            return false;
        }
        outputs.put(step.id(), resume.outputs().get(step.id()));
        noteOutput(step.component(), resume.outputs().get(step.id()));
        tally.resumed(done.component(), done.latencyMs());
        StepOutcome outcome = new StepOutcome(step.id(), step.component(), step.operation(), true, done.tokens(), done.latencyMs(), "", true);
        outcomes.add(outcome);
        listener.accept(outcome);
        return true;
    }

    private StepExecutor executorFor(StepDefinition step) {
        return step.builtin() ? builtin : command;
    }

    private Map<String, String> inputs(StepDefinition step) {
        Map<String, String> in = new LinkedHashMap<>();
        for (String dep : step.dependsOn()) {
            String out = outputs.get(dep);
            if (out != null) {
                in.put(dep, out);
            }
        }
        return in;
    }

    private void record(StepRunner.Ran ran) {
        StepOutcome o = ran.outcome();
        outcomes.add(o);
        if (ran.succeeded()) {
            outputs.put(o.id(), ran.result().output());
            tally.completed(o.component(), o.tokens(), o.latencyMs());
            noteOutput(o.component(), ran.result().output());
            JsonNode score = ran.result().metadata().get("quality_score");
            if (score != null && score.isNumber()) {
                quality = OptionalDouble.of(score.doubleValue());
            }
            // Always counted (tokens.json is the tracker's status); enforced only with token tracking on.
            tracker.track(o.component(), o.tokens());
            dollars.afterStep();
        } else {
            tally.failed(o.component(), o.latencyMs());
            lastErrorCode = ran.failure().code();
            lastError = ran.failure().getMessage();
        }
        listener.accept(o);
    }

    /** The unit of the phase a step belongs to, inside the run's (docs/contract.md §5.2). */
    private SessionRecorder.Scope phaseOf(StepDefinition step) {
        String phase = Phases.of(step.component(), step.operation());
        return new SessionRecorder.Scope(runId, "", phase).child(phase, phase);
    }

    /** The run's final output is the last reasoning step's, or else the last output of any step. */
    private void noteOutput(Component component, String output) {
        lastOutput = output;
        if (component == Component.REASONING) {
            lastReasoningOutput = output;
        }
    }

    /** A configuration or system failure met inside the contract retry stops the run like anywhere else. */
    private static void stopIfFatal(StepRunner.Ran ran) {
        if (!ran.succeeded() && ran.failure().category().isFatal()) {
            throw new FatalStepException(ran.failure());
        }
    }

    /** In the built-in pipeline, the planning step's output becomes the plan's steps and what follows them. */
    private void expandPlan(List<StepDefinition> steps, StepDefinition step, String output) {
        if (request.pipeline().isPresent() || !BuiltinPipeline.PLAN.equals(step.id())) {
            return;
        }
        List<StepDefinition> plan;
        try {
            plan = BuiltinPipeline.planSteps(output);
        } catch (IllegalArgumentException e) {
            throw new PlanException(e.getMessage());
        }
        // The head's remaining steps (memory retrieval) stay first; the plan and the tail follow them.
        steps.addAll(plan);
        steps.addAll(BuiltinPipeline.tail(plan.get(plan.size() - 1).id()));
    }

    private static boolean failedCheck(StepRunner.Ran ran) {
        JsonNode passed = ran.result().metadata().get("validation_passed");
        return passed != null && passed.isBoolean() && !passed.booleanValue();
    }

    /**
     * A failed contract check is retried once (seed 001 §9.2: logic errors, one retry): the step the check read is run
     * again with the check's feedback, then the check itself. Returns whether the second check passed.
     */
    private boolean retryContract(StepDefinition check, StepRunner.Ran failed) throws InterruptedException {
        JsonNode fb = failed.result().metadata().get("feedback");
        String feedback = fb != null && fb.isString() ? fb.stringValue() : failed.result().output().strip();
        SessionRecorder.Scope checkUnit = phaseOf(check).child(check.id(), phaseOf(check).phase());
        SessionRecorder.Scope retryUnit = checkUnit.child("retry-1", checkUnit.phase());
        SessionRecorder.Scope outside = recorder.scope();
        recorder.enter(retryUnit);
        try {
            return retryContract(check, feedback, retryUnit);
        } finally {
            recorder.enter(outside);
        }
    }

    private boolean retryContract(StepDefinition check, String feedback, SessionRecorder.Scope retryUnit) throws InterruptedException {
        recorder.contractRetry(check.id(), feedback, 1, !outputs.isEmpty());
        if (!check.dependsOn().isEmpty() && request.trackTokens() && !(tracker.canContinue() && dollars.canContinue())) {
            return false;
        }
        String redo = check.dependsOn().isEmpty() ? null : check.dependsOn().get(check.dependsOn().size() - 1);
        StepDefinition redoStep = redo == null ? null : knownSteps.get(redo);
        if (redoStep != null) {
            StepRunner.Ran again = runner.run(redoStep, executorFor(redoStep), inputs(redoStep), feedback, true, retryUnit);
            record(again);
            stopIfFatal(again);
            if (!again.succeeded()) {
                return false;
            }
        }
        if (request.trackTokens() && !(tracker.canContinue() && dollars.canContinue())) {
            return false;
        }
        StepRunner.Ran second = runner.run(check, executorFor(check), inputs(check), feedback, true, retryUnit);
        record(second);
        stopIfFatal(second);
        return second.succeeded() && !failedCheck(second);
    }

    private OrchestrationResult budgetExhausted(long start, StepDefinition next) {
        BudgetStatus status = tracker.status();
        boolean alerted = request.alerts() && tracker.history().stream().anyMatch(a -> a.alert().level() == WarningLevel.EXCEEDED);
        if (!alerted) {
            recorder.budget(BudgetLogEntry.exhausted(status.used(), status.total()));
        }
        String message = "token budget exhausted: " + status.used() + " of " + status.total() + " used; stopped before " + next.id();
        return end(start, Status.BUDGET_EXHAUSTED, ErrorCode.TOKEN_001, message);
    }

    private OrchestrationResult dollarsExhausted(long start, StepDefinition next) {
        if (!request.alerts() || !dollars.exceededAlerted()) {
            recorder.budget(dollars.exhausted());
        }
        return end(start, Status.BUDGET_EXHAUSTED, ErrorCode.TOKEN_002, dollars.exhaustedMessage(next.id()));
    }

    /** The end of the run; {@code code} is why it stopped (null when it ran to its end). */
    private OrchestrationResult end(long start, Status status, ErrorCode code, String error) {
        recorder.enter(new SessionRecorder.Scope(runId, "", Phases.COMPLETION));
        double seconds = (nanos.getAsLong() - start) / 1e9;
        long total = tally.tokens();
        switch (status) {
            case COMPLETED, COMPLETED_WITH_FAILURES -> recorder.sessionComplete(total, tally.completed(), tally.failed(), tally.totalLatencyMs());
            default -> recorder.sessionError(code, error, total, tally.completed(), lastStep());
        }
        if (code != null) {
            lastErrorCode = code;
            lastError = error;
        }
        documents.update(status(status.name().toLowerCase(java.util.Locale.ROOT), null));
        return new OrchestrationResult(request.sessionId(), request.task(), status, total, request.budget().total(), outcomes,
                lastReasoningOutput.isEmpty() ? lastOutput : lastReasoningOutput, quality, code == null ? "" : code.errorType(),
                code == null ? "" : code.code(), error, seconds, recorder.sums().total(), request.budget().usd());
    }

    /** What the session's documents say now: {@code state}, and {@code current} if a step runs. */
    private RunStatus status(String state, StepDefinition current) {
        return new RunStatus(state, current == null ? "" : current.id(), current == null ? "" : current.component().wireName(),
                current == null ? "" : current.operation(), tally.completed(), tally.failed(), tally.tokens(), request.budget().total(),
                recorder.entries(), (nanos.getAsLong() - start) / 1e9, lastErrorCode == null ? "" : lastErrorCode.code(), lastError);
    }

    /** Where the run was when it stopped: the last step that ran (the orchestrator's start if none did). */
    private ErrorRecords.Where lastStep() {
        if (outcomes.isEmpty()) {
            return new ErrorRecords.Where(Component.ORCHESTRATOR, "execute_plan", 0, 0, false);
        }
        StepOutcome last = outcomes.get(outcomes.size() - 1);
        return new ErrorRecords.Where(last.component(), last.operation(), 0, 0, !outputs.isEmpty());
    }

    /** A step failed with a category that stops the run. */
    private static final class FatalStepException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient StepFailure failure;

        FatalStepException(StepFailure failure) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
        }
    }

    /** The plan the planning step produced cannot be run. */
    private static final class PlanException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PlanException(String message) {
            super(message, null, false, false);
        }
    }
}
