package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonTimestamp;
import dev.sigil.testing.Tmux;

/**
 * {@code scripts/sigil monitor} as a user runs it, in a real terminal (tmux): the dashboard appears, follows lines
 * appended while it runs and a rotation of the log, redraws on resize, and {@code q} ends it with the terminal
 * restored (normal screen, echo and canonical mode back); a log not there yet is waited for and named in full. The
 * tmux server is the test's own (its own socket).
 */
class MonitorIT {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path home;

    private Path logs;
    private Path log;

    @BeforeEach
    void setUp() throws IOException {
        logs = home.resolve(".sigil/logs");
        log = Files.createDirectories(logs.resolve("sessions/live-1")).resolve("execution.jsonl");
        Files.createSymbolicLink(logs.resolve("current.jsonl"), Path.of("sessions/live-1/execution.jsonl"));
        append(Lines.start(now(), "live-1", 20_000), step("routing", "Intent classified", 450));
    }

    private String monitor(String args, String after) {
        String sigil = Path.of(System.getProperty("sigil.home"), "scripts", "sigil").toString();
        return "HOME=" + Tmux.quote(home.toString()) + " SIGIL_NO_BUILD=1 " + Tmux.quote(sigil) + " monitor " + args
                + "; echo \"SIGIL-EXITED rc=$?\"; " + after + "sleep 120";
    }

