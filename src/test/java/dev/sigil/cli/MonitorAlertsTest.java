package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.alerts.RulesFile;
import dev.sigil.monitor.ActionQueue;
import dev.sigil.monitor.LogLocator;
import dev.sigil.monitor.TailFeed;
import dev.sigil.monitor.state.MonitorAction;
import dev.sigil.spend.Prices;

/**
 * {@code sigil monitor --rules}: the stream and minimal displays print each alert as a line, the dashboard's feed
 * posts each as a notice (and rings the bell for a rule that asks), and what they show, read to the end or followed
 * as the log grows, is what {@code sigil alerts test} finds replaying the same log.
 */
class MonitorAlertsTest {

    private static final String RULES = """
            rules:
              - {name: tokens, metric: tokens, op: ">=", threshold: 6000, cooldown: 3m, actions: [stdout]}
              - {name: slow, metric: latency_max_ms, window: 2m, op: ">", threshold: 9000, cooldown: 1m, severity: critical, actions: [bell]}
              - {name: burst, metric: error_count, window: 5m, op: ">=", threshold: 3, cooldown: 2m, actions: [stderr]}
            """;

    @TempDir
    Path home;

    private Map<String, String> env() {
        return Map.of("HOME", home.toString());
    }

    /** Lines of minute {@code from} on: steps with 4-16 KiB outputs, a latency spike at 13, an error burst at 20-23. */
    private static String lines(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int m = from; m < to; m++) {
            boolean error = m >= 20 && m <= 23 || m % 9 == 8;
            double latency = m == 13 ? 12_500 : 400 + 37 * m;
            s.append("{\"timestamp\":\"2026-03-02T10:").append(String.format("%02d", m)).append(":00\",\"session_id\":\"mon-1\",")
                    .append("\"event_type\":\"").append(error ? "step_error" : "step_complete").append("\",\"component\":\"reasoning\",")
                    .append("\"message\":\"step ").append(m).append("\",\"tokens\":").append(error ? 0 : 450 + m)
                    .append(",\"metadata\":{\"latency_ms\":").append(latency).append(",\"output\":\"").append("z".repeat(4096 * (1 + m % 4)))
                    .append("\"}}\n");
        }
        return s.toString();
    }

    /** The monitor in this process: what it writes to its standard output (the stream's bytes) and its exit code. */
    private CliRun monitor(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        java.io.StringWriter err = new java.io.StringWriter();
        Environment environment = new Environment(env(), new java.io.ByteArrayInputStream(new byte[0]), stdout, false, false);
        List<String> all = new ArrayList<>(List.of("monitor"));
        all.addAll(List.of(args));
        int code = SigilCommand.commandLine(environment, new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err))
                .execute(all.toArray(String[]::new));
        return new CliRun(code, stdout.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString());
    }

    private Path log() throws IOException {
        return Files.createDirectories(home.resolve("logs/sessions/mon-1")).resolve("execution.jsonl");
    }

    private List<String> replay(Path rules, Path log) {
        CliRun r = CliRun.run(env(), "alerts", "test", "--rules", rules.toString(), log.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        return r.out().lines().toList();
    }

    @Test
    void streamAndMinimalPrintWhatAReplayFinds() throws IOException {
        Path rules = Files.writeString(home.resolve("rules.yaml"), RULES);
        Path log = Files.writeString(log(), lines(0, 40));
        List<String> expected = replay(rules, log);
        assertThat(expected).anyMatch(l -> l.contains(" tokens:")).anyMatch(l -> l.contains(" slow:")).anyMatch(l -> l.contains(" burst:"));
        for (String mode : List.of("stream", "minimal")) {
            CliRun run = monitor("--mode", mode, "--no-follow", "--rules", rules.toString(), log.toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out().lines().filter(l -> l.startsWith("ALERT ")).map(l -> l.substring(6)).toList()).as(mode).isEqualTo(expected);
        }
        CliRun plain = monitor("--mode", "stream", "--no-follow", log.toString());
        assertThat(plain.out()).as("no rules, no alert lines").doesNotContain("ALERT ");
    }

    @Test
    void theLinesThatFailTheContractFireInTheStreamWhatTheyFireInAReplay() throws IOException {
        Path rules = Files.writeString(home.resolve("rules.yaml"), RULES
                + "  - {name: broken, metric: invalid_lines, window: 10m, op: \">=\", threshold: 2, cooldown: 4m, actions: [stdout]}\n");
        String good = lines(0, 30);
        String[] all = good.split("\n");
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < all.length; i++) {
            log.append(all[i]).append('\n');
            if (i % 4 == 1) {
                log.append(all[i], 0, all[i].length() / 2).append('\n'); // a 4-16 KiB line cut off
            } else if (i % 6 == 3) {
                log.append(all[i].replace("\"reasoning\"", "\"telemetry\"")).append('\n'); // a component the schema does not know
            } else if (i % 7 == 5) {
                log.append("not json\n");
            }
        }
        Path file = Files.writeString(log(), log.toString());
        List<String> expected = replay(rules, file);
        assertThat(expected.stream().filter(l -> l.contains(" broken:")).count()).isGreaterThan(3);
        CliRun run = monitor("--mode", "stream", "--no-follow", "--rules", rules.toString(), file.toString());
        assertThat(run.exitCode()).as("lines were skipped: %s", run.err()).isEqualTo(1);
        assertThat(run.out().lines().filter(l -> l.startsWith("ALERT ")).map(l -> l.substring(6)).toList()).isEqualTo(expected);
    }

    @Test
    void followingTheLogAsItGrowsFiresWhatAReplayOfTheWholeLogFinds() throws Exception {
        Path rules = Files.writeString(home.resolve("rules.yaml"), RULES);
        Path log = Files.writeString(log(), lines(0, 5));
        CompletableFuture<CliRun> monitor = CompletableFuture.supplyAsync(() -> monitor("--mode", "stream",
                "--refresh-rate", "0.05", "--rules", rules.toString(), log.toString()));
        for (int from = 5; from < 40; from += 5) {
            Thread.sleep(120);
            Files.writeString(log, lines(from, from + 5), StandardOpenOption.APPEND);
        }
        Files.writeString(log, "{\"timestamp\":\"2026-03-02T10:45:00\",\"session_id\":\"mon-1\",\"event_type\":\"session_complete\","
                + "\"component\":\"orchestrator\",\"message\":\"done\",\"tokens\":0}\n", StandardOpenOption.APPEND);
        CliRun run = monitor.get(120, TimeUnit.SECONDS);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("ALERT ")).map(l -> l.substring(6)).toList()).isEqualTo(replay(rules, log));
    }

    @Test
    void theDashboardsFeedPostsEachAlertAsANoticeAndRingsTheBellForARuleThatAsks() throws Exception {
        Path rules = Files.writeString(home.resolve("rules.yaml"), RULES);
        Path log = Files.writeString(log(), lines(0, 40));
        List<String> expected = replay(rules, log);
        ByteArrayOutputStream bell = new ByteArrayOutputStream();
        ActionQueue queue = new ActionQueue(100_000, Long.MAX_VALUE);
        List<String> notices = new ArrayList<>();
        try (TailFeed feed = new TailFeed(queue, Clock.systemUTC(), Duration.ofMillis(20), 1 << 20, false)) {
            feed.alerts(LiveRules.monitor(RulesFile.load(rules), Prices.NONE, bell))
                    .start(new LogLocator(home.resolve("logs").toString()).path(log.toString()));
            boolean end = false;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); !end && System.nanoTime() < deadline; ) {
                for (MonitorAction a : queue.drain()) {
                    if (a instanceof MonitorAction.Notice n && n.text().startsWith("alert: ")) {
                        notices.add(n.text().substring(7));
                    }
                    end |= a instanceof MonitorAction.EndOfInput;
                }
                Thread.sleep(10);
            }
            assertThat(end).isTrue();
        }
        assertThat(notices).isEqualTo(expected);
        byte[] rung = bell.toByteArray();
        assertThat(rung).as("one bell per alert of the rule with the bell action").hasSize((int) expected.stream().filter(l -> l.contains(" slow:")).count())
                .containsOnly((byte) 7);
        assertThat(rung).isNotEmpty();
    }
}
