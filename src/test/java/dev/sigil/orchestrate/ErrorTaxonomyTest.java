package dev.sigil.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.errors.ErrorCode;
import dev.sigil.contract.model.Component;
import dev.sigil.orchestrate.OrchestrationResult.Status;
import dev.sigil.orchestrate.execute.CommandExecutor;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import tools.jackson.databind.JsonNode;

/**
 * The error records of docs/errors.md as the real orchestrator writes them for real commands: each failure's code,
 * category, severity by seed 001's rule, suggestion and context; a rate limit that waits for the provider's
 * retry_after; an invalid API key that stops at once with its own code; the critical entry of an abort.
 */
class ErrorTaxonomyTest {

    @TempDir
    Path dir;

    private Harness harness;

    private OrchestrationResult run(String session, long budget, List<StepDefinition> steps) throws Exception {
        harness = new Harness(dir.resolve("logs"));
        CommandExecutor command = new CommandExecutor(dir, Harness.COUNTER::count);
        OrchestrationResult r = harness.run(Harness.request(session, budget, steps), new ScriptedExecutor(), command);
        assertThat(harness.audit(session).findings()).as("audit of %s", session).isEmpty();
        return r;
    }

    /** A shell step with {@code retries} retries and a backoff of 1 ms (so a wait of seconds can only be the provider's). */
    private static StepDefinition sh(String id, Component component, String script, int retries) {
        return new StepDefinition(id, component, id, "", List.of(), List.of("sh", "-c", script), Duration.ofSeconds(20), retries,
                Duration.ofMillis(1), Map.of(), List.of());
    }

    private static JsonNode info(JsonNode entry) {
        return entry.get("metadata").get("error_info");
    }

    @Test
    void aRateLimitWaitsForTheProvidersRetryAfterThenTheStepRunsAgain() throws Exception {
        String script = "cat >/dev/null; if [ \"$SIGIL_ATTEMPT\" = 1 ]; then "
                + "echo '{\"error\": {\"status\": 429, \"type\": \"rate_limit_error\", \"message\": \"slow down\", \"retry_after\": 7}}'; exit 1; fi; "
                + "echo answered";
        OrchestrationResult r = run("rate", 100_000, List.of(sh("ask", Component.REASONING, script, 3)));

        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        assertThat(harness.waits).as("the provider's 7 s, not the 1 ms backoff").containsExactly(7000L);
        JsonNode retry = harness.audit("rate").events("retry_attempt").get(0);
        JsonNode e = info(retry);
        assertThat(e.get("error_code").stringValue()).isEqualTo("API_001");
        assertThat(e.get("error_type").stringValue()).isEqualTo("RateLimitError");
        assertThat(e.get("category").stringValue()).isEqualTo("transient");
        assertThat(e.get("severity").stringValue()).as("transient, first try").isEqualTo("warning");
        assertThat(e.get("recoverable").booleanValue()).isTrue();
        assertThat(e.get("retry_after_ms").longValue()).isEqualTo(7000);
        assertThat(e.get("suggestion").stringValue()).isEqualTo(ErrorCode.API_001.suggestion());
        assertThat(e.get("error_message").stringValue()).contains("HTTP 429", "slow down");
        assertThat(e.get("context").get("attempt").intValue()).isEqualTo(1);
        assertThat(e.get("context").get("max_attempts").intValue()).isEqualTo(4);
        assertThat(e.get("context").get("last_component").stringValue()).isEqualTo("reasoning");
        assertThat(e.get("context").get("last_operation").stringValue()).isEqualTo("ask");
        assertThat(e.get("context").get("partial_result_available").booleanValue()).isFalse();
        assertThat(retry.get("metadata").get("delay_ms").longValue()).isEqualTo(7000);
    }

    @Test
    void aRetryAfterInTheLastStderrLineIsWaitedForToo() throws Exception {
        String script = "cat >/dev/null; if [ \"$SIGIL_ATTEMPT\" -lt 3 ]; then echo 'HTTP 429 Too Many Requests; Retry-After: 2.5' >&2; exit 1; fi; echo ok";
        OrchestrationResult r = run("stderr-rate", 100_000, List.of(sh("ask", Component.REASONING, script, 3)));

        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        assertThat(harness.waits).containsExactly(2500L, 2500L);
        List<JsonNode> retries = harness.audit("stderr-rate").events("retry_attempt");
        assertThat(retries).extracting(x -> info(x).get("severity").stringValue()).as("warning on the first try, error after")
                .containsExactly("warning", "error");
    }

    @Test
    void aResetTooFarAwayFailsTheStepInsteadOfHoldingTheRun() throws Exception {
        String script = "cat >/dev/null; echo '{\"error\": {\"status\": 429, \"message\": \"quota\", \"retry_after\": 3600}}'; exit 1";
        OrchestrationResult r = run("far", 100_000, List.of(sh("ask", Component.REASONING, script, 3)));

        assertThat(r.status()).isEqualTo(Status.COMPLETED_WITH_FAILURES);
        assertThat(harness.waits).isEmpty();
        JsonNode error = harness.audit("far").events("step_error").get(0);
        assertThat(info(error).get("error_code").stringValue()).isEqualTo("API_001");
        assertThat(info(error).get("recoverable").booleanValue()).as("a transient error: the run goes on").isTrue();
    }

