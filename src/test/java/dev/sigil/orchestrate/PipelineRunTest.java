package dev.sigil.orchestrate;

import static dev.sigil.orchestrate.Harness.request;
import static dev.sigil.orchestrate.Harness.step;
import static dev.sigil.orchestrate.ScriptedExecutor.check;
import static dev.sigil.orchestrate.ScriptedExecutor.fail;
import static dev.sigil.orchestrate.ScriptedExecutor.produce;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.model.Component;
import dev.sigil.orchestrate.OrchestrationResult.Status;
import dev.sigil.contract.errors.ErrorCategory;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import tools.jackson.databind.JsonNode;

/**
 * The orchestrator's run, in-process, with a real logger and scripted executors: retries and backoff, each error
 * category, the budget, the contract check's retry with feedback. Every session is audited (valid lines, tokens
 * counted once and equal to tokens.json, legal event order) besides what each test looks at.
 */
class PipelineRunTest {

    private static final List<StepDefinition> THREE = List.of(
            step("route", Component.ROUTING),
            step("research", Component.REASONING, "route"),
            step("score", Component.VALIDATION, "research"));

    @TempDir
    Path logs;

    private Harness harness;

    private SessionAudit audited(String session) throws Exception {
        SessionAudit audit = harness.audit(session);
        assertThat(audit.findings()).as("audit of %s", audit.directory()).isEmpty();
        return audit;
    }

    @Test
    void transientFailuresAreRetriedWithDoublingDelaysEachLoggedBeforeTheStepCompletes() throws Exception {
        harness = new Harness(logs);
        ScriptedExecutor steps = new ScriptedExecutor()
                .on("research", fail(ErrorCategory.TRANSIENT), fail(ErrorCategory.TRANSIENT), produce(300, 100));
        OrchestrationResult r = harness.run(request("retry", 100_000, THREE), steps);

        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        assertThat(harness.waits).containsExactly(10L, 20L);
        SessionAudit audit = audited("retry");
        assertThat(audit.eventTypes()).containsSubsequence("step_start", "retry_attempt", "step_start", "retry_attempt", "step_start",
                "step_complete");
        List<JsonNode> retries = audit.events("retry_attempt");
        assertThat(retries).extracting(e -> e.get("metadata").get("delay_ms").longValue()).containsExactly(10L, 20L);
        assertThat(retries).extracting(e -> e.get("metadata").get("retry_count").intValue()).containsExactly(1, 2);
        assertThat(retries).allSatisfy(e -> {
            assertThat(e.get("metadata").get("category").stringValue()).isEqualTo("transient");
            assertThat(e.get("metadata").get("max_retries").intValue()).isEqualTo(3);
        });
        assertThat(audit.events("step_start")).filteredOn(e -> e.get("metadata").get("step").stringValue().equals("research"))
                .extracting(e -> e.get("metadata").path("attempt").asInt(1)).containsExactly(1, 2, 3);
        assertThat(audit.steps("step_complete")).containsExactly("route", "research", "score");
        assertThat(r.totalTokens()).isEqualTo(audit.logTokens()).isEqualTo(15 + 400 + 15);
    }

    @Test
    void aTransientFailureThatOutlastsItsRetriesFailsTheStepAndTheRunGoesOn() throws Exception {
        harness = new Harness(logs);
        List<StepDefinition> steps = List.of(step("route", Component.ROUTING), step("research", Component.REASONING, 2,
                Duration.ofMillis(5), "route"), step("score", Component.VALIDATION, "research"));
        ScriptedExecutor exec = new ScriptedExecutor().on("research", fail(ErrorCategory.TRANSIENT));
        OrchestrationResult r = harness.run(request("outlast", 100_000, steps), exec);

        assertThat(r.status()).isEqualTo(Status.COMPLETED_WITH_FAILURES);
        assertThat(harness.waits).containsExactly(5L, 10L);
        SessionAudit audit = audited("outlast");
        assertThat(audit.events("retry_attempt")).hasSize(2);
        JsonNode error = audit.events("step_error").get(0);
        assertThat(error.get("metadata").get("category").stringValue()).isEqualTo("transient");
        assertThat(error.get("metadata").get("attempt").intValue()).isEqualTo(3);
        assertThat(audit.steps("step_complete")).containsExactly("route", "score");
    }

