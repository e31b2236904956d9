package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sigil alerts watch}: live evaluation delivers what a replay of the same lines finds, through each rule's
 * actions; a restart does not deliver again what was delivered; lines appended later fire as a replay says.
 */
class AlertsWatchTest {

    private static final String RULES = """
            rules:
              - {name: tokens, metric: tokens, op: ">=", threshold: 2000, cooldown: 2m, actions: ["stdout:json"]}
              - {name: errors, metric: error_count, window: 5m, op: ">=", threshold: 1, cooldown: 1m, actions: ["stdout:json", stderr]}
            """;

    @TempDir
    Path dir;

    private final AtomicInteger minute = new AtomicInteger();

    private Map<String, String> env() {
        return Map.of("HOME", dir.resolve("home").toString());
    }

    private String lines(int n, String session) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int m = minute.getAndIncrement();
            String type = m % 5 == 4 ? "step_error" : "step_complete";
            s.append("{\"timestamp\":\"2026-03-02T1").append(m / 60).append(':').append(String.format("%02d", m % 60)).append(":00\",\"session_id\":\"")
                    .append(session).append("\",\"event_type\":\"").append(type).append("\",\"component\":\"reasoning\",\"message\":\"")
                    .append("x".repeat(4096 + (m % 3) * 8192)).append("\",\"tokens\":700}\n");
        }
        return s.toString();
    }

    @Test
    void aWatchDeliversWhatAReplayFindsAndARestartDoesNotDeliverItAgain() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        Path session = Files.createDirectories(dir.resolve("logs/sessions/s1"));
        Path log = Files.writeString(session.resolve("execution.jsonl"), lines(12, "s1"));
        String[] watch = {"alerts", "watch", "--rules", rules.toString(), "--no-follow", session.toString()};
        CliRun first = CliRun.run(env(), watch);
        assertThat(first.exitCode()).as(first.err()).isZero();
        String replay = CliRun.run(env(), "alerts", "test", "--rules", rules.toString(), "--format", "json", session.toString()).out();
        assertThat(first.out()).isEqualTo(replay).contains("\"rule\":\"tokens\"", "\"rule\":\"errors\"");
        assertThat(first.err().lines()).hasSize((int) replay.lines().filter(l -> l.contains("\"rule\":\"errors\"")).count())
                .allMatch(l -> l.contains("WARNING errors: error_count"));
        String lastTokens = lastTimestamp(replay, "tokens");
        String lastErrors = lastTimestamp(replay, "errors");
        assertThat(Files.readString(session.resolve("alerts.state.json"))).isEqualTo("{\"log\":\"execution.jsonl\",\"lines\":12,\"fired\":{"
                + "\"errors\":\"" + lastErrors + "\",\"tokens\":\"" + lastTokens + "\"}}\n");
        CliRun list = CliRun.run(env(), "alerts", "list", "--rules", rules.toString(), "--format", "json", session.toString());
        assertThat(list.out()).contains("\"name\":\"tokens\"", "\"last_fired\":\"" + lastTokens + "\"", "\"last_fired\":\"" + lastErrors + "\"");
        CliRun listAll = CliRun.run(env(), "alerts", "list", "--rules", rules.toString(), "--log-path", dir.resolve("logs").toString());
        assertThat(listAll.out()).as(listAll.err()).contains(lastTokens);

        CliRun again = CliRun.run(env(), watch);
        assertThat(again.out()).as("a restart delivers nothing again").isEmpty();

        Files.writeString(log, lines(12, "s1"), StandardOpenOption.APPEND);
        CliRun later = CliRun.run(env(), watch);
        List<String> all = CliRun.run(env(), "alerts", "test", "--rules", rules.toString(), "--format", "json", session.toString()).out().lines().toList();
        List<String> newer = new ArrayList<>(all.subList(replay.lines().toList().size(), all.size()));
        assertThat(newer).isNotEmpty();
        assertThat(later.out().lines().toList()).as("only the alerts of the new lines").isEqualTo(newer);
    }

    @Test
    void aLiveWatchFollowsLogsAsTheyGrowAndNewSessionsWithAll() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        Path logs = dir.resolve("logs");
        Path s1 = Files.createDirectories(logs.resolve("sessions/s1"));
        Files.writeString(s1.resolve("execution.jsonl"), lines(3, "s1"));
        StringWriter out = new StringWriter();
        Environment environment = new Environment(env(), new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(), false, false);
        StringWriter err = new StringWriter();
        int[] code = {-1};
        Thread t = new Thread(() -> code[0] = SigilCommand.commandLine(environment, new PrintWriter(out), new PrintWriter(err))
                .execute("alerts", "watch", "--rules", rules.toString(), "--all", "--log-path", logs.toString(), "--poll-interval", "10"));
        t.start();
        try {
            waitFor(out, "\"session_id\":\"s1\"");
            Path s2 = Files.createDirectories(logs.resolve("sessions/s2"));
            Files.writeString(s2.resolve("execution.jsonl"), lines(6, "s2"));
            waitFor(out, "\"session_id\":\"s2\"");
        } finally {
            t.interrupt();
            t.join(10_000);
        }
        assertThat(code[0]).as(err.toString()).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(out.toString()).contains("\"rule\":\"tokens\",", "\"rule\":\"errors\",");
    }

    @Test
    void aWatchSaysWhatItSkipsAndWhenItCannotKeepItsState() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        Path log = Files.writeString(dir.resolve("run.jsonl"), lines(3, "r") + "not json\n");
        CliRun r = CliRun.run(env(), "alerts", "watch", "--rules", rules.toString(), "--no-follow", log.toString());
        assertThat(r.err()).contains("sigil alerts watch: " + log + ":4: skipped: ");
        assertThat(dir.resolve("run.alerts.state.json")).exists();
        Files.delete(dir.resolve("run.alerts.state.json"));
        Files.createDirectory(dir.resolve("run.alerts.state.json"));
        CliRun broken = CliRun.run(env(), "alerts", "watch", "--rules", rules.toString(), "--no-follow", log.toString());
        assertThat(broken.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(broken.err()).contains("run.alerts.state.json: cannot write the watch's state");
    }

    @Test
    void aCommandGetsTheAlertOnItsStandardInputAndIsStoppedAfterItsTimeout() throws Exception {
        Path received = dir.resolve("received.jsonl");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), """
                rules:
                  - name: tokens
                    metric: tokens
                    op: ">="
                    threshold: 2000
                    cooldown: 2m
                    actions:
                      - command: [python3, -c, "import sys; open(sys.argv[1], 'a').write(sys.stdin.read())", "%s"]
                  - name: slow
                    metric: events
                    op: ">="
                    threshold: 5
                    actions: [{command: [sleep, "60"], timeout: 200ms}, {command: [no-such-program-of-sigil]}, {command: ["false"]}]
                """.formatted(received));
        Path log = Files.writeString(dir.resolve("run.jsonl"), lines(9, "c"));
        long started = System.nanoTime();
        CliRun r = CliRun.run(env(), "alerts", "watch", "--rules", rules.toString(), "--no-follow", log.toString());
        // Not a measure of speed: had the timeout not stopped it, the command would have held the run for a minute.
        assertThat((System.nanoTime() - started) / 1_000_000).as("the sleeping command was stopped").isLessThan(30_000);
        assertThat(r.exitCode()).isZero();
        String replay = CliRun.run(env(), "alerts", "test", "--rules", rules.toString(), "--format", "json", log.toString()).out();
        assertThat(Files.readString(received)).isEqualTo(replay.lines().filter(l -> l.contains("\"rule\":\"tokens\"")).map(l -> l + "\n")
                .reduce("", String::concat)).isNotEmpty();
        assertThat(r.err()).contains("sigil alerts watch: rule slow: command sleep stopped after its timeout of 200 ms",
                "sigil alerts watch: rule slow: command no-such-program-of-sigil cannot run: ", "sigil alerts watch: rule slow: command false exited with 1");
        assertThat(CliRun.run(env(), "alerts", "list", "--rules", rules.toString(), dir.resolve("run.jsonl").toString()).out())
                .contains("command:python3", "command:sleep,command:no-such-program-of-sigil,command:false");
    }

    @Test
    void badOptions() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        assertThat(CliRun.run(env(), "alerts", "watch", "--rules", rules.toString(), "--poll-interval", "0", "x").err())
                .contains("--poll-interval must be 1 to 60000 milliseconds, not 0");
        assertThat(CliRun.run(env(), "alerts", "watch", "--rules", rules.toString()).err()).contains("give the logs to read");
    }

    /** The timestamp of the last alert of {@code rule} among JSON lines. */
    private static String lastTimestamp(String alerts, String rule) {
        String last = null;
        for (String l : alerts.lines().toList()) {
            if (l.contains("\"rule\":\"" + rule + "\"")) {
                int at = l.indexOf("\"timestamp\":\"") + "\"timestamp\":\"".length();
                last = l.substring(at, l.indexOf('"', at));
            }
        }
        assertThat(last).as("an alert of %s", rule).isNotNull();
        return last;
    }

    private static void waitFor(StringWriter out, String text) throws InterruptedException {
        for (int i = 0; i < 1000 && !out.toString().contains(text); i++) {
            Thread.sleep(20);
        }
        assertThat(out.toString()).contains(text);
    }
}
