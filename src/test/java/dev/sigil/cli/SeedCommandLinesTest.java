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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' own example command lines run (issue 12), copied from the documents as written, in the order a user
 * would type them. How they are run: {@code python -m sigil.cli X}, {@code python -m sigil X} and
 * {@code python monitor.py} are {@code sigil X} and {@code sigil monitor}; every run has a home directory of its
 * own; orchestrate gets {@code --speed 0} (the built-in executor's pauses, 10-20 s a run, are not the point); stdout is
 * not a terminal, so {@code --monitor} runs without the dashboard and the monitor prints its stream, which ends with
 * the session.
 */
class SeedCommandLinesTest {

    @TempDir
    Path home;

    private Path logs() {
        return home.resolve(".sigil/logs");
    }

    /** Runs a seed's command line (as written, after the program name) the way the class comment says. */
    private CliRun seed(String line) {
        List<String> args = new ArrayList<>(words(line));
        if (args.get(0).equals("orchestrate")) {
            args.addAll(List.of("--speed", "0"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Environment env = new Environment(Map.of("HOME", home.toString()), new ByteArrayInputStream(new byte[0]), bytes, false, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(out), new PrintWriter(err)).execute(args.toArray(String[]::new));
        return new CliRun(code, out + bytes.toString(StandardCharsets.UTF_8), err.toString());
    }

    /** The words of a command line as a POSIX shell splits them: spaces outside double quotes. */
    private static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) {
                    out.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }

    private void ran(CliRun r, int... allowed) {
        assertThat(Arrays.stream(allowed).boxed().toList()).as(r.err()).contains(r.exitCode());
        assertThat(r.err()).doesNotContain("Exception", "\tat ", "unknown option");
    }

    @Test
    void seed000MigrationCommands() throws IOException {
        // seed 000 section 9.3, "FOR USERS WANTING MONITORING", steps 2 and 3
        CliRun before = seed("orchestrate --task \"Analyze lead\"");
        ran(before, 0, 1);
        assertThat(before.out()).contains("Processing request: Analyze lead");
        CliRun after = seed("orchestrate --task \"Analyze lead\" --session my-session");
        ran(after, 0, 1);
        assertThat(logs().resolve("sessions/my-session/execution.jsonl")).isRegularFile();
        CliRun monitor = seed("monitor --session my-session");
        ran(monitor, 0);
        assertThat(monitor.out()).contains("Found log file: " + logs().resolve("sessions/my-session/execution.jsonl"), "EXECUTION COMPLETE");
    }

    @Test
    void seed001TerminalsRecoveryAndTroubleshooting() throws IOException {
        // seed 001 section 2 (the two terminals), section 9 (recovery), Appendix C (troubleshooting)
        ran(seed("orchestrate --task \"Analyze...\" --session test-1"), 0, 1);
        ran(seed("monitor --session test-1"), 0);
        CliRun resume = seed("orchestrate --session test-1 --resume");
        ran(resume, 0);
        assertThat(resume.out()).contains("Session test-1 completed earlier: nothing to resume");
        ran(seed("orchestrate --task \"Analyze...\" --session test-2"), 0, 1);
        ran(seed("monitor --session test-1 --refresh-rate 0.5"), 0);
        CliRun minimal = seed("monitor --session test-1 --mode minimal");
        ran(minimal, 0);
        assertThat(minimal.out()).contains("\rTokens: ");
        ran(seed("logs rotate"), 0);
        ran(seed("logs archive"), 0);
    }

    @Test
    void seed000And001ShortOptions() {
        // seed 000 section 6.3.2: --task/-t, --session/-s, --budget/-b, --log-path/-l;
        // seed 001 section 4.3.2: the monitor's --session/-s, --mode/-m, --log-path/-l
        Path other = home.resolve("other-logs");
        ran(seed("orchestrate -t \"Analyze lead\" -s short-1 -b 256000 -l " + other), 0, 1);
        assertThat(other.resolve("sessions/short-1/execution.jsonl")).isRegularFile();
        CliRun monitor = seed("monitor -s short-1 -m stream -l " + other);
        ran(monitor, 0);
        assertThat(monitor.out()).contains("Found log file: " + other.resolve("sessions/short-1/execution.jsonl"));
    }

    @Test
    void seed002OrchestrateExamplesAndTheMonitorScript() throws IOException {
        // seed 002, "Basic Usage" and the example run; then its monitor.py usage lines
        ran(seed("orchestrate \"Qualify this lead: John Smith from Acme Corp\""), 0, 1);
        ran(seed("orchestrate --agent lead_qualifier \"Qualify this lead: John Smith from Acme Corp\""), 0, 1);
        ran(seed("orchestrate --budget 50000 \"Research market trends for AI startups\""), 0, 1, 3);
        ran(seed("orchestrate --monitor \"Create a report on competitor pricing\""), 0, 1);
        CliRun verbose = seed("orchestrate -v --monitor \"Analyze customer feedback data\"");
        ran(verbose, 0, 1);
        assertThat(verbose.out()).contains("Processing request: Analyze customer feedback data");
        ran(seed("orchestrate --monitor \"Qualify this lead: John Smith, CEO at Acme Corp, interested in enterprise plan\""), 0, 1);
        ran(seed("orchestrate --session sess_abc123def456 \"Qualify this lead: John Smith from Acme Corp\""), 0, 1);

        assertThat(Files.isSymbolicLink(logs().resolve("current.jsonl"))).isTrue();
        CliRun all = seed("monitor");
        ran(all, 0);
        assertThat(all.out()).contains("sess_abc123def456", "EXECUTION COMPLETE");
        ran(seed("monitor --session sess_abc123def456"), 0);
        CliRun reasoning = seed("monitor --filter reasoning");
        ran(reasoning, 0);
        assertThat(reasoning.out().lines().filter(l -> l.startsWith("[")).toList()).isNotEmpty().allMatch(l -> l.contains(" reasoning: "));
        CliRun warnings = seed("monitor --level warning");
        ran(warnings, 0);
        assertThat(warnings.out().lines().filter(l -> l.startsWith("[")).count())
                .isLessThan(all.out().lines().filter(l -> l.startsWith("[")).count());
    }

    @Test
    void theTaskIsGivenOnce() {
        CliRun both = seed("orchestrate --task \"Analyze lead\" \"Analyze lead\"");
        assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(both.err()).contains("give the task once: as TASK or with --task, not both");
    }
}
