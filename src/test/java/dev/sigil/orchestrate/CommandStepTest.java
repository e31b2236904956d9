package dev.sigil.orchestrate;

import static dev.sigil.orchestrate.Harness.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.model.Component;
import dev.sigil.orchestrate.OrchestrationResult.Status;
import dev.sigil.orchestrate.execute.CommandExecutor;
import dev.sigil.orchestrate.pipeline.StepDefinition;
import tools.jackson.databind.JsonNode;

/**
 * Command steps run by the real {@link CommandExecutor} inside the real orchestrator: the request on stdin and in the
 * environment, the two forms of answer, the usage objects, what each way of failing does to the run, an answer whose
 * metadata the schema refuses, and Ctrl-C while a command runs.
 */
class CommandStepTest {

    @TempDir
    Path dir;

    private Harness harness;

    private OrchestrationResult run(String session, List<StepDefinition> steps) throws Exception {
        harness = new Harness(dir.resolve("logs"));
        CommandExecutor command = new CommandExecutor(dir, Harness.COUNTER::count);
        OrchestrationResult r = harness.run(request(session, 100_000, steps), new ScriptedExecutor(), command);
        assertThat(harness.audit(session).findings()).as("audit of %s", session).isEmpty();
        return r;
    }

    private static StepDefinition sh(String id, Component component, String script, String... dependsOn) {
        return Harness.command(id, component, List.of("sh", "-c", script), dependsOn);
    }

    private static StepDefinition sh(String id, Component component, String script, Duration timeout, int retries) {
        return new StepDefinition(id, component, id, "", List.of(), List.of("sh", "-c", script), timeout, retries, Duration.ofMillis(1),
                Map.of(), List.of());
    }

    @Test
    void aPlainTextAnswerCountsTheRequestAndTheOutputAndTheRequestHasEveryDocumentedField() throws Exception {
        Path request = dir.resolve("request.json");
        OrchestrationResult r = run("plain", List.of(
                sh("first", Component.ROUTING, "cat >/dev/null; echo routed"),
                sh("second", Component.REASONING, "cat > request.json; printf 'id=%s attempt=%s session=%s\\n' \"$SIGIL_STEP_ID\" "
                        + "\"$SIGIL_ATTEMPT\" \"$SIGIL_SESSION_ID\"", "first")));

        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        String prompt = Files.readString(request);
        JsonNode sent = new PythonJsonReader().read(prompt);
        assertThat(sent.get("session_id").stringValue()).isEqualTo("plain");
        assertThat(sent.get("task").stringValue()).isEqualTo("Qualify the test lead");
        assertThat(sent.get("step").get("id").stringValue()).isEqualTo("second");
        assertThat(sent.get("step").get("component").stringValue()).isEqualTo("reasoning");
        assertThat(sent.get("step").get("operation").stringValue()).isEqualTo("second");
        assertThat(sent.get("step").has("description")).isTrue();
        assertThat(sent.get("attempt").intValue()).isEqualTo(1);
        assertThat(sent.get("inputs").get("first").stringValue()).isEqualTo("routed\n");
        assertThat(sent.get("feedback").stringValue()).isEmpty();
        String output = "id=second attempt=1 session=plain\n";
        assertThat(r.finalOutput()).isEqualTo(output);

        JsonNode complete = harness.audit("plain").events("step_complete").get(1);
        long in = Harness.COUNTER.count(prompt);
        long out = Harness.COUNTER.count(output);
        assertThat(complete.get("metadata").get("input_tokens").longValue()).isEqualTo(in);
        assertThat(complete.get("metadata").get("output_tokens").longValue()).isEqualTo(out);
        assertThat(complete.get("tokens").longValue()).isEqualTo(in + out);
    }

    @Test
    void usageObjectsGiveTheTokensInEachDocumentedForm() throws Exception {
        OrchestrationResult r = run("usage", List.of(
                sh("anthropic", Component.ROUTING, "cat >/dev/null; echo '{\"output\": \"a\", \"usage\": {\"input_tokens\": 11, \"output_tokens\": 7}}'"),
                sh("openai", Component.PLANNING, "cat >/dev/null; echo '{\"output\": \"b\", \"usage\": {\"prompt_tokens\": 13, \"completion_tokens\": 5}}'"),
                sh("total", Component.MEMORY, "cat >/dev/null; echo '{\"output\": \"c\", \"usage\": {\"total_tokens\": 40}}'"),
                sh("meta", Component.VALIDATION, "cat >/dev/null; echo '{\"output\": \"d\", \"usage\": {\"input_tokens\": 1, \"output_tokens\": 1}, "
                        + "\"metadata\": {\"quality_score\": 0.5, \"summary\": \"Scored\"}}'")));

        SessionAudit audit = harness.audit("usage");
        assertThat(audit.events("step_complete")).extracting(e -> e.get("tokens").longValue()).containsExactly(18L, 18L, 40L, 2L);
        JsonNode meta = audit.events("step_complete").get(3);
        assertThat(meta.get("message").stringValue()).isEqualTo("Scored");
        assertThat(meta.get("metadata").get("quality_score").doubleValue()).isEqualTo(0.5);
        assertThat(meta.get("metadata").get("usage_reported").booleanValue()).isTrue();
        assertThat(r.qualityScore()).hasValue(0.5);
        assertThat(r.finalOutput()).isEqualTo("d");
    }

