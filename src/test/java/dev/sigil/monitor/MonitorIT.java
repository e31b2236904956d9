package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;

import dev.sigil.contract.codec.PythonTimestamp;

/**
 * {@code scripts/sigil monitor} as a user runs it, in a real terminal (tmux): the dashboard appears, follows lines
 * appended while it runs and a rotation of the log, redraws on resize, and {@code q} ends it with the terminal
 * restored (normal screen, echo and canonical mode back). The tmux server is the test's own (its own socket).
 */
class MonitorIT {

    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    Path home;

    private Path logs;
    private Path log;
    private String tmux;

    @BeforeEach
    void setUp() throws IOException {
        logs = home.resolve(".sigil/logs");
        log = Files.createDirectories(logs.resolve("sessions/live-1")).resolve("execution.jsonl");
        Files.createSymbolicLink(logs.resolve("current.jsonl"), Path.of("sessions/live-1/execution.jsonl"));
        tmux = "sigil-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        append(Lines.start(now(), "live-1", 20_000), step("routing", "Intent classified", 450));
    }

    @AfterEach
    void tearDown() throws Exception {
        run("tmux", "kill-server"); // the test's own server (its own socket): nobody else's tmux
    }

    @Test
    void followsAppendsAndRotationAndRestoresTheTerminalOnQ() throws Exception {
        String sigil = Path.of(System.getProperty("sigil.home"), "scripts", "sigil").toString();
        String script = "HOME='" + home + "' SIGIL_NO_BUILD=1 '" + sigil + "' monitor; echo \"SIGIL-EXITED rc=$?\"; "
                + "stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo; sleep 120";
        run("tmux", "-f", "/dev/null", "new-session", "-d", "-s", tmux, "-x", "100", "-y", "30", script);

        String screen = waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("Intent classified"));
        assertThat(screen).contains("session live-1", "RUNNING", "routing");

        append(step("memory", "Retrieved 5 memories", 1500), step("reasoning", "Analysis \u001b[31mdone\u001b[0m", 8000));
        screen = waitFor(s -> s.contains("Analysis ^[[31mdone^[[0m"));
        assertThat(screen).contains("9,950 of 20,000").doesNotContain("\u001b");

        Files.move(log, log.resolveSibling("execution.jsonl.1"));
        append(step("contracts", "Verified after rotation", 50));
        screen = waitFor(s -> s.contains("Verified after rotation"));
        assertThat(screen).contains("10,000 of 20,000");

        run("tmux", "resize-window", "-t", tmux, "-x", "40", "-y", "12");
        screen = waitFor(s -> s.contains("skipped") && s.lines().count() <= 12);
        assertThat(screen).contains("live-1", "50.00%");

        run("tmux", "send-keys", "-t", tmux, "q");
        screen = waitFor(s -> s.contains("SIGIL-EXITED rc=0") && s.contains("echo"));
        List<String> modes = List.of(screen.lines().filter(l -> l.contains("echo")).findFirst().orElse("").trim().split(" +"));
        assertThat(modes).as("terminal modes after exit").contains("echo", "icanon").doesNotContain("-echo", "-icanon");
        assertThat(screen).doesNotContain("SIGIL MONITOR");
        assertThat(tmuxFormat("#{alternate_on}")).isEqualTo("0");
        assertThat(tmuxFormat("#{cursor_flag}")).isEqualTo("1");
    }

    @Test
    void ctrlCQuitsAndRestoresTheTerminal() throws Exception {
        String sigil = Path.of(System.getProperty("sigil.home"), "scripts", "sigil").toString();
        String script = "HOME='" + home + "' SIGIL_NO_BUILD=1 '" + sigil + "' monitor --session live-1 --no-color; "
                + "echo \"SIGIL-EXITED rc=$?\"; sleep 120";
        run("tmux", "-f", "/dev/null", "new-session", "-d", "-s", tmux, "-x", "80", "-y", "24", script);
        waitFor(s -> s.contains("SIGIL MONITOR") && s.contains("Intent classified"));
        run("tmux", "send-keys", "-t", tmux, "C-c");
        String screen = waitFor(s -> s.contains("SIGIL-EXITED"));
        assertThat(screen).contains("SIGIL-EXITED rc=0").doesNotContain("SIGIL MONITOR", "Exception");
        assertThat(tmuxFormat("#{alternate_on}")).isEqualTo("0");
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

    /** The screen once {@code condition} holds; fails with the last screen after {@link #WAIT}. */
    private String waitFor(Predicate<String> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = capture();
            if (condition.test(screen)) {
                return screen;
            }
            Thread.sleep(200); // polling a real process; no timing is asserted
        }
        throw new AssertionError("the screen never showed what was expected; last screen:\n" + screen);
    }

    private String capture() throws Exception {
        return run("tmux", "capture-pane", "-p", "-t", tmux);
    }

    private String tmuxFormat(String format) throws Exception {
        return run("tmux", "display-message", "-p", "-t", tmux, format).trim();
    }

    private String run(String... command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(command));
        if (cmd.get(0).equals("tmux")) {
            cmd.addAll(1, List.of("-L", tmux));
        }
        try {
            return new ProcessExecutor().command(cmd).readOutput(true).redirectErrorStream(true)
                    .timeout(20, TimeUnit.SECONDS).execute().outputUTF8();
        } catch (IOException e) {
            throw new AssertionError("tmux is needed for this test (apt-get install tmux): " + e.getMessage(), e);
        }
    }
}
