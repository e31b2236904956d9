package dev.sigil.orchestrate;

import static dev.sigil.orchestrate.Harness.request;
import static dev.sigil.orchestrate.Harness.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.model.Component;
import dev.sigil.orchestrate.OrchestrationResult.Status;
import dev.sigil.orchestrate.execute.StepExecutor;
import dev.sigil.orchestrate.execute.StepProgress;
import dev.sigil.orchestrate.execute.StepRequest;
import dev.sigil.orchestrate.execute.StepResult;
import dev.sigil.orchestrate.pipeline.StepDefinition;

/**
 * Ctrl-C interrupts the pipeline's thread; the interrupt may come while a step waits (it throws at once) or while no
 * one waits (only the thread's flag is set). Either way the run ends with everything written: the log, whole and
 * valid, ending with its run's last line, and the summaries.
 */
class InterruptionTest {

    private static final List<StepDefinition> THREE = List.of(step("a", Component.ROUTING), step("b", Component.REASONING, "a"),
            step("c", Component.VALIDATION, "b"));

    @TempDir
    Path logs;

    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    /** Produces output; on {@code interruptAt} it also sets the thread's interrupt flag, as a signal arriving then would. */
    private static StepExecutor interruptedAfter(String interruptAt) {
        return new StepExecutor() {
            @Override
            public StepResult execute(StepRequest request, StepProgress progress) {
                if (request.step().id().equals(interruptAt)) {
                    Thread.currentThread().interrupt();
                }
                return new StepResult("out " + request.step().id(), 20, 10, Map.of());
            }
        };
    }

    @Test
    void anInterruptBetweenStepsStopsTheRunBeforeTheNextStep() throws Exception {
        Harness harness = new Harness(logs);
        OrchestrationResult r = harness.run(request("between", 100_000, THREE), interruptedAfter("b"));

        assertThat(r.status()).isEqualTo(Status.INTERRUPTED);
        SessionAudit audit = harness.audit("between");
        assertThat(audit.findings()).isEmpty();
        assertThat(audit.steps("step_complete")).containsExactly("a", "b");
        assertThat(audit.steps("step_start")).containsExactly("a", "b");
        assertThat(audit.last().get("metadata").get("error_type").stringValue()).isEqualTo("KeyboardInterrupt");
        assertThat(audit.tokensJson().get("total_used").longValue()).isEqualTo(60);
    }

    @Test
    void anInterruptAfterTheLastStepStillClosesTheLogWithEverythingWritten() throws Exception {
        Harness harness = new Harness(logs);
        OrchestrationResult r = harness.run(request("late", 100_000, THREE), interruptedAfter("c"));

        assertThat(r.status()).as("nothing was left to stop").isEqualTo(Status.COMPLETED);
        SessionAudit audit = harness.audit("late");
        assertThat(audit.findings()).isEmpty();
        assertThat(audit.last().get("event_type").stringValue()).isEqualTo("session_complete");
        assertThat(audit.tokensJson().get("total_used").longValue()).isEqualTo(90);
        assertThat(harness.err.toString()).as("no loss reported").isEmpty();
    }
}
