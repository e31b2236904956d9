package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sigil orchestrate --rules}: the rules see every entry the run writes, their {@code log} action writes an
 * {@code alert} entry right after the line that fired it, and a rule with {@code stop} ends the run before its next
 * step with exit code 4 and RUN_002; what fired live is what {@code sigil alerts test} finds replaying the log.
 */
class OrchestrateAlertsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private CliRun sigil(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        return CliRun.run(env, args);
    }

    private CliRun orchestrate(String session, Path rules) {
        return sigil("orchestrate", "--log-path", home.resolve("logs").toString(), "--session", session, "--speed", "0", "--rules",
                rules.toString(), "Qualify this lead: Ada Lovelace, CTO at Analytical Engines");
    }

    private List<JsonNode> entries(String session) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(home.resolve("logs/sessions").resolve(session).resolve("execution.jsonl"))) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void aStopRuleEndsTheRunBeforeItsNextStepAndEveryAlertIsLoggedWhereItFired() throws IOException {
        Path rules = Files.writeString(home.resolve("rules.yaml"), """
                rules:
                  - {name: steps, metric: events, scope: {event_type: step_complete}, op: ">=", threshold: 2, cooldown: 1s, actions: [log, stderr]}
                  - {name: too-many-tokens, metric: tokens, op: ">=", threshold: 1500, severity: critical, actions: [log, stop, "stdout:json"]}
                """);
        CliRun run = orchestrate("stop-1", rules);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.ALERT_STOPPED);
        assertThat(run.out()).contains("EXECUTION STOPPED: ALERT RULE", "Error RUN_002:");
        List<JsonNode> log = entries("stop-1");
        JsonNode last = log.get(log.size() - 1);
        assertThat(last.get("event_type").stringValue()).isEqualTo("session_error");
        assertThat(last.get("metadata").get("error_info").get("error_code").stringValue()).isEqualTo("RUN_002");
        assertThat(last.get("message").stringValue()).contains("alert rule too-many-tokens fired", "stopped before");

        List<JsonNode> logged = log.stream().filter(e -> e.get("event_type").stringValue().equals("alert")).toList();
        assertThat(logged).isNotEmpty();
        for (int i = 0; i < log.size(); i++) {
            JsonNode e = log.get(i);
            if (e.get("event_type").stringValue().equals("alert")) {
                JsonNode alert = e.get("metadata").get("alert");
                // written right after the entry that fired it (or after another alert of that entry)
                int j = i - 1;
                while (log.get(j).get("event_type").stringValue().equals("alert")) {
                    j--;
                }
                assertThat(alert.get("timestamp").stringValue()).isEqualTo(log.get(j).get("timestamp").stringValue());
                assertThat(e.get("metadata").get("severity").stringValue()).isEqualTo(alert.get("severity").stringValue());
            }
        }

        // live and replay: the same alerts, the same values, on the same lines
        CliRun replay = sigil("alerts", "test", "--rules", rules.toString(), "--format", "json",
                home.resolve("logs/sessions/stop-1").toString());
        assertThat(replay.exitCode()).isEqualTo(1);
        List<String> replayed = new ArrayList<>();
        for (String l : replay.out().lines().toList()) {
            JsonNode a = JSON.readTree(l);
            replayed.add(a.get("rule").stringValue() + " " + a.get("value").asString() + " " + a.get("timestamp").stringValue());
        }
        List<String> live = logged.stream().map(e -> e.get("metadata").get("alert"))
                .map(a -> a.get("rule").stringValue() + " " + a.get("value").asString() + " " + a.get("timestamp").stringValue()).toList();
        assertThat(live).isEqualTo(replayed);
        assertThat(run.out().lines().filter(l -> l.startsWith("{\"rule\":\"too-many-tokens\"")).count()).isEqualTo(1);
        assertThat(run.err().lines().filter(l -> l.contains("WARNING steps: events")).count())
                .isEqualTo(live.stream().filter(l -> l.startsWith("steps ")).count());

        // the tokens rule fired once, and the run stopped after the step that fired it: the log's token total passed 1500
        assertThat(sigil("validate", home.resolve("logs/sessions/stop-1/execution.jsonl").toString()).exitCode()).isZero();
    }

    @Test
    void aResumedRunCountsTheEarlierEntriesSoWhatFiredOnceDoesNotFireAgain() throws IOException {
        Path rules = Files.writeString(home.resolve("rules.yaml"), """
                rules:
                  - {name: too-many-tokens, metric: tokens, op: ">=", threshold: 1500, actions: [log, stop]}
                  - {name: more-tokens, metric: tokens, op: ">=", threshold: 4000, actions: [log]}
                """);
        assertThat(orchestrate("res-1", rules).exitCode()).isEqualTo(ExitCode.ALERT_STOPPED);
        CliRun resumed = sigil("orchestrate", "--log-path", home.resolve("logs").toString(), "--session", "res-1", "--speed", "0",
                "--rules", rules.toString(), "--resume");
        assertThat(resumed.exitCode()).as("the stop rule fired in the first run; the windows know it: " + resumed.err()).isZero();
        List<String> live = entries("res-1").stream().filter(e -> e.get("event_type").stringValue().equals("alert"))
                .map(e -> e.get("metadata").get("alert")).map(a -> a.get("rule").stringValue() + " " + a.get("timestamp").stringValue()).toList();
        List<String> replayed = sigil("alerts", "test", "--rules", rules.toString(), "--format", "json",
                home.resolve("logs/sessions/res-1").toString()).out().lines().map(l -> {
                    JsonNode a = JSON.readTree(l);
                    return a.get("rule").stringValue() + " " + a.get("timestamp").stringValue();
                }).toList();
        assertThat(live).isEqualTo(replayed).hasSize(2);
    }

    @Test
    void withoutAStopRuleTheRunCompletesAndABadRulesFileStopsItBeforeItStarts() throws IOException {
        Path rules = Files.writeString(home.resolve("rules.yaml"), "rules:\n  - {name: a, metric: events, op: '>', threshold: 0, actions: [stderr]}\n");
        CliRun run = orchestrate("go-1", rules);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("WARNING a: events 1 > 0 over session (session go-1)");
        Path bad = Files.writeString(home.resolve("bad.yaml"), "rules:\n  - {name: a, metric: cost, op: '>', threshold: 0}\n");
        CliRun refused = orchestrate("go-2", bad);
        assertThat(refused.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(refused.err()).contains("bad.yaml:2: rules.0.metric: 'cost' is not one of");
        assertThat(home.resolve("logs/sessions/go-2")).doesNotExist();
    }
}
