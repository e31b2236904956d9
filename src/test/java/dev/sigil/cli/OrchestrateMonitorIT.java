package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.orchestrate.SessionAudit;
import dev.sigil.testing.Tmux;

/**
 * {@code sigil orchestrate --monitor} in a real terminal (a 100x30 tmux pane, a tmux server of the test's own): the
 * dashboard follows the run, stays when it ends until the user leaves, and the run's own final summary follows on the
 * normal screen, whichever session was browsed to meanwhile; {@code q} while the run goes on asks before stopping it;
 * {@code d} leaves the run going; {@code --exit-when-done} closes the screen by itself.
 */
class OrchestrateMonitorIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private String run(String session, String... options) {
        return orchestrate("--monitor --session " + session, options);
    }

    private String orchestrate(String session, String... options) {
        Path logs = home.resolve("logs");
        String sigil = OrchestrateIT.HOME.resolve("scripts/sigil").toString();
        return "HOME=" + Tmux.quote(home.toString()) + " SIGIL_NO_BUILD=1 " + Tmux.quote(sigil) + " orchestrate " + session + " --log-path " + Tmux.quote(logs.toString()) + " " + String.join(" ", options) + " "
                + Tmux.quote(OrchestrateIT.TASK) + "; echo \"EXIT=$?\"; sleep 120";
    }

    @Test
    void theDashboardStaysAfterTheRunAndTheSummaryIsTheRunsOwnAfterBrowsingAnother() throws Exception {
        Path other = Files.createDirectories(home.resolve("logs/sessions/other-1"));
        Files.copy(Path.of("src/test/resources/monitor/complete-session.jsonl"), other.resolve("execution.jsonl"));
        try (Tmux t = Tmux.start(100, 30, run("it-monitor", "--speed", "0.3"))) {
            t.waitFor(s -> s.contains("RUNNING") && s.contains("it-monitor"), WAIT);
            t.keys("s");
            t.waitFor(s -> s.contains("other-1") && s.contains("it-monitor"), WAIT);
            t.type("other");
            t.waitFor(s -> s.contains("Sessions 1 of 2"), WAIT);
            t.keys("Enter");
            t.waitFor(s -> s.contains("session demo-7"), WAIT); // the other log's own session id
            String ended = t.waitFor(s -> s.contains("run finished: q or Esc leaves"), WAIT);
            assertThat(ended).as("the screen stays after the run").contains("SIGIL MONITOR");
            Thread.sleep(2500); // longer than the old screen waited before it closed by itself
            assertThat(t.screen()).contains("SIGIL MONITOR", "run finished");
            t.keys("q");
            t.waitFor(s -> s.contains("EXIT="), WAIT);
            String end = t.history(200);
            SessionAudit audit = SessionAudit.of(home.resolve("logs/sessions/it-monitor"));
            assertThat(audit.findings()).isEmpty();
            List<String> lines = end.lines().map(String::stripTrailing).filter(l -> !l.isEmpty()).toList();
            assertThat(lines).as("the run's own summary, not the browsed session's").contains("Session:  it-monitor",
                    "Status:   COMPLETE", String.format(Locale.ROOT, "  Total:     %,d / 256,000", audit.logTokens()))
                    .doesNotContain("Session:  demo-7", "  Total:     15,150 / 50,000");
            int result = lines.indexOf(lines.stream().filter(l -> l.startsWith("Result: Complete")).findFirst().orElse("?"));
            assertThat(result).as("the result on the normal screen:\n%s", end).isPositive();
            assertThat(lines.get(result - 1)).isEqualTo("=".repeat(60));
            assertThat(lines.subList(result + 1, lines.size())).containsExactly(
                    String.format(Locale.ROOT, "Final Tokens: %,d / 256,000", audit.logTokens()),
                    "Final Cost: " + dev.sigil.cost.Money.brief(audit.tokensJson().get("cost_usd").decimalValue()), "EXIT=0");
            assertThat(lines).as("one closing header only: the monitor's").doesNotContain("EXECUTION COMPLETE");
            assertThat(end).doesNotContain("Exception");
            assertThat(t.format("#{alternate_on}")).isEqualTo("0");
        }
    }

    @Test
    void qWhileTheRunGoesOnAsksFirstAndQAgainStopsIt() throws Exception {
        try (Tmux t = Tmux.start(100, 30, run("it-quit", "--speed", "1"))) {
            t.waitFor(s -> s.contains("RUNNING") && s.contains("planning"), WAIT);
            t.keys("q");
            t.waitFor(s -> s.contains("The run is still going") && s.contains("q stop it"), WAIT);
            t.keys("Escape");
            t.waitFor(s -> !s.contains("The run is still going") && s.contains("RUNNING"), WAIT);
            t.keys("q", "q");
            String end = t.waitFor(s -> s.contains("EXIT="), WAIT);
            assertThat(end).contains("EXECUTION INTERRUPTED", "EXIT=130").doesNotContain("Exception");
            SessionAudit audit = SessionAudit.of(home.resolve("logs/sessions/it-quit"));
            assertThat(audit.findings()).isEmpty();
            assertThat(audit.last().get("metadata").get("error").stringValue()).isEqualTo("interrupted");
            assertThat(t.format("#{alternate_on}")).isEqualTo("0");
        }
    }

    @Test
    void dLeavesTheDashboardAndTheRunFinishesHere() throws Exception {
        try (Tmux t = Tmux.start(100, 30, run("it-detach", "--speed", "0.5"))) {
            t.waitFor(s -> s.contains("RUNNING") && s.contains("d detach"), WAIT);
            t.keys("d");
            t.waitFor(s -> s.contains("Detached: the run goes on"), WAIT);
            String end = t.waitFor(s -> s.contains("EXIT="), WAIT);
            assertThat(end).contains("Result: Complete", "EXIT=0").doesNotContain("SIGIL MONITOR", "Exception");
            assertThat(SessionAudit.of(home.resolve("logs/sessions/it-detach")).eventTypes()).endsWith("session_complete");
        }
    }

    /**
     * {@code cli.monitor.enabled} (seed 002, docs/configuration.md): {@code orchestrate} without {@code --monitor}
     * shows the dashboard on a terminal; with {@code features.monitoring} off, or with stdout not a terminal, it does not.
     */
    @Test
    void cliMonitorEnabledShowsTheDashboardWithoutTheFlagOnATerminalOnly() throws Exception {
        Path config = Files.createDirectories(home.resolve(".sigil")).resolve("config.yaml");
        Files.writeString(config, "cli:\n  monitor:\n    enabled: true\n");
        try (Tmux t = Tmux.start(100, 30, orchestrate("--session it-config", "--speed", "0.3", "--exit-when-done"))) {
            t.waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("it-config"), WAIT);
            t.waitFor(s -> s.contains("EXIT="), WAIT);
            assertThat(t.history(200)).contains("Result: Complete", "EXIT=0");
        }
        String piped = orchestrate("--session it-piped", "--speed", "0.3").replace("; echo \"EXIT=$?\"", " | cat; echo \"EXIT=${PIPESTATUS[0]}\"");
        try (Tmux t = Tmux.start(100, 30, piped)) {
            t.waitFor(s -> s.contains("EXIT="), WAIT);
            assertThat(t.history(200)).contains("Result: Complete", "EXIT=0").doesNotContain("SIGIL MONITOR");
        }
        Files.writeString(config, "cli:\n  monitor:\n    enabled: true\nfeatures:\n  monitoring: false\n");
        try (Tmux t = Tmux.start(100, 30, orchestrate("--session it-off", "--speed", "0.3"))) {
            t.waitFor(s -> s.contains("EXIT="), WAIT);
            assertThat(t.history(200)).contains("Result: Complete", "EXIT=0").doesNotContain("SIGIL MONITOR");
        }
    }

    @Test
    void exitWhenDoneClosesTheScreenByItselfForScripts() throws Exception {
        try (Tmux t = Tmux.start(100, 30, run("it-script", "--speed", "0.3", "--exit-when-done"))) {
            t.waitFor(s -> s.contains("RUNNING"), WAIT);
            String end = t.waitFor(s -> s.contains("EXIT="), WAIT);
            assertThat(t.history(200)).contains("EXECUTION COMPLETE", "Result: Complete", "EXIT=0").doesNotContain("Exception");
            assertThat(end).doesNotContain("SIGIL MONITOR");
        }
    }
}
