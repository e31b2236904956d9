package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.orchestrate.SessionAudit;
import tools.jackson.databind.JsonNode;

/**
 * {@code sigil orchestrate} as a user runs it: the launcher, a real JVM, a temporary HOME and log directory. The
 * built-in pipeline at speed 0, the example command pipeline, a budget that runs out, Ctrl-C and --resume, SIGTERM
 * and the one-run-per-session lock, --output, and a broken pipeline file. Each log is audited (every line valid, tokens
 * counted once and equal to tokens.json, legal event order) and checked with {@code sigil validate}.
 */
class OrchestrateIT {

    static final Path HOME = Path.of(System.getProperty("sigil.home", ".")).toAbsolutePath();
    static final String TASK = "Qualify this lead: John Smith, CEO at Acme Corp";

    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    private Path logs() {
        return home.resolve("logs");
    }

    private Path session(String id) {
        return logs().resolve("sessions").resolve(id);
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(HOME.resolve("scripts/sigil").toString()));
        command.addAll(List.of(args));
        return command;
    }

    private ProcessBuilder builder(String... args) {
        ProcessBuilder b = new ProcessBuilder(command(args)).directory(home.toFile());
        b.environment().put("SIGIL_NO_BUILD", "1");
        b.environment().put("HOME", home.toString());
        b.environment().remove("SIGIL_TOKEN_BUDGET");
        return b;
    }

    Run sigil(String... args) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProcessResult r = new ProcessExecutor().command(command(args)).directory(home.toFile()).environment("SIGIL_NO_BUILD", "1")
                .environment("HOME", home.toString()).readOutput(true).redirectError(err).timeout(2, TimeUnit.MINUTES).execute();
        return new Run(r.getExitValue(), r.outputUTF8(), err.toString(StandardCharsets.UTF_8));
    }

    private Run orchestrate(String sessionId, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("orchestrate", "--session", sessionId, "--log-path", logs().toString()));
        args.addAll(List.of(more));
        return sigil(args.toArray(String[]::new));
    }

    /** Audits the session and checks its log with {@code sigil validate}; returns the audit. */
    private SessionAudit audited(String sessionId) throws Exception {
        SessionAudit audit = SessionAudit.of(session(sessionId));
        assertThat(audit.findings()).as("audit of %s", sessionId).isEmpty();
        assertThat(audit.permissionFindings()).isEmpty();
        Run validate = sigil("validate", session(sessionId).resolve("execution.jsonl").toString());
        assertThat(validate.exit()).as("sigil validate: %s%s", validate.out(), validate.err()).isZero();
        return audit;
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    @Test
    void theBuiltInPipelineAtSpeedZero() throws Exception {
        Run run = orchestrate("it-builtin", "--speed", "0", TASK);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        SessionAudit audit = audited("it-builtin");
        JsonNode end = audit.last();
        assertThat(end.get("event_type").stringValue()).isEqualTo("session_complete");
        long total = audit.tokensJson().get("total_used").longValue();
        double quality = audit.events("step_complete").stream().filter(e -> e.get("metadata").has("quality_score")).findFirst()
                .orElseThrow().get("metadata").get("quality_score").doubleValue();
        assertThat(run.outLines()).containsExactly(
                "Processing request: " + TASK,
                "Session: it-builtin",
                "Pipeline starting...",
                "",
                "========================================",
                "EXECUTION COMPLETE",
                "========================================",
                String.format(Locale.ROOT, "Result: Complete: %d steps, quality %.2f", end.get("metadata").get("steps_completed").longValue(),
                        quality),
                "Final Tokens: " + grouped(total) + " / 256,000",
                "Final Cost: " + dev.sigil.cost.Money.brief(audit.tokensJson().get("cost_usd").decimalValue()));
        assertThat(audit.eventTypes().get(0)).isEqualTo("session_start");
        assertThat(audit.steps("step_complete")).startsWith("route_request", "create_plan", "retrieve_context")
                .endsWith("validate_output", "verify_output", "extract_memories");
        assertThat(audit.events("token_consumption")).as("tokens are never logged twice").isEmpty();
        assertThat(audit.metricsJson().get("steps_completed").longValue()).isEqualTo(end.get("metadata").get("steps_completed").longValue());
        assertThat(session("it-builtin").resolve("outputs.jsonl")).exists();
    }

    @Test
    void theExampleCommandPipeline() throws Exception {
        Run run = orchestrate("it-example", "--speed", "0", "--verbose", "--pipeline", HOME.resolve("docs/examples/lead-pipeline.yaml").toString(),
                TASK);

        assertThat(run.exit()).as(run.err()).isZero();
        SessionAudit audit = audited("it-example");
        assertThat(audit.events("session_start").get(0).get("metadata").get("pipeline").stringValue()).isEqualTo("lead-qualification");
        List<JsonNode> retries = audit.events("retry_attempt");
        assertThat(retries).hasSize(1);
        assertThat(retries.get(0).get("metadata").get("step").stringValue()).isEqualTo("research");
        assertThat(retries.get(0).get("metadata").get("category").stringValue()).isEqualTo("transient");
        assertThat(audit.steps("step_complete")).containsExactly("route", "plan", "recall", "research", "check", "score");
        // route.py reports 40 + len(task) // 4 input tokens and 24 output tokens; research.py 900 and 350
        JsonNode route = audit.events("step_complete").get(0);
        assertThat(route.get("tokens").longValue()).isEqualTo(40 + TASK.length() / 4 + 24);
        assertThat(route.get("metadata").get("usage_reported").booleanValue()).isTrue();
        JsonNode research = audit.events("step_complete").get(3);
        assertThat(research.get("metadata").get("input_tokens").longValue()).isEqualTo(900);
        assertThat(research.get("metadata").get("output_tokens").longValue()).isEqualTo(350);
        assertThat(research.get("tokens").longValue()).isEqualTo(1250);
        assertThat(run.out()).contains("Log: " + session("it-example").resolve("execution.jsonl"), "[reasoning ] research",
                "Result: Complete: 6 steps, quality 0.86", "Final Tokens: " + grouped(audit.logTokens()) + " / 256,000");
    }

    @Test
    void aBudgetThatRunsOutStopsTheRunWithExitCodeThree() throws Exception {
        Run run = orchestrate("it-budget", "--speed", "0", "--budget", "1500", TASK);

        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        SessionAudit audit = audited("it-budget");
        assertThat(audit.events("budget_exceeded")).hasSize(1);
        assertThat(audit.last().get("event_type").stringValue()).isEqualTo("session_error");
        assertThat(audit.last().get("metadata").get("error_type").stringValue()).isEqualTo("BudgetExhaustedError");
        assertThat(run.out()).contains("EXECUTION STOPPED: TOKEN BUDGET EXHAUSTED", "Result: BudgetExhaustedError: token budget exhausted",
                "Final Tokens: " + grouped(audit.logTokens()) + " / 1,500");
        assertThat(run.err()).contains("token budget exceeded");
        assertThat(audit.tokensJson().get("total_budget").longValue()).isEqualTo(1500);
    }

    @Test
    void ctrlCStopsTheRunAndResumeCompletesItOnce() throws Exception {
        Process p = builder("orchestrate", "--session", "it-ctrlc", "--log-path", logs().toString(), "--speed", "1", TASK)
                .redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile()).start();
        Path log = session("it-ctrlc").resolve("execution.jsonl");
        waitForLine(p, log, "\"event_type\":\"step_start\",\"component\":\"reasoning\"");
        new ProcessExecutor().command("kill", "-INT", Long.toString(p.pid())).execute();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(130);
        SessionAudit stopped = audited("it-ctrlc");
        assertThat(stopped.last().get("event_type").stringValue()).isEqualTo("session_error");
        assertThat(stopped.last().get("metadata").get("error").stringValue()).isEqualTo("interrupted");
        assertThat(Files.readString(home.resolve("out.txt"))).contains("EXECUTION INTERRUPTED", "Result: KeyboardInterrupt: interrupted",
                "Final Tokens: " + grouped(stopped.logTokens()) + " / 256,000");
        List<String> doneBefore = stopped.steps("step_complete");
        assertThat(doneBefore).isNotEmpty();

        Run resumed = orchestrate("it-ctrlc", "--resume", "--speed", "0");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("Pipeline resuming...", "EXECUTION COMPLETE");
        SessionAudit done = audited("it-ctrlc");
        for (String step : doneBefore) {
            assertThat(done.steps("step_complete").stream().filter(step::equals)).as("%s completed once", step).hasSize(1);
        }
        assertThat(done.events("session_start")).hasSize(2);
        assertThat(done.last().get("event_type").stringValue()).isEqualTo("session_complete");

        byte[] logBefore = Files.readAllBytes(log);
        byte[] tokensBefore = Files.readAllBytes(session("it-ctrlc").resolve("tokens.json"));
        Run again = orchestrate("it-ctrlc", "--resume", "--speed", "0");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("nothing to resume");
        assertThat(Files.readAllBytes(log)).as("a second resume writes nothing").isEqualTo(logBefore);
        assertThat(Files.readAllBytes(session("it-ctrlc").resolve("tokens.json"))).isEqualTo(tokensBefore);
    }

    @Test
    void aKilledRunIsResumed() throws Exception {
        Process p = builder("orchestrate", "--session", "it-kill", "--log-path", logs().toString(), "--speed", "0.3", TASK)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path log = session("it-kill").resolve("execution.jsonl");
        waitForLine(p, log, "\"event_type\":\"step_complete\",\"component\":\"reasoning\"");
        p.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
        List<String> doneBefore = SessionAudit.of(session("it-kill")).steps("step_complete");

        Run resumed = orchestrate("it-kill", "--resume", "--speed", "0");
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        SessionAudit audit = SessionAudit.of(session("it-kill"));
        int restart = audit.eventTypes().lastIndexOf("session_start") + 1;
        assertThat(audit.findings()).as("only the killed run's missing end")
                .containsExactly(restart + ": session_start inside a run that has not ended");
        assertThat(audit.steps("step_complete")).containsSubsequence(doneBefore);
        for (String step : doneBefore) {
            assertThat(audit.steps("step_complete").stream().filter(step::equals)).as("%s completed once", step).hasSize(1);
        }
        assertThat(sigil("validate", log.toString()).exit()).isZero();
    }

    @Test
    void aSecondOrchestratorOnTheSessionIsRefusedAndSigtermStopsTheFirst() throws Exception {
        Process first = builder("orchestrate", "--session", "it-lock", "--log-path", logs().toString(), "--speed", "1", TASK)
                .redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile()).start();
        Path log = session("it-lock").resolve("execution.jsonl");
        waitForLine(first, log, "\"event_type\":\"step_start\"");

        Run second = orchestrate("it-lock", "--speed", "0", "another task");
        assertThat(second.exit()).isEqualTo(2);
        assertThat(second.err().lines()).hasSize(1).first().asString()
                .startsWith("sigil orchestrate: session 'it-lock' is already being written by another logger")
                .contains("process " + first.pid());
        assertThat(second.out()).isEmpty();

        new ProcessExecutor().command("kill", "-TERM", Long.toString(first.pid())).execute();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).isEqualTo(143);
        SessionAudit audit = audited("it-lock");
        assertThat(audit.events("session_start")).as("the refused run wrote nothing").hasSize(1);
        assertThat(audit.last().get("metadata").get("error").stringValue()).isEqualTo("interrupted");
    }

    @Test
    void outputWritesTheResultAsJson() throws Exception {
        Path out = home.resolve("result/run.json");
        Run run = orchestrate("it-output", "--speed", "0", "--output", out.toString(), TASK);

        assertThat(run.exit()).as(run.err()).isZero();
        String text = Files.readString(out);
        assertThat(text).startsWith("{\n  \"session_id\": \"it-output\",\n");
        JsonNode result = new PythonJsonReader().read(text);
        List<String> keys = new ArrayList<>();
        result.propertyNames().forEach(keys::add);
        assertThat(keys).containsExactly("session_id", "task", "success", "status", "total_tokens", "budget", "cost_usd", "unpriced_tokens",
                "budget_usd", "steps_completed",
                "steps_failed", "total_latency_ms", "duration_seconds", "quality_score", "final_output", "error_type", "error_code", "error", "steps");
        SessionAudit audit = audited("it-output");
        assertThat(result.get("task").stringValue()).isEqualTo(TASK);
        assertThat(result.get("success").booleanValue()).isTrue();
        assertThat(result.get("status").stringValue()).isEqualTo("completed");
        assertThat(result.get("total_tokens").longValue()).isEqualTo(audit.logTokens());
        assertThat(result.get("budget").longValue()).isEqualTo(256_000);
        JsonNode steps = result.get("steps");
        assertThat(steps.size()).isEqualTo(audit.events("step_complete").size());
        long sum = 0;
        for (JsonNode s : steps) {
            List<String> stepKeys = new ArrayList<>();
            s.propertyNames().forEach(stepKeys::add);
            assertThat(stepKeys).containsExactly("id", "component", "operation", "success", "tokens", "latency_ms", "error", "resumed");
            sum += s.get("tokens").longValue();
        }
        assertThat(sum).isEqualTo(audit.logTokens());
        assertThat(result.get("final_output").stringValue()).isNotEmpty();
        assertThat(result.get("quality_score").isNumber()).isTrue();
    }

    @Test
    void aBrokenPipelineFileIsOneClearLineAndNothingRuns() throws Exception {
        Path broken = Files.writeString(home.resolve("broken.yaml"), "steps:\n  - id: a\n    component: routing\n    builtin: true\n    retry: 2\n");
        Run run = orchestrate("it-broken", "--pipeline", broken.toString(), TASK);

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("sigil orchestrate: --pipeline " + broken
                + ": /steps/0: property 'retry' is not defined in the schema and the schema does not allow additional properties");
        assertThat(session("it-broken")).doesNotExist();
    }

    /** Waits (polling a real process; nothing timed) until {@code log} has a line containing {@code text}. */
    static void waitForLine(Process p, Path log, String text) throws IOException, InterruptedException {
        for (int i = 0; i < 3000; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("sigil ended (exit " + p.exitValue() + ") before its log showed " + text);
            }
            Thread.sleep(10);
        }
        p.destroyForcibly();
        throw new AssertionError("the log never showed " + text);
    }
}