    @Test
    void aLogicFailureIsLoggedAndTheRunGoesOnWithoutItsOutput() throws Exception {
        harness = new Harness(logs);
        ScriptedExecutor exec = new ScriptedExecutor().on("research", fail(ErrorCategory.LOGIC));
        OrchestrationResult r = harness.run(request("logic", 100_000, THREE), exec);

        assertThat(r.status()).isEqualTo(Status.COMPLETED_WITH_FAILURES);
        assertThat(r.stepsCompleted()).isEqualTo(2);
        assertThat(r.stepsFailed()).isEqualTo(1);
        assertThat(harness.waits).as("logic errors are not retried").isEmpty();
        assertThat(exec.calledSteps()).containsExactly("route", "research", "score");
        assertThat(exec.requests().get(2).inputs()).as("score depends on the failed step: no input from it").isEmpty();
        SessionAudit audit = audited("logic");
        JsonNode error = audit.events("step_error").get(0);
        assertThat(error.get("metadata").get("category").stringValue()).isEqualTo("logic");
        assertThat(error.get("metadata").get("error_type").stringValue()).isEqualTo("StepError");
        assertThat(error.get("metadata").at("/error_info/error_code").stringValue()).isEqualTo("STEP_004");
        assertThat(error.get("metadata").at("/error_info/severity").stringValue()).as("logic: a warning").isEqualTo("warning");
        assertThat(error.get("metadata").at("/error_info/recoverable").booleanValue()).as("the run goes on").isTrue();
        assertThat(error.get("metadata").at("/error_info/context/last_operation").stringValue()).isEqualTo("research");
        assertThat(error.get("metadata").at("/error_info/context/partial_result_available").booleanValue()).as("route ran").isTrue();
        JsonNode end = audit.last();
        assertThat(end.get("event_type").stringValue()).isEqualTo("session_complete");
        assertThat(end.get("metadata").get("steps_failed").longValue()).isEqualTo(1);
        assertThat(audit.metricsJson().get("steps_failed").longValue()).isEqualTo(1);
        assertThat(audit.metricsJson().get("components").get("reasoning").get("errors").longValue()).isEqualTo(1);
    }