    @Test
    void followsAppendsAndRotationAndRestoresTheTerminalOnQ() throws Exception {
        String modes = "stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo; ";
        try (Tmux t = Tmux.start(100, 30, monitor("", modes))) {
            String screen = t.waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("Intent classified"), WAIT);
            assertThat(screen).contains("session live-1", "RUNNING", "routing");

            append(step("memory", "Retrieved 5 memories", 1500), step("reasoning", "Analysis \u001b[31mdone\u001b[0m", 8000));
            screen = t.waitFor(s -> s.contains("Analysis ^[[31mdone^[[0m"), WAIT);
            assertThat(screen).contains("9,950 of 20,000").doesNotContain("\u001b");

            Files.move(log, log.resolveSibling("execution.jsonl.1"));
            append(step("contracts", "Verified after rotation", 50));
            screen = t.waitFor(s -> s.contains("Verified after rotation"), WAIT);
            assertThat(screen).contains("10,000 of 20,000");

            t.resize(40, 12);
            // the whole frame at the new size (a capture may fall between two writes of a redraw)
            t.waitFor(s -> s.contains("skipped") && s.lines().count() <= 12 && s.contains("live-1") && s.contains("50.00%"), WAIT);

            t.keys("q");
            screen = t.waitFor(s -> s.contains("SIGIL-EXITED rc=0") && s.contains("echo"), WAIT);
            List<String> after = List.of(screen.lines().filter(l -> l.contains("echo")).findFirst().orElse("").trim().split(" +"));
            assertThat(after).as("terminal modes after exit").contains("echo", "icanon").doesNotContain("-echo", "-icanon");
            assertThat(screen).doesNotContain("SIGIL MONITOR");
            assertThat(t.format("#{alternate_on}")).isEqualTo("0");
            assertThat(t.format("#{cursor_flag}")).isEqualTo("1");
        }
    }

    /**
     * An alert is a notice in the status bar, and a rule with the bell action rings the terminal's bell: tmux raises
     * its window's bell flag ({@code #{window_bell_flag}}, set for a bell in a pane of a session no client shows),
     * which a rule without it leaves down.
     */
    @Test
    void anAlertRuleIsANoticeInTheStatusBarAndTheBellRingsWhenAsked() throws Exception {
        Path rules = Files.writeString(home.resolve("rules.yaml"), "rules:\n"
                + "  - {name: memory-step, metric: tokens, scope: {component: memory}, op: '>=', threshold: 1000, actions: [stdout]}\n"
                + "  - {name: big-step, metric: tokens, op: '>=', threshold: 5000, severity: critical, actions: [bell]}\n");
        try (Tmux t = Tmux.start(120, 30, monitor("--rules " + Tmux.quote(rules.toString()), ""))) {
            t.waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("Intent classified"), WAIT);
            append(step("memory", "Retrieved 5 memories", 1500));
            t.waitFor(s -> s.contains("alert:") && s.contains("memory-step"), WAIT);
            Thread.sleep(1500); // tmux looks for bells after the pane's output: give it time to see one that is not there
            assertThat(t.format("#{window_bell_flag}")).as("no bell for a rule without the bell action").isEqualTo("0");
            append(step("reasoning", "A long answer", 6000));
            String screen = t.waitFor(s -> s.contains("alert:") && s.contains("big-step"), WAIT);
            assertThat(screen).contains("CRITICAL big-step: tokens");
            for (int i = 0; i < 50 && !t.format("#{window_bell_flag}").equals("1"); i++) {
                Thread.sleep(100);
            }
            assertThat(t.format("#{window_bell_flag}")).as("the terminal's bell rang").isEqualTo("1");
            t.keys("q");
            t.waitFor(s -> s.contains("SIGIL-EXITED rc=0"), WAIT);
        }
    }

    @Test
    void ctrlCQuitsAndRestoresTheTerminal() throws Exception {
        try (Tmux t = Tmux.start(80, 24, monitor("--session live-1 --no-color", ""))) {
            t.waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("Intent classified"), WAIT);
            t.keys("C-c");
            String screen = t.waitFor(s -> s.contains("SIGIL-EXITED"), WAIT);
            assertThat(screen).contains("SIGIL-EXITED rc=0").doesNotContain("SIGIL MONITOR", "Exception");
            assertThat(t.format("#{alternate_on}")).isEqualTo("0");
        }
    }

    @Test
    void aLogNotThereYetIsWaitedForAndNamedInFullEvenAt40Columns() throws Exception {
        Path later = Files.createDirectories(logs.resolve("sessions/sess_0123456789ab")).resolve("execution.jsonl");
        try (Tmux t = Tmux.start(40, 12, monitor("--session sess_0123456789ab", ""))) {
            String waiting = t.waitFor(s -> s.contains("Waiting for"), WAIT);
            // the lines of the panel joined again (where a line broke, a space or nothing was left out)
            String joined = waiting.lines().map(l -> l.replaceAll("^│|│$", "").strip()).reduce("", String::concat).replace(" ", "");
            assertThat(joined).as("the whole path, over as many lines as it takes").contains((later + " (not there yet).").replace(" ", ""));
            Files.writeString(later, Lines.start(now(), "sess_0123456789ab", 1000) + "\n");
            t.waitFor(s -> s.contains("RUNNING") && !s.contains("Waiting for"), WAIT);
            t.keys("q");
            t.waitFor(s -> s.contains("SIGIL-EXITED rc=0"), WAIT);
        }
    }

    /**
     * The dashboard's terminal is opened while the command still checks what it was given (ADR 0225): a refusal after
     * that (no log, with --no-follow) is one line, exit 2, and leaves the terminal as it was (modes, normal screen).
     */
    @Test
    void aRefusalAfterTheTerminalWasOpenedLeavesItAsItWas() throws Exception {
        String modes = "stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo; ";
        Path missing = home.resolve("nothing-here.jsonl");
        try (Tmux t = Tmux.start(80, 24, monitor("--mode dashboard --no-follow " + Tmux.quote(missing.toString()), modes))) {
            String screen = t.waitFor(s -> s.contains("SIGIL-EXITED") && s.contains("echo"), WAIT);
            assertThat(screen).contains("SIGIL-EXITED rc=2", "no log at").doesNotContain("SIGIL MONITOR", "Exception");
            List<String> after = List.of(screen.lines().filter(l -> l.contains("echo")).reduce((a, b) -> b).orElse("").trim().split(" +"));
            assertThat(after).as("terminal modes after exit").contains("echo", "icanon").doesNotContain("-echo", "-icanon");
            assertThat(t.format("#{alternate_on}")).isEqualTo("0");
        }
    }

    private static String now() {
        return PythonTimestamp.isoformat(LocalDateTime.now());
    }

    private static String step(String component, String message, long tokens) {
        return Lines.entry(now(), "live-1", "step_complete", component, message, tokens, 120.5);
    }

    private void append(String... lines) throws IOException {
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
