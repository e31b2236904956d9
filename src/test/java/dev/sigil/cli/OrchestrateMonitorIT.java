package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;

import dev.sigil.orchestrate.SessionAudit;

/**
 * {@code sigil orchestrate --monitor} in a real terminal (a 100x30 tmux pane): the dashboard shows the run while it
 * goes, closes by itself after the pipeline ends, and the console's closing block and exit status 0 follow on the
 * normal screen.
 */
class OrchestrateMonitorIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private final String tmux = "sigil-orch-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    @AfterEach
    void tearDown() throws Exception {
        run("tmux", "kill-session", "-t", tmux);
    }

    @Test
    void theDashboardFollowsTheRunAndClosesByItselfAtTheEnd() throws Exception {
        Path logs = home.resolve("logs");
        String sigil = OrchestrateIT.HOME.resolve("scripts/sigil").toString();
        String script = "HOME='" + home + "' SIGIL_NO_BUILD=1 '" + sigil + "' orchestrate --monitor --speed 0.3 --session it-monitor "
                + "--log-path '" + logs + "' '" + OrchestrateIT.TASK + "'; echo \"EXIT=$?\"; sleep 120";
        run("tmux", "new-session", "-d", "-s", tmux, "-x", "100", "-y", "30", script);

        String running = waitFor(s -> s.contains("RUNNING") && s.contains("reasoning"));
        assertThat(running).contains("SIGIL MONITOR", "it-monitor", "routing", "planning", "memory");

        waitFor(s -> s.contains("EXIT="));
        String end = run("tmux", "capture-pane", "-p", "-S", "-200", "-t", tmux); // with the lines scrolled off
        assertThat(end).contains("EXIT=0").doesNotContain("Exception");
        assertThat(end.substring(end.indexOf("EXECUTION COMPLETE"))).as("after the dashboard closed").doesNotContain("SIGIL MONITOR");
        List<String> lines = end.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
        SessionAudit audit = SessionAudit.of(logs.resolve("sessions/it-monitor"));
        assertThat(audit.findings()).isEmpty();
        int result = lines.indexOf(lines.stream().filter(l -> l.startsWith("Result: Complete")).findFirst().orElse("?"));
        assertThat(result).as("the result on the normal screen:\n%s", end).isPositive();
        // the monitor's own final summary (seed 001's) closes with its rule; the console adds only result, tokens and cost
        assertThat(lines.get(result - 1)).isEqualTo("=".repeat(60));
        assertThat(lines.subList(result + 1, lines.size())).containsExactly(
                String.format(java.util.Locale.ROOT, "Final Tokens: %,d / 256,000", audit.logTokens()),
                "Final Cost: " + dev.sigil.cost.Money.brief(audit.tokensJson().get("cost_usd").decimalValue()), "EXIT=0");
        assertThat(lines).contains("Processing request: " + OrchestrateIT.TASK, "Session: it-monitor", "Status:   COMPLETE",
                String.format(java.util.Locale.ROOT, "  Total:     %,d / 256,000", audit.logTokens()));
        assertThat(lines).as("one closing header only: the monitor's").doesNotContain("EXECUTION COMPLETE");
        assertThat(tmuxFormat("#{alternate_on}")).isEqualTo("0");
    }

    @Test
    void qInTheDashboardInterruptsTheRun() throws Exception {
        Path logs = home.resolve("logs");
        String sigil = OrchestrateIT.HOME.resolve("scripts/sigil").toString();
        String script = "HOME='" + home + "' SIGIL_NO_BUILD=1 '" + sigil + "' orchestrate --monitor --speed 1 --session it-quit "
                + "--log-path '" + logs + "' '" + OrchestrateIT.TASK + "'; echo \"EXIT=$?\"; sleep 120";
        run("tmux", "new-session", "-d", "-s", tmux, "-x", "100", "-y", "30", script);
        waitFor(s -> s.contains("RUNNING") && s.contains("planning"));
        run("tmux", "send-keys", "-t", tmux, "q");

        String end = waitFor(s -> s.contains("EXIT="));
        assertThat(end).contains("EXECUTION INTERRUPTED", "EXIT=130").doesNotContain("Exception");
        SessionAudit audit = SessionAudit.of(logs.resolve("sessions/it-quit"));
        assertThat(audit.findings()).isEmpty();
        assertThat(audit.last().get("metadata").get("error").stringValue()).isEqualTo("interrupted");
        assertThat(tmuxFormat("#{alternate_on}")).isEqualTo("0");
    }

    /** The screen once {@code condition} holds; fails with the last screen after {@link #WAIT}. */
    private String waitFor(Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = run("tmux", "capture-pane", "-p", "-t", tmux);
            if (condition.test(screen)) {
                return screen;
            }
            Thread.sleep(100); // polling a real terminal; no timing is asserted
        }
        throw new AssertionError("the screen never showed what was expected; last screen:\n" + screen);
    }

    private String tmuxFormat(String format) throws Exception {
        return run("tmux", "display-message", "-p", "-t", tmux, format).trim();
    }

    private static String run(String... command) throws Exception {
        try {
            return new ProcessExecutor().command(command).readOutput(true).redirectErrorStream(true)
                    .timeout(20, TimeUnit.SECONDS).execute().outputUTF8();
        } catch (IOException e) {
            throw new AssertionError("tmux is needed for this test (apt-get install tmux): " + e.getMessage(), e);
        }
    }
}