    @Test
    void runningOutOfMemoryInAStepEndsTheSessionWithACriticalSessionError() throws Exception {
        harness = new Harness(logs);
        ScriptedExecutor exec = new ScriptedExecutor().on("research", new ScriptedExecutor.Exhaust());
        OrchestrationResult r = harness.run(request("memory", 100_000, THREE), exec);

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.errorCode()).isEqualTo("SYSTEM_003");
        assertThat(r.error()).startsWith("out of memory in step research: the JVM's heap of ").contains("SIGIL_JAVA_OPTS=-Xmx");
        assertThat(exec.calledSteps()).containsExactly("route", "research");
        SessionAudit audit = audited("memory");
        JsonNode stepError = audit.events("step_error").get(0);
        assertThat(stepError.get("metadata").get("step").stringValue()).as("the try is closed before the run ends").isEqualTo("research");
        assertThat(stepError.get("metadata").at("/error_info/error_code").stringValue()).isEqualTo("SYSTEM_003");
        JsonNode end = audit.last();
        assertThat(end.get("event_type").stringValue()).isEqualTo("session_error");
        assertThat(end.get("metadata").get("error_type").stringValue()).isEqualTo("MemoryError");
        assertThat(end.get("metadata").at("/error_info/error_code").stringValue()).isEqualTo("SYSTEM_003");
        assertThat(end.get("metadata").at("/error_info/severity").stringValue()).isEqualTo("critical");
        assertThat(end.get("metadata").at("/error_info/recoverable").booleanValue()).isFalse();
        assertThat(audit.tokensJson().get("total_used").longValue()).isEqualTo(audit.logTokens());
    }

    @Test
    void configAndSystemFailuresStopTheRun() throws Exception {
        for (ErrorCategory fatal : List.of(ErrorCategory.CONFIG, ErrorCategory.SYSTEM)) {
            harness = new Harness(logs);
            String session = "fatal-" + fatal.wireName();
            ScriptedExecutor exec = new ScriptedExecutor().on("research", fail(fatal));
            OrchestrationResult r = harness.run(request(session, 100_000, THREE), exec);

            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.errorType()).isEqualTo(ScriptedExecutor.codeOf(fatal).errorType());
            assertThat(r.errorCode()).isEqualTo(ScriptedExecutor.codeOf(fatal).code());
            assertThat(exec.calledSteps()).containsExactly("route", "research");
            assertThat(harness.waits).isEmpty();
            SessionAudit audit = audited(session);
            assertThat(audit.eventTypes()).endsWith("step_start", "step_error", "session_error");
            assertThat(audit.last().get("metadata").get("error_type").stringValue()).isEqualTo(ScriptedExecutor.codeOf(fatal).errorType());
            assertThat(audit.last().get("metadata").at("/error_info/severity").stringValue()).isEqualTo("critical");
            assertThat(audit.last().get("metadata").get("steps_completed").longValue()).isEqualTo(1);
        }
    }

    @Test
    void budgetExceededHasOneWriterWhetherAnAlertOrTheStopSaysIt() throws Exception {
        // With alerts the tracker's alert is the entry; without, the run's stop is: both through the recorder, from
        // BudgetLogEntry, so the two entries carry the same fields in the same order (the alert adds its previous level).
        List<List<String>> keys = new java.util.ArrayList<>();
        for (boolean alerts : List.of(true, false)) {
            harness = new Harness(logs);
            String session = "writer-" + alerts;
            ScriptedExecutor exec = new ScriptedExecutor().on("a", produce(800, 300)).on("b", produce(1, 1));
            harness.run(request(session, 1000, List.of(step("a", Component.ROUTING), step("b", Component.PLANNING)), false, true, alerts), exec);
            JsonNode exceeded = audited(session).events("budget_exceeded").get(0);
            assertThat(exceeded.get("component").stringValue()).isEqualTo("orchestrator");
            List<String> names = new java.util.ArrayList<>();
            exceeded.get("metadata").propertyNames().forEach(names::add);
            names.remove("previous_level");
            keys.add(names);
        }
        assertThat(keys.get(1)).isEqualTo(keys.get(0)).containsExactly("warning_level", "budget", "budget_remaining", "total_used",
                "total_remaining", "event_id", "correlation_id", "phase");
    }

    @Test
    void theStepThatCrossesTheBudgetFinishesAndTheNextDoesNotStart() throws Exception {
        for (boolean alerts : List.of(true, false)) {
            harness = new Harness(logs);
            String session = "budget-" + alerts;
            List<StepDefinition> steps = List.of(step("a", Component.ROUTING), step("b", Component.PLANNING), step("c", Component.REASONING),
                    step("d", Component.VALIDATION));
            ScriptedExecutor exec = new ScriptedExecutor().on("a", produce(300, 100)).on("b", produce(300, 100))
                    .on("c", produce(300, 100)).on("d", produce(1, 1));
            OrchestrationResult r = harness.run(request(session, 1000, steps, false, true, alerts), exec);

            assertThat(r.status()).isEqualTo(Status.BUDGET_EXHAUSTED);
            assertThat(exec.calledSteps()).containsExactly("a", "b", "c");
            assertThat(r.totalTokens()).isEqualTo(1200);
            SessionAudit audit = audited(session);
            assertThat(audit.steps("step_complete")).containsExactly("a", "b", "c");
            assertThat(audit.events("budget_exceeded")).as("alerts %s", alerts).hasSize(1);
            assertThat(audit.eventTypes()).endsWith("budget_exceeded", "session_error");
            JsonNode end = audit.last();
            assertThat(end.get("metadata").get("error_type").stringValue()).isEqualTo("BudgetExhaustedError");
            assertThat(end.get("metadata").get("error").stringValue()).contains("stopped before d");
            assertThat(audit.tokensJson().get("total_used").longValue()).isEqualTo(1200);
            assertThat(audit.events("budget_warning").isEmpty()).isEqualTo(!alerts);
        }
    }

    @Test
    void withoutTokenTrackingTheBudgetIsCountedButNeverStopsTheRun() throws Exception {
        harness = new Harness(logs);
        ScriptedExecutor exec = new ScriptedExecutor().on("route", produce(900, 900));
        OrchestrationResult r = harness.run(request("untracked", 1000, THREE, false, false, true), exec);

        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        SessionAudit audit = audited("untracked");
        assertThat(audit.tokensJson().get("total_used").longValue()).isEqualTo(1830);
        assertThat(audit.events("budget_exceeded")).hasSize(1);
    }

    @Test
    void aFailedContractCheckIsRetriedOnceWithItsFeedbackAndThenPasses() throws Exception {
        harness = new Harness(logs);
        List<StepDefinition> steps = List.of(step("research", Component.REASONING), step("check", Component.CONTRACTS, "research"),
                step("score", Component.VALIDATION, "research"));
        ScriptedExecutor exec = new ScriptedExecutor()
                .on("research", produce(100, 50), produce(120, 60))
                .on("check", call -> check(30, 10, !call.request().feedback().isEmpty(), "state the risks"));
        OrchestrationResult r = harness.run(request("contract", 100_000, steps), exec);

        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        assertThat(exec.calledSteps()).containsExactly("research", "check", "research", "check", "score");
        assertThat(exec.requests().get(2).feedback()).isEqualTo("state the risks");
        assertThat(exec.requests().get(3).feedback()).isEqualTo("state the risks");
        assertThat(exec.requests().get(3).inputs()).containsEntry("research", "output 120+60");
        SessionAudit audit = audited("contract");
        JsonNode retry = audit.events("retry_attempt").get(0);
        assertThat(retry.get("component").stringValue()).isEqualTo("contracts");
        assertThat(retry.get("metadata").get("feedback").stringValue()).isEqualTo("state the risks");
        assertThat(audit.events("error")).isEmpty();
        assertThat(audit.logTokens()).isEqualTo(r.totalTokens()).isEqualTo(150 + 40 + 180 + 40 + 15);
    }

    @Test
    void aContractCheckThatFailsTwiceLogsAnErrorAndTheRunCompletesWithFailures() throws Exception {
        harness = new Harness(logs);
        List<StepDefinition> steps = List.of(step("research", Component.REASONING), step("check", Component.CONTRACTS, "research"),
                step("score", Component.VALIDATION, "research"));
        ScriptedExecutor exec = new ScriptedExecutor().on("check", check(30, 10, false, "still missing"));
        OrchestrationResult r = harness.run(request("contract2", 100_000, steps), exec);

        assertThat(r.status()).isEqualTo(Status.COMPLETED_WITH_FAILURES);
        assertThat(exec.calledSteps()).containsExactly("research", "check", "research", "check", "score");
        SessionAudit audit = audited("contract2");
        List<JsonNode> errors = audit.events("error");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("metadata").get("error_type").stringValue()).isEqualTo("ContractValidationError");
        assertThat(errors.get(0).get("metadata").get("category").stringValue()).isEqualTo("logic");
        assertThat(audit.last().get("event_type").stringValue()).isEqualTo("session_complete");
    }

    @Test
    void aFatalFailureDuringTheContractRetryStopsTheRun() throws Exception {
        harness = new Harness(logs);
        List<StepDefinition> steps = List.of(step("research", Component.REASONING), step("check", Component.CONTRACTS, "research"),
                step("score", Component.VALIDATION, "research"));
        ScriptedExecutor exec = new ScriptedExecutor().on("research", produce(100, 50), fail(ErrorCategory.CONFIG))
                .on("check", check(30, 10, false, "missing"));
        OrchestrationResult r = harness.run(request("contract-fatal", 100_000, steps), exec);

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(exec.calledSteps()).containsExactly("research", "check", "research");
        SessionAudit audit = audited("contract-fatal");
        assertThat(audit.last().get("event_type").stringValue()).isEqualTo("session_error");
        assertThat(audit.last().get("metadata").get("error_type").stringValue()).isEqualTo("ConfigError");
    }

    @Test
    void everyStepIsReportedToTheListenerAndTheResultHasTheStepsInOrder() throws Exception {
        harness = new Harness(logs);
        ScriptedExecutor exec = new ScriptedExecutor().on("research", fail(ErrorCategory.LOGIC))
                .on("score", produce(5, 5, Map.of("quality_score", tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(0.75))));
        OrchestrationResult r = harness.run(request("listener", 100_000, THREE), exec);

        assertThat(harness.outcomes).extracting(StepOutcome::id).containsExactly("route", "research", "score");
        assertThat(r.steps()).extracting(StepOutcome::success).containsExactly(true, false, true);
        assertThat(r.qualityScore()).hasValue(0.75);
        assertThat(r.finalOutput()).as("no reasoning step succeeded: the last output").isEqualTo("output 5+5");
    }
}
