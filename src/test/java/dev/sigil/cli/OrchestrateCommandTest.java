package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.orchestrate.SessionAudit;

/**
 * {@code sigil orchestrate} in-process: what it refuses (in one line, exit 2, before it writes anything), and what it
 * prints when resuming.
 */
class OrchestrateCommandTest {

    @TempDir
    Path home;

    private CliRun orchestrate(String... args) {
        return orchestrateWith(Map.of(), args);
    }

    private CliRun orchestrateWith(Map<String, String> variables, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("orchestrate", "--log-path", home.resolve("logs").toString()));
        all.addAll(List.of(args));
        Map<String, String> env = new java.util.HashMap<>(variables);
        env.put("HOME", home.toString());
        return CliRun.run(env, all.toArray(String[]::new));
    }

    private SessionAudit audited(String session) throws Exception {
        SessionAudit audit = SessionAudit.of(home.resolve("logs/sessions").resolve(session));
        assertThat(audit.findings()).isEmpty();
        return audit;
    }

    private void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("sigil orchestrate: " + message);
        assertThat(home.resolve("logs/sessions")).as("nothing written").doesNotExist();
        assertThat(home.resolve("logs/current.jsonl")).doesNotExist();
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsWritten() {
        assertRefused(orchestrate("--session", "s1"), "give the TASK to run, e.g. sigil orchestrate \"Summarise the quarterly report\"");
        assertRefused(orchestrate("--resume", "task"), "--resume needs --session ID (the session to continue)");
        assertRefused(orchestrate("--speed", "-1", "task"), "--speed must be a number >= 0, not -1.0");
        assertRefused(orchestrate("--encoding", "p50k", "task"), "--encoding must be one of " + dev.sigil.tokens.TokenEncoding.names()
                + ", not 'p50k'");
        assertRefused(orchestrate("--resume", "--session", "nosuch"), "no session 'nosuch' to resume: "
                + home.resolve("logs/sessions/nosuch/execution.jsonl") + " does not exist; it holds no session yet");
        CliRun badId = orchestrate("--session", "bad id", "task");
        assertThat(badId.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(badId.err()).contains("session id 'bad id'");
    }

    /**
     * Issue 11: a second run given an existing session without --resume appended itself to the first run's log and
     * replaced tokens.json (the log summed to 11,360 tokens, tokens.json said 5,003), and a later --resume resumed the
     * first run's task. It is refused now, before anything is written, naming --resume and how to start a new
     * session; the session stays as the first run left it, tokens.json equal to its log's own sum.
     */
    @Test
    void aSecondRunInAnExistingSessionWithoutResumeIsRefusedAndTheSessionStaysWhole() throws Exception {
        CliRun first = orchestrate("--session", "s3", "--speed", "0", "Qualify this lead: Ada at Acme");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCode.OK);
        Path dir = home.resolve("logs/sessions/s3");
        long firstSum = audited("s3").logTokens();
        Map<String, byte[]> before = new java.util.TreeMap<>();
        for (String f : List.of("execution.jsonl", "tokens.json", "metrics.json", "outputs.jsonl")) {
            before.put(f, Files.readAllBytes(dir.resolve(f)));
        }

        CliRun second = orchestrate("--session", "s3", "--speed", "0", "Summarize the market");
        assertThat(second.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(second.out()).isEmpty();
        assertThat(second.err().lines()).containsExactly("sigil orchestrate: session 's3' exists already (its log: "
                + dir.resolve("execution.jsonl") + "): continue it with --resume (sigil orchestrate --session s3 --resume), "
                + "or start a new session: leave out --session (a new id is made) or give an id not used yet");
        for (Map.Entry<String, byte[]> f : before.entrySet()) {
            assertThat(Files.readAllBytes(dir.resolve(f.getKey()))).as(f.getKey()).isEqualTo(f.getValue());
        }
        SessionAudit audit = audited("s3"); // tokens.json equals the log's own sum
        assertThat(audit.logTokens()).isEqualTo(firstSum);
        assertThat(audit.tokensJson().get("total_used").longValue()).isEqualTo(firstSum);
        assertThat(audit.events("session_start")).hasSize(1);

        CliRun fresh = orchestrate("--speed", "0", "Summarize the market");
        assertThat(fresh.exitCode()).as("a new session, its id generated").isEqualTo(ExitCode.OK);
    }

    @Test
    void aResumeShowsTheTaskOfTheRunItContinuesAndAFinishedSessionHasNothingToResume() throws Exception {
        CliRun stopped = orchestrate("--session", "s2", "--speed", "0", "--budget", "1500", "Qualify the lead");
        assertThat(stopped.exitCode()).isEqualTo(ExitCode.BUDGET_EXHAUSTED);

        CliRun resumed = orchestrate("--session", "s2", "--speed", "0", "--budget", "100000", "--resume");
        assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(ExitCode.OK);
        assertThat(resumed.out()).startsWith("Processing request: Qualify the lead\nSession: s2\nPipeline resuming...\n");

        Path log = home.resolve("logs/sessions/s2/execution.jsonl");
        byte[] before = Files.readAllBytes(log);
        CliRun mistyped = orchestrate("--session", "s3", "--resume");
        assertThat(mistyped.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(mistyped.err()).isEqualTo("sigil orchestrate: no session 's3' to resume: " + home.resolve("logs/sessions/s3/execution.jsonl")
                + " does not exist; sessions there, newest first: s2; did you mean 's2'?\n");
        CliRun again = orchestrate("--session", "s2", "--resume");
        assertThat(again.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(again.out()).isEqualTo("Session s2 completed earlier: nothing to resume (its log: " + log + ").\n");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);

        // Stopped between session_complete and its summaries: the resume says what is missing.
        Files.delete(log.resolveSibling("tokens.json"));
        CliRun gap = orchestrate("--session", "s2", "--resume");
        assertThat(gap.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(gap.out()).isEqualTo("Session s2 completed earlier: nothing to resume (its log: " + log + ").\n"
                + "It was stopped before it wrote tokens.json and metrics.json; its log holds every entry "
                + "(sigil monitor --session s2 --no-follow shows its totals).\n");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);
    }

    @Test
    void verboseShowsTheLogAndEveryStep() {
        CliRun run = orchestrate("--session", "s3", "--speed", "0", "--verbose", "Qualify the lead");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains("Log: " + home.resolve("logs/sessions/s3/execution.jsonl"))
                .containsPattern("(?m)^  \\[routing   \\] route_request {16}[\\d,]+ tokens  \\d+\\.\\ds$")
                .containsPattern("(?m)^  \\[memory    \\] extract_memories {13}[\\d,]+ tokens");
    }

    @Test
    void theFeatureFlagsOfTheBudget() throws Exception {
        CliRun untracked = orchestrateWith(Map.of("SIGIL_ENABLE_TOKEN_TRACKING", "false"), "--session", "f1", "--speed", "0", "--budget",
                "1,500", "Qualify the lead");
        assertThat(untracked.exitCode()).as("the budget never stops the run").isEqualTo(ExitCode.OK);
        SessionAudit f1 = audited("f1");
        assertThat(f1.logTokens()).isGreaterThan(1500);
        assertThat(f1.events("budget_exceeded")).hasSize(1);

        CliRun quiet = orchestrateWith(Map.of("SIGIL_ENABLE_BUDGET_ALERTS", "false"), "--session", "f2", "--speed", "0", "--budget", "1500",
                "Qualify the lead");
        assertThat(quiet.exitCode()).isEqualTo(ExitCode.BUDGET_EXHAUSTED);
        assertThat(quiet.err()).isEmpty();
        SessionAudit f2 = audited("f2");
        assertThat(f2.events("budget_warning")).isEmpty();
        assertThat(f2.events("budget_exceeded")).as("a run that runs out still says so").hasSize(1);

        CliRun env = orchestrateWith(Map.of("SIGIL_TOKEN_BUDGET", "2000"), "--session", "f3", "--speed", "0", "Qualify the lead");
        assertThat(env.exitCode()).isEqualTo(ExitCode.BUDGET_EXHAUSTED);
        assertThat(audited("f3").tokensJson().get("total_budget").longValue()).isEqualTo(2000);
    }

    @Test
    void monitorWithoutATerminalPrintsThePlainConsole() throws Exception {
        CliRun run = orchestrate("--session", "m1", "--speed", "0", "--monitor", "Qualify the lead");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).startsWith("Processing request: Qualify the lead\nSession: m1\nPipeline starting...\n")
                .contains("EXECUTION COMPLETE").doesNotContain("\u001b");
        audited("m1");
    }

    @Test
    void aSessionIsResumedWithThePipelineItRan() throws Exception {
        String example = Path.of("docs/examples/lead-pipeline.yaml").toAbsolutePath().toString();
        assertThat(orchestrate("--session", "p1", "--speed", "0", "--budget", "300", "--pipeline", example, "Qualify the lead").exitCode())
                .isEqualTo(ExitCode.BUDGET_EXHAUSTED);
        CliRun without = orchestrate("--session", "p1", "--speed", "0", "--resume");
        assertThat(without.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(without.err()).isEqualTo("sigil orchestrate: session 'p1' ran the pipeline 'lead-qualification': resume it with "
                + "--pipeline and that pipeline's file\n");
        CliRun with = orchestrate("--session", "p1", "--speed", "0", "--resume", "--budget", "100000", "--pipeline", example);
        assertThat(with.exitCode()).as(with.err()).isEqualTo(ExitCode.OK);
        audited("p1");

        assertThat(orchestrate("--session", "b1", "--speed", "0", "--budget", "500", "Qualify the lead").exitCode())
                .isEqualTo(ExitCode.BUDGET_EXHAUSTED);
        CliRun other = orchestrate("--session", "b1", "--speed", "0", "--resume", "--pipeline", example);
        assertThat(other.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(other.err()).isEqualTo("sigil orchestrate: session 'b1' ran the built-in pipeline: resume it without --pipeline\n");
    }

    @Test
    void anInvalidApiKeyEndsTheRunWithItsCodeAndWhatToDo() throws Exception {
        Path pipeline = home.resolve("llm.yaml");
        Files.writeString(pipeline, String.join("\n",
                "name: llm",
                "steps:",
                "  - id: ask",
                "    component: reasoning",
                "    command: [sh, -c, \"cat >/dev/null; echo '{\\\"error\\\": {\\\"status\\\": 401, \\\"type\\\": \\\"authentication_error\\\", "
                        + "\\\"message\\\": \\\"invalid x-api-key\\\"}}'; exit 1\"]",
                ""));
        CliRun run = orchestrate("--session", "key1", "--pipeline", pipeline.toString(), "Ask the model");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(run.out()).contains("EXECUTION FAILED", "Result: AuthenticationError: sh -c", "HTTP 401 authentication_error",
                "invalid x-api-key", "(the API key was refused; not retried)");
        assertThat(run.out().lines()).contains("Error API_003: " + dev.sigil.contract.errors.ErrorCode.API_003.suggestion());
        assertThat(audited("key1").eventTypes()).containsExactly("session_start", "step_start", "step_error", "session_error");
    }
}