    @Test
    void metadataTheSchemaRefusesIsDroppedAndTheStepsTokensStillReachTheLog() throws Exception {
        OrchestrationResult r = run("refused", List.of(sh("score", Component.VALIDATION,
                "cat >/dev/null; echo '{\"output\": \"ok\", \"usage\": {\"input_tokens\": 30, \"output_tokens\": 12}, "
                        + "\"metadata\": {\"quality_score\": \"high\", \"checked_by\": \"script\"}}'")));

        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        assertThat(r.qualityScore()).isEmpty();
        SessionAudit audit = harness.audit("refused");
        JsonNode complete = audit.events("step_complete").get(0);
        assertThat(complete.get("tokens").longValue()).isEqualTo(42);
        assertThat(complete.get("metadata").has("quality_score")).isFalse();
        assertThat(complete.get("metadata").get("step").stringValue()).isEqualTo("score");
        assertThat(audit.logTokens()).isEqualTo(42);
        assertThat(harness.err.toString()).contains("log entry refused", "quality_score");
        assertThat(Files.readString(harness.sessionDirectory("refused").resolve("errors.jsonl"))).as("the refused entry is kept")
                .contains("\"quality_score\":\"high\"");
    }

    @Test
    void eachWayOfFailingHasItsCategoryAndItsEffectOnTheRun() throws Exception {
        OrchestrationResult logic = run("logic", List.of(sh("a", Component.ROUTING, "echo 'bad input' >&2; exit 1"),
                sh("b", Component.REASONING, "cat >/dev/null; echo fine")));
        assertThat(logic.status()).isEqualTo(Status.COMPLETED_WITH_FAILURES);
        assertThat(category("logic")).isEqualTo("logic");

        OrchestrationResult tempfail = run("tempfail", List.of(sh("a", Component.ROUTING, "exit 75", Duration.ofSeconds(20), 2)));
        assertThat(tempfail.status()).isEqualTo(Status.COMPLETED_WITH_FAILURES);
        assertThat(harness.audit("tempfail").events("retry_attempt")).hasSize(2);
        assertThat(category("tempfail")).isEqualTo("transient");

        OrchestrationResult timeout = run("timeout", List.of(sh("a", Component.ROUTING, "sleep 20", Duration.ofMillis(300), 0)));
        assertThat(timeout.status()).isEqualTo(Status.COMPLETED_WITH_FAILURES);
        assertThat(category("timeout")).isEqualTo("transient");
        assertThat(harness.audit("timeout").events("step_error").get(0).get("metadata").get("error_type").stringValue())
                .isEqualTo("TimeoutError");

        for (String script : List.of("exit 78", "exit 127", "echo 'missing API key' >&2; exit 1")) {
            OrchestrationResult config = run("config", List.of(sh("a", Component.ROUTING, script), sh("b", Component.REASONING, "echo no")));
            assertThat(config.status()).as(script).isEqualTo(Status.FAILED);
            assertThat(category("config")).as(script).isEqualTo("config");
            Files.walk(dir.resolve("logs/sessions/config")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }

        OrchestrationResult missing = run("missing", List.of(Harness.command("a", Component.ROUTING, List.of("./no-such-program"))));
        assertThat(missing.status()).isEqualTo(Status.FAILED);
        assertThat(category("missing")).isEqualTo("config");

        OrchestrationResult killed = run("killed", List.of(sh("a", Component.ROUTING, "kill -KILL $$")));
        assertThat(killed.status()).isEqualTo(Status.FAILED);
        assertThat(category("killed")).isEqualTo("system");
    }

    @Test
    void moreThanSixteenMebibytesOfOutputIsALogicError() throws Exception {
        OrchestrationResult r = run("large", List.of(sh("a", Component.REASONING, "cat >/dev/null; head -c 16777217 /dev/zero | tr '\\0' x")));
        assertThat(r.status()).isEqualTo(Status.COMPLETED_WITH_FAILURES);
        JsonNode error = harness.audit("large").events("step_error").get(0);
        assertThat(error.get("metadata").get("category").stringValue()).isEqualTo("logic");
        assertThat(error.get("metadata").get("error_type").stringValue()).isEqualTo("OutputTooLarge");
    }

    @Test
    void ctrlCWhileACommandRunsKillsItAndEndsTheRunAsInterrupted() throws Exception {
        harness = new Harness(dir.resolve("logs"));
        Path pidFile = dir.resolve("pid");
        List<StepDefinition> steps = List.of(sh("slow", Component.REASONING, "echo $$ > pid; exec sleep 60", Duration.ofSeconds(120), 0),
                sh("next", Component.VALIDATION, "echo never"));
        CommandExecutor command = new CommandExecutor(dir, Harness.COUNTER::count);
        AtomicReference<OrchestrationResult> result = new AtomicReference<>();
        Thread pipeline = new Thread(() -> {
            try {
                result.set(harness.run(request("ctrlc", 100_000, steps), new ScriptedExecutor(), command));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        pipeline.start();
        long pid = waitForPid(pidFile);
        Optional<ProcessHandle> child = ProcessHandle.of(pid);
        assertThat(child).isPresent();
        pipeline.interrupt();
        pipeline.join(20_000);

        assertThat(result.get().status()).isEqualTo(Status.INTERRUPTED);
        assertThat(child.get().onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).get()).as("the command was killed").isNotNull();
        assertThat(child.get().isAlive()).isFalse();
        SessionAudit audit = harness.audit("ctrlc");
        assertThat(audit.findings()).isEmpty();
        assertThat(audit.last().get("metadata").get("error").stringValue()).isEqualTo("interrupted");
        assertThat(audit.steps("step_start")).containsExactly("slow");
    }

    @Test
    void aTimeoutOrAnInterruptKillsTheCommandsChildrenToo() throws Exception {
        Path pidFile = dir.resolve("pid");
        // the shell starts a child and waits for it: killing the shell alone would leave the child running
        String script = "sleep 60 & echo $! > pid; wait";
        OrchestrationResult timedOut = run("child-timeout", List.of(sh("slow", Component.REASONING, script, Duration.ofMillis(500), 0)));
        assertThat(timedOut.status()).isEqualTo(Status.COMPLETED_WITH_FAILURES);
        assertThat(ended(waitForPid(pidFile))).as("the timed-out command's child was killed").isTrue();

        Files.delete(pidFile);
        harness = new Harness(dir.resolve("logs"));
        CommandExecutor command = new CommandExecutor(dir, Harness.COUNTER::count);
        AtomicReference<OrchestrationResult> result = new AtomicReference<>();
        Thread pipeline = new Thread(() -> {
            try {
                result.set(harness.run(request("child-ctrlc", 100_000, List.of(sh("slow", Component.REASONING, script,
                        Duration.ofSeconds(120), 0))), new ScriptedExecutor(), command));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        pipeline.start();
        long interrupted = waitForPid(pidFile);
        pipeline.interrupt();
        pipeline.join(20_000);
        assertThat(result.get().status()).isEqualTo(Status.INTERRUPTED);
        assertThat(ended(interrupted)).as("the interrupted command's child was killed").isTrue();
    }

    /**
     * Whether process {@code pid} ends within 10 s. A killed grandchild is not this JVM's to reap: until some process
     * reaps it, it is a zombie (state Z in /proc), which ProcessHandle still calls alive.
     */
    private static boolean ended(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        for (int i = 0; i < 1000; i++) {
            if (!Files.exists(stat)) {
                return true;
            }
            try {
                String s = Files.readString(stat);
                if (s.substring(s.lastIndexOf(')') + 2).startsWith("Z")) {
                    return true;
                }
            } catch (java.io.IOException gone) {
                return true;
            }
            Thread.sleep(10); // polling a real process; nothing is timed
        }
        return false;
    }

    private static long waitForPid(Path pidFile) throws Exception {
        for (int i = 0; i < 2000; i++) {
            if (Files.exists(pidFile) && Files.readString(pidFile).endsWith("\n")) {
                return Long.parseLong(Files.readString(pidFile).strip());
            }
            Thread.sleep(10); // waiting for a real process to start; nothing is timed
        }
        throw new AssertionError("the command never started");
    }

    private String category(String session) throws Exception {
        return harness.audit(session).events("step_error").get(0).get("metadata").get("category").stringValue();
    }
}
