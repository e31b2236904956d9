package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sigil alerts test} and {@code list} in-process: output, formats, exit codes, errors. */
class AlertsCommandTest {

    private static final String RULES = """
            rules:
              - name: reasoning-cost
                metric: tokens
                scope: {component: reasoning}
                op: ">="
                threshold: 2000
                severity: critical
                actions: [stdout]
              - name: quiet
                enabled: false
                metric: events
                op: ">"
                threshold: 0
                cooldown: 5m
                actions: [stderr, stdout:json]
            """;

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return Map.of("HOME", dir.resolve("home").toString());
    }

    private Path log() throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            s.append("{\"timestamp\":\"2026-03-02T10:0").append(i).append(":00\",\"session_id\":\"s1\",\"event_type\":\"step_complete\",")
                    .append("\"component\":\"reasoning\",\"message\":\"m\",\"tokens\":1000}\n");
        }
        s.append("not json\n");
        return Files.writeString(dir.resolve("run.jsonl"), s);
    }

    @Test
    void testPrintsEachAlertWithTheLineThatFiredIt() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        Path log = log();
        CliRun json = CliRun.run(env(), "alerts", "test", "--rules", rules.toString(), log.toString(), "--format", "json");
        assertThat(json.exitCode()).isEqualTo(ExitCode.FINDINGS);
        assertThat(json.out()).isEqualTo("{\"rule\":\"reasoning-cost\",\"severity\":\"critical\",\"metric\":\"tokens\",\"value\":2000,\"op\":\">=\","
                + "\"threshold\":2000,\"window\":\"session\",\"scope\":{\"component\":\"reasoning\"},\"session_id\":\"s1\","
                + "\"timestamp\":\"2026-03-02T10:01:00\",\"file\":\"" + log + "\",\"line\":2}\n");
        assertThat(json.err()).isEqualTo("sigil alerts test: 1 file, 3 lines; 1 line skipped (not JSON objects, or longer than 16 MiB)\n");
        CliRun text = CliRun.run(env(), "alerts", "test", "--rules", rules.toString(), log.toString());
        assertThat(text.out()).isEqualTo("2026-03-02T10:01:00 CRITICAL reasoning-cost: tokens 2000 >= 2000 over session (session s1, " + log + ":2)\n");
    }

    @Test
    void noAlertIsExitZeroAndTheDefaultRulesAreInTheHome() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home/.sigil"));
        Files.writeString(home.resolve("alerts.yaml"), RULES.replace("2000", "9000"));
        CliRun r = CliRun.run(env(), "alerts", "test", log().toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEmpty();
        Path empty = Files.writeString(dir.resolve("empty.jsonl"), "");
        assertThat(CliRun.run(env(), "alerts", "test", empty.toString()).err()).isEqualTo("sigil alerts test: 1 file, 0 lines; no line read\n");
    }

    @Test
    void listShowsTheRules() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        CliRun table = CliRun.run(env(), "alerts", "list", "--rules", rules.toString());
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).isEqualTo("""
                RULE              CONDITION                    SCOPE                SEVERITY  COOLDOWN  LAST FIRED  ACTIONS
                reasoning-cost    tokens >= 2000 over session  component=reasoning  critical  once      never       stdout
                quiet (disabled)  events > 0 over session      all                  warning   5m        never       stderr,stdout:json
                """);
        CliRun json = CliRun.run(env(), "alerts", "list", "--rules", rules.toString(), "--format", "json");
        assertThat(json.out()).isEqualTo("[{\"name\":\"reasoning-cost\",\"enabled\":true,\"metric\":\"tokens\",\"scope\":{\"component\":\"reasoning\"},"
                + "\"window\":\"session\",\"op\":\">=\",\"threshold\":2000,\"severity\":\"critical\",\"cooldown\":null,\"actions\":[\"stdout\"],\"last_fired\":null,\"line\":2},"
                + "{\"name\":\"quiet\",\"enabled\":false,\"metric\":\"events\",\"scope\":{},\"window\":\"session\",\"op\":\">\",\"threshold\":0,"
                + "\"severity\":\"warning\",\"cooldown\":\"5m\",\"actions\":[\"stderr\",\"stdout:json\"],\"last_fired\":null,\"line\":9}]\n");
    }

    @Test
    void badInputIsAUsageErrorNamingTheProblem() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "rules:\n  - name: x\n    metric: nope\n    op: '>'\n    threshold: 1\n");
        CliRun r = CliRun.run(env(), "alerts", "list", "--rules", bad.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).startsWith("sigil alerts list: error: " + bad + ":3: rules.0.metric: 'nope' is not one of [")
                .contains("sigil alerts list: invalid rules file");
        CliRun missing = CliRun.run(env(), "alerts", "list");
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing.err()).contains(dir.resolve("home/.sigil/alerts.yaml") + ": no such file");
        assertThat(CliRun.run(env(), "alerts", "test", "--rules", rules.toString()).err()).contains("give the logs to read: PATH..., --session ID or --all");
        assertThat(CliRun.run(env(), "alerts", "test", "--rules", rules.toString(), "--format", "xml", log().toString()).err())
                .contains("--format must be text or json; not 'xml'");
        assertThat(CliRun.run(env(), "alerts", "list", "--rules", rules.toString(), "--format", "csv").err())
                .contains("--format must be table or json; not 'csv'");
        assertThat(CliRun.run(env(), "alerts", "test", "--rules", rules.toString(), dir.resolve("none.jsonl").toString()).err())
                .contains("none.jsonl: no such file or directory");
    }

    @Test
    void theGroupShowsItsCommandsAndAllReadsEverySession() throws Exception {
        CliRun r = CliRun.run(env(), "alerts");
        assertThat(r.out()).contains("test", "list");
        assertThat(CliRun.run(env(), "--help").out()).contains("alerts");
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs.resolve("sessions/s1"));
        Files.copy(log(), logs.resolve("sessions/s1/execution.jsonl"));
        CliRun all = CliRun.run(env(), "alerts", "test", "--rules", rules.toString(), "--all", "--log-path", logs.toString(), "--format", "json");
        assertThat(all.exitCode()).as(all.err()).isEqualTo(ExitCode.FINDINGS);
        assertThat(all.out()).contains("\"session_id\":\"s1\"", "\"line\":2");
    }
}
