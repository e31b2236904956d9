package dev.sigil.orchestrate;

import static dev.sigil.orchestrate.Harness.request;
import static dev.sigil.orchestrate.Harness.step;
import static dev.sigil.orchestrate.ScriptedExecutor.check;
import static dev.sigil.orchestrate.ScriptedExecutor.produce;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.model.Component;
import dev.sigil.orchestrate.OrchestrationResult.Status;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import tools.jackson.databind.JsonNode;

/**
 * {@code --resume} in-process: an interrupted run is continued, the steps it completed are not run again, their
 * outputs reach the steps that depend on them, and the sum of tokens over the whole log stays the session's total,
 * equal to tokens.json, however the first run ended.
 */
class ResumeTest {

    private static final List<StepDefinition> FOUR = List.of(step("a", Component.ROUTING), step("b", Component.PLANNING, "a"),
            step("c", Component.REASONING, "b"), step("d", Component.VALIDATION, "c"));

    @TempDir
    Path logs;

    private void assertAudited(Harness harness, String session) throws Exception {
        assertThat(harness.audit(session).findings()).as("audit of session %s", session).isEmpty();
    }

    @Test
    void anInterruptedRunIsContinuedWithoutRunningItsCompletedStepsAgain() throws Exception {
        Harness harness = new Harness(logs);
        ScriptedExecutor first = new ScriptedExecutor().on("a", produce(100, 20)).on("b", produce(200, 40))
                .on("c", new ScriptedExecutor.Interrupt());
        OrchestrationResult stopped = harness.run(request("r1", 100_000, FOUR), first);

        assertThat(stopped.status()).isEqualTo(Status.INTERRUPTED);
        SessionAudit audit = harness.audit("r1");
        assertThat(audit.last().get("event_type").stringValue()).isEqualTo("session_error");
        assertThat(audit.last().get("metadata").get("error_type").stringValue()).isEqualTo("KeyboardInterrupt");
        assertThat(audit.last().get("metadata").get("error").stringValue()).isEqualTo("interrupted");
        assertThat(audit.findings()).isEmpty();
        assertThat(audit.tokensJson().get("total_used").longValue()).isEqualTo(360);

        ScriptedExecutor second = new ScriptedExecutor().on("c", produce(300, 60));
        OrchestrationResult resumed = harness.run(request("r1", 100_000, FOUR, true, true, true), second);

        assertThat(resumed.status()).isEqualTo(Status.COMPLETED);
        assertThat(second.calledSteps()).containsExactly("c", "d");
        assertThat(second.requests().get(0).inputs()).containsEntry("b", "output 200+40");
        assertThat(second.requests().get(0).task()).as("the task of the run being continued").isEqualTo("Qualify the test lead");
        assertThat(resumed.steps()).extracting(StepOutcome::resumed).containsExactly(true, true, false, false);
        assertThat(resumed.totalTokens()).isEqualTo(360 + 360 + 15);
        audit = harness.audit("r1");
        assertThat(audit.findings()).isEmpty();
        JsonNode restart = audit.events("session_start").get(1);
        assertThat(restart.get("metadata").get("resumed").booleanValue()).isTrue();
        assertThat(restart.get("metadata").get("resumed_steps").intValue()).isEqualTo(2);
        assertThat(audit.steps("step_complete")).containsExactly("a", "b", "c", "d");
        assertThat(audit.logTokens()).isEqualTo(resumed.totalTokens());
    }

    @Test
    void stepsRunTwiceByTheContractRetryCountTwiceAfterAResume() throws Exception {
        Harness harness = new Harness(logs);
        List<StepDefinition> steps = List.of(step("research", Component.REASONING), step("check", Component.CONTRACTS, "research"),
                step("score", Component.VALIDATION, "research"));
        ScriptedExecutor first = new ScriptedExecutor().on("research", produce(100, 50), produce(120, 60))
                .on("check", call -> check(30, 10, !call.request().feedback().isEmpty(), "add the risks"))
                .on("score", new ScriptedExecutor.Interrupt());
        assertThat(harness.run(request("r2", 100_000, steps), first).status()).isEqualTo(Status.INTERRUPTED);
        assertAudited(harness, "r2");

        ScriptedExecutor second = new ScriptedExecutor();
        OrchestrationResult resumed = harness.run(request("r2", 100_000, steps, true, true, true), second);

        assertThat(second.calledSteps()).containsExactly("score");
        assertThat(resumed.totalTokens()).isEqualTo(150 + 40 + 180 + 40 + 15);
        assertAudited(harness, "r2");
    }

    @Test
    void aStepWhoseOutputWasNotKeptIsRunAgainAndBothRunsCount() throws Exception {
        Harness harness = new Harness(logs);
        ScriptedExecutor first = new ScriptedExecutor().on("a", produce(100, 20)).on("b", produce(200, 40))
                .on("c", new ScriptedExecutor.Interrupt());
        harness.run(request("r3", 100_000, FOUR), first);
        Path outputs = harness.sessionDirectory("r3").resolve("outputs.jsonl");
        List<String> kept = Files.readAllLines(outputs);
        Files.write(outputs, kept.subList(0, 1));

        ScriptedExecutor second = new ScriptedExecutor();
        OrchestrationResult resumed = harness.run(request("r3", 100_000, FOUR, true, true, true), second);

        assertThat(second.calledSteps()).containsExactly("b", "c", "d");
        assertThat(resumed.totalTokens()).isEqualTo(120 + 240 + 15 * 3);
        assertAudited(harness, "r3");
    }

    @Test
    void aRunStoppedByItsBudgetStopsAgainUnlessTheBudgetIsRaised() throws Exception {
        Harness harness = new Harness(logs);
        ScriptedExecutor first = new ScriptedExecutor().on("a", produce(400, 100)).on("b", produce(400, 100));
        assertThat(harness.run(request("r4", 1000, FOUR), first).status()).isEqualTo(Status.BUDGET_EXHAUSTED);
        assertThat(first.calledSteps()).containsExactly("a", "b");

        ScriptedExecutor same = new ScriptedExecutor();
        OrchestrationResult again = harness.run(request("r4", 1000, FOUR, true, true, true), same);
        assertThat(again.status()).isEqualTo(Status.BUDGET_EXHAUSTED);
        assertThat(same.calledSteps()).isEmpty();
        assertAudited(harness, "r4");

        ScriptedExecutor raised = new ScriptedExecutor();
        OrchestrationResult done = harness.run(request("r4", 10_000, FOUR, true, true, true), raised);
        assertThat(done.status()).isEqualTo(Status.COMPLETED);
        assertThat(raised.calledSteps()).containsExactly("c", "d");
        assertThat(done.totalTokens()).isEqualTo(1030);
        assertAudited(harness, "r4");
    }

    @Test
    void aFinishedSessionIsRecognised() throws Exception {
        Harness harness = new Harness(logs);
        harness.run(request("r5", 100_000, FOUR), new ScriptedExecutor());
        assertThat(Orchestrator.earlierRun(harness.sessionDirectory("r5"))).isEqualTo(new EarlierRun("Qualify the test lead", "test-pipeline", true));
        harness.run(request("r6", 100_000, FOUR), new ScriptedExecutor().on("b", new ScriptedExecutor.Interrupt()));
        assertThat(Orchestrator.earlierRun(harness.sessionDirectory("r6")).finished()).isFalse();
    }
}
