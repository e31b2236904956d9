package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.monitor.Lines;

/** {@code sigil monitor} in-process: options, errors, and the stream and minimal output on finished logs. */
class MonitorCommandTest {

    @TempDir
    Path home;

    private Path logs;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        logs = home.resolve(".sigil/logs");
        Files.createDirectories(logs.resolve("sessions/s1"));
        Files.copy(Path.of("src/test/resources/monitor/complete-session.jsonl"), logs.resolve("sessions/s1/execution.jsonl"));
    }

    private int run(boolean terminal, String... args) {
        Environment env = new Environment(Map.of("HOME", home.toString()), new ByteArrayInputStream(new byte[0]), out,
                terminal, false);
        String[] all = new String[args.length + 1];
        all[0] = "monitor";
        System.arraycopy(args, 0, all, 1, args.length);
        return SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(err)).execute(all);
    }

    /** Runs the monitor writing to {@code stdout}, which fails as a pipe or a full disk does. */
    private int runInto(java.io.OutputStream stdout, String... args) {
        Environment env = new Environment(Map.of("HOME", home.toString()), new ByteArrayInputStream(new byte[0]), stdout, false, false);
        String[] all = new String[args.length + 1];
        all[0] = "monitor";
        System.arraycopy(args, 0, all, 1, args.length);
        return SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(err)).execute(all);
    }

    @Test
    void aClosedPipeEndsEveryTextModeQuietly() {
        for (String mode : new String[] {"stream", "minimal"}) {
            for (long after : new long[] {0, 100, 600}) {
                assertThat(runInto(FailingOutput.brokenPipe(after), "-s", "s1", "--no-follow", "-m", mode)).as(mode + " after " + after).isZero();
            }
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFullDiskIsOneLineAndExitCode2() {
        for (String mode : new String[] {"stream", "minimal"}) {
            err.getBuffer().setLength(0);
            assertThat(runInto(FailingOutput.diskFull(100), "-s", "s1", "--no-follow", "-m", mode)).isEqualTo(ExitCode.USAGE);
            assertThat(err.toString()).isEqualTo("sigil monitor: cannot write to standard output: No space left on device\n");
        }
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void streamPrintsEveryEventThenTheSummary() throws IOException {
        assertThat(run(false, "--session", "s1", "--no-follow")).isZero();
        long entries = Files.readAllLines(logs.resolve("sessions/s1/execution.jsonl")).size();
        assertThat(stdout().lines().filter(l -> l.matches("\\[\\d\\d:\\d\\d:\\d\\d\\] .*")).count()).isEqualTo(entries);
        assertThat(stdout()).startsWith("\n=====").contains("Found log file: " + logs.resolve("sessions/s1/execution.jsonl"))
                .contains("EXECUTION COMPLETE", "  Total:     15,150 / 50,000", "  Percentage: 30.30%");
        assertThat(stdout()).contains("\u001b[31mred"); // not a terminal: Python's bytes, escape included
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void onATerminalLogTextIsMadeVisible() {
        assertThat(run(true, "--session", "s1", "--no-follow", "--mode", "stream")).isZero();
        assertThat(stdout()).contains("Branch 1: ^[[31mred^[[0m 東京 analysis (0 tokens)").doesNotContain("\u001b");
    }

    @Test
    void followingStopsWhenTheSessionEnds() {
        assertThat(run(false, "--session", "s1", "--refresh-rate", "0.01")).isZero();
        assertThat(stdout()).endsWith("=".repeat(60) + "\n").contains("Status:   COMPLETE");
    }

    @Test
    void minimalPrintsOneTokenLineAndTheSummary() {
        assertThat(run(false, "--session", "s1", "--no-follow", "--mode", "minimal")).isZero();
        assertThat(stdout()).contains("\rTokens: 15,150 / 50,000 (30.30%)\n=====");
        assertThat(stdout().split("\rTokens:", -1)).hasSize(2);
    }

    @Test
    void componentAndLevelFiltersNarrowTheStream() {
        assertThat(run(false, "--session", "s1", "--no-follow", "--filter", "REASONING", "--level", "warning")).isZero();
        assertThat(stdout().lines().filter(l -> l.startsWith("["))).containsExactly(
                "[10:15:44] reasoning: Tool call failed (0 tokens)", "[10:15:44] reasoning: Retrying tool call (1/3) (0 tokens)");
        assertThat(stdout()).contains("  Total:     15,150 / 50,000"); // totals count everything
    }

    @Test
    void badLinesAreReportedOnStderrWithFileAndLine() throws IOException {
        Path log = logs.resolve("sessions/s1/execution.jsonl");
        Files.writeString(log, "not json\n" + Files.readString(log) + "[1,2]\n");
        assertThat(run(false, "--session", "s1", "--no-follow")).isEqualTo(ExitCode.FINDINGS);
        assertThat(err.toString()).contains(log + ":1: skipped, not JSON", log + ":15: skipped, not a JSON object");
    }

    @Test
    void aPathOrTheActiveSessionCanBeFollowed() throws IOException {
        Files.createSymbolicLink(logs.resolve("current.jsonl"), Path.of("sessions/s1/execution.jsonl"));
        assertThat(run(false, "--no-follow")).isZero();
        assertThat(stdout()).contains("Session: s1\n", "Found log file: " + logs.resolve("current.jsonl"));
        out.reset();
        assertThat(run(false, "--no-follow", logs.resolve("sessions/s1").toString())).isZero();
        assertThat(stdout()).contains("Session: s1\n", "EXECUTION COMPLETE");
    }

    @Test
    void mistakesAreUsageErrors() {
        assertThat(run(false, "--session", "nope", "--no-follow")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("no session 'nope' in").contains("sessions there, newest first: s1");
        assertThat(run(false, "--session", "../x")).isEqualTo(ExitCode.USAGE);
        assertThat(run(false, "--session", "s1", "--mode", "dashboard")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("the dashboard needs a terminal");
        assertThat(run(false, "--session", "s1", "--level", "loud")).isEqualTo(ExitCode.USAGE);
        assertThat(run(false, "--session", "s1", "--refresh-rate", "0")).isEqualTo(ExitCode.USAGE);
        assertThat(run(false, "--session", "s1", "--mode", "fancy")).isEqualTo(ExitCode.USAGE);
        assertThat(run(false, "--session", "s1", "x.jsonl")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    void aLogWithoutCompletionEndsWithTheIncompleteSummaryOfItsFiguresSoFar() throws IOException {
        Path log = logs.resolve("sessions/s1/execution.jsonl");
        Files.writeString(log, Lines.start("2026-01-11T10:00:00", "s1", 100) + "\n"
                + Lines.entry("2026-01-11T10:00:04.5", "s1", "step_complete", "routing", "routed", 30, 1100.0) + "\n");
        for (String mode : new String[] {"stream", "minimal"}) {
            out.reset();
            assertThat(run(false, "--session", "s1", "--no-follow", "-m", mode)).isZero();
            assertThat(stdout()).doesNotContain("EXECUTION COMPLETE").endsWith("\n"
                    + "============================================================\n"
                    + "           SESSION INCOMPLETE\n"
                    + "============================================================\n"
                    + "\nSession incomplete: the log has no session_complete or session_error (yet).\n"
                    + "\nSession:  s1\nStatus:   INCOMPLETE\nDuration: 4.5s\n"
                    + "\nToken Usage So Far:\n  Total:     30 / 100\n  Percentage: 30.00%\n  Remaining:  70\n"
                    + "\nComponent Breakdown:\n  routing     : 30 tokens, 1100ms\n"
                    + "\n============================================================\n");
        }
        Files.writeString(log, "");
        out.reset();
        assertThat(run(false, "--session", "s1", "--no-follow")).isZero();
        assertThat(stdout()).as("nothing read, nothing to sum up").doesNotContain("INCOMPLETE");
    }

    @Test
    void aMissingDirectoryIsAnErrorUnlessWaitIsGiven() {
        Path nowhere = home.resolve("nowhere/execution.jsonl");
        assertThat(run(false, nowhere.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("sigil monitor: no directory " + nowhere.getParent() + " for " + nowhere
                + " (--wait waits for it)\n");
        err.getBuffer().setLength(0);
        assertThat(run(false, "-s", "s2")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("sigil monitor: no session 's2' in " + logs.resolve("sessions")
                + " (--wait waits for it); sessions there, newest first: s1; did you mean 's1'?\n");
        err.getBuffer().setLength(0);
        assertThat(run(false, "-l", home.resolve("empty").toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("sigil monitor: no active session: " + home.resolve("empty")
                + " does not exist, no log was written there yet (--wait waits for it)\n");
        err.getBuffer().setLength(0);
        assertThat(run(false, "-s", "s2", "--no-follow")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).isEqualTo("sigil monitor: no session 's2' in " + logs.resolve("sessions")
                + "; sessions there, newest first: s1; did you mean 's1'?\n");
    }

    @Test
    void anUnknownComponentFilterIsSaidOnceWithTheKnownNames() {
        assertThat(run(false, "-s", "s1", "--no-follow", "--filter", "routng")).isZero();
        assertThat(err.toString()).isEqualTo("sigil monitor: --filter: no component is called 'routng' (known: orchestrator, routing, "
                + "memory, planning, reasoning, contracts, validation, cli, planner, router, tools); did you mean 'routing' or 'router'?\n");
        err.getBuffer().setLength(0);
        assertThat(run(false, "-s", "s1", "--no-follow", "--filter", "Router")).isZero();
        assertThat(err.toString()).isEmpty();
    }
}