    @Test
    void anInvalidApiKeyStopsAtOnceWithItsOwnCodeAndTheAbortIsCritical() throws Exception {
        String ok = "cat >/dev/null; echo routed";
        String refused = "cat >/dev/null; echo '{\"error\": {\"status\": 401, \"type\": \"authentication_error\", \"message\": \"invalid x-api-key\"}}'; exit 1";
        OrchestrationResult r = run("key", 100_000, List.of(sh("route", Component.ROUTING, ok, 3), sh("ask", Component.REASONING, refused, 3),
                sh("after", Component.VALIDATION, ok, 3)));

        assertThat(r.status()).isEqualTo(Status.FAILED);
        assertThat(r.errorCode()).isEqualTo("API_003");
        assertThat(r.errorType()).isEqualTo("AuthenticationError");
        assertThat(r.error()).contains("HTTP 401", "invalid x-api-key", "not retried");
        assertThat(harness.waits).as("never retried").isEmpty();
        SessionAudit audit = harness.audit("key");
        assertThat(audit.eventTypes()).doesNotContain("retry_attempt");
        assertThat(audit.steps("step_start")).containsExactly("route", "ask");
        JsonNode stepError = info(audit.events("step_error").get(0));
        assertThat(stepError.get("error_code").stringValue()).isEqualTo("API_003");
        assertThat(stepError.get("category").stringValue()).isEqualTo("config");
        assertThat(stepError.get("severity").stringValue()).isEqualTo("error");
        assertThat(stepError.get("recoverable").booleanValue()).isFalse();

        JsonNode end = audit.last();
        assertThat(end.get("event_type").stringValue()).isEqualTo("session_error");
        assertThat(end.get("metadata").get("severity").stringValue()).as("the abort").isEqualTo("critical");
        JsonNode abort = info(end);
        assertThat(abort.get("error_code").stringValue()).isEqualTo("API_003");
        assertThat(abort.get("severity").stringValue()).isEqualTo("critical");
        assertThat(abort.get("recoverable").booleanValue()).isFalse();
        assertThat(abort.get("suggestion").stringValue()).isEqualTo(ErrorCode.API_003.suggestion());
        assertThat(abort.get("context").get("last_component").stringValue()).isEqualTo("reasoning");
        assertThat(abort.get("context").get("last_operation").stringValue()).isEqualTo("ask");
        assertThat(abort.get("context").get("partial_result_available").booleanValue()).as("route's output is kept").isTrue();
    }

    @Test
    void eachWayOfFailingHasItsCode() throws Exception {
        OrchestrationResult r = run("codes", 100_000, List.of(
                sh("tempfail", Component.ROUTING, "cat >/dev/null; exit 75", 0),
                sh("logic", Component.PLANNING, "cat >/dev/null; echo 'ValueError: bad' >&2; exit 1", 0),
                sh("overloaded", Component.MEMORY, "cat >/dev/null; echo '{\"error\": {\"status\": 529, \"type\": \"overloaded_error\"}}'; exit 1", 0),
                sh("timeout", Component.REASONING, "cat >/dev/null; echo 'read timed out' >&2; exit 1", 0),
                sh("missing", Component.VALIDATION, "cat >/dev/null; exit 127", 0)));

        assertThat(r.status()).isEqualTo(Status.FAILED);
        List<JsonNode> errors = harness.audit("codes").events("step_error");
        assertThat(errors).extracting(x -> info(x).get("error_code").stringValue())
                .containsExactly("STEP_002", "STEP_004", "API_002", "STEP_003", "CONFIG_002");
        assertThat(errors).extracting(x -> info(x).get("severity").stringValue())
                .containsExactly("warning", "warning", "warning", "warning", "error");
        assertThat(errors).allSatisfy(x -> assertThat(x.get("metadata").get("error_type").stringValue())
                .isEqualTo(info(x).get("error_type").stringValue()));
        assertThat(r.errorCode()).isEqualTo("CONFIG_002");
    }

    @Test
    void anExhaustedBudgetEndsWithTheCriticalToken001Entry() throws Exception {
        String big = "cat >/dev/null; echo '{\"output\": \"x\", \"usage\": {\"input_tokens\": 900, \"output_tokens\": 100}}'";
        OrchestrationResult r = run("budget", 1000, List.of(sh("one", Component.REASONING, big, 0), sh("two", Component.REASONING, big, 0)));

        assertThat(r.status()).isEqualTo(Status.BUDGET_EXHAUSTED);
        assertThat(r.errorCode()).isEqualTo("TOKEN_001");
        JsonNode end = harness.audit("budget").last();
        JsonNode abort = info(end);
        assertThat(abort.get("error_code").stringValue()).isEqualTo("TOKEN_001");
        assertThat(abort.get("error_type").stringValue()).isEqualTo("BudgetExhaustedError");
        assertThat(abort.get("severity").stringValue()).isEqualTo("critical");
        assertThat(abort.get("context").get("last_operation").stringValue()).isEqualTo("one");
        assertThat(abort.get("context").get("partial_result_available").booleanValue()).isTrue();
    }
}
