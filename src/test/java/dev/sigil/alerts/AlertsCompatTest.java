package dev.sigil.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.cli.Environment;
import dev.sigil.cli.SigilCommand;
import dev.sigil.compat.CompatTools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sigil alerts test} against an independent reading of the same logs: compat-tests/python/alerts_expected.py
 * derives from docs/alerts.md alone which alerts fire, in which order, with which value, at which line. The logs are
 * {@link AlertCorpus}'s (known crossings among random lines); the rules cover every metric, every kind of window,
 * every operator, explicit and default cooldowns, each scope key and a disabled rule.
 */
@Tag("compat")
class AlertsCompatTest {

    private static final Path SCRIPT = CompatTools.root().resolve("compat-tests/python/alerts_expected.py");
    private static final JsonMapper DECIMALS = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    static final String RULES = """
            {"rules": [
              {"name": "reasoning-cost", "metric": "cost_usd", "scope": {"component": "reasoning"}, "window": "session",
               "op": ">=", "threshold": 5.0, "severity": "warning", "cooldown": "10m", "actions": ["stdout"]},
              {"name": "hourly-tokens", "metric": "tokens", "window": "hour", "op": ">=", "threshold": 1000000},
              {"name": "unpriced", "metric": "unpriced_tokens", "op": ">", "threshold": 0, "severity": "info"},
              {"name": "budget-half", "metric": "budget_percent", "op": ">=", "threshold": 50},
              {"name": "budget-soon", "metric": "budget_forecast_s", "window": "15m", "op": "<", "threshold": 1800, "cooldown": "10m"},
              {"name": "budget-forecast", "metric": "budget_forecast_s", "op": "<=", "threshold": 3600},
              {"name": "error-burst", "metric": "error_count", "window": "5m", "op": ">=", "threshold": 3, "severity": "critical"},
              {"name": "error-rate", "metric": "error_rate", "window": "15m", "op": ">", "threshold": 20, "cooldown": "5m"},
              {"name": "latency-spike", "metric": "latency_max_ms", "window": "1h", "op": ">", "threshold": 30000},
              {"name": "slow-p95", "metric": "latency_p95_ms", "window": "day", "op": ">=", "threshold": 800, "cooldown": "30m"},
              {"name": "fast-p50", "metric": "latency_p50_ms", "window": "15m", "op": "<", "threshold": 450, "cooldown": "20m"},
              {"name": "heartbeat", "metric": "events", "op": ">=", "threshold": 1, "cooldown": "5m"},
              {"name": "flat-model-tokens", "metric": "tokens", "scope": {"model": "testco:flat"}, "window": "15m", "op": ">=",
               "threshold": 600000, "cooldown": "15m"},
              {"name": "never", "enabled": false, "metric": "events", "op": ">=", "threshold": 0},
              {"name": "two-errors-a-day", "metric": "events", "scope": {"level": "ERROR"}, "window": "day", "op": "==", "threshold": 2},
              {"name": "validation-cheap", "metric": "cost_usd", "scope": {"event_type": "step_complete", "session": "err-d"},
               "window": "30m", "op": "<=", "threshold": 0.05, "cooldown": "1h"},
              {"name": "not-ten", "metric": "events", "scope": {"component": "planning"}, "op": "!=", "threshold": 10, "cooldown": "10m"}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void theAlertsAreWhatAnIndependentReaderFinds() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("AlertsCompatTest corpus seed " + seed);
        AlertCorpus corpus = AlertCorpus.write(dir, seed);
        Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
        Path prices = Files.writeString(dir.resolve("prices.yaml"), AlertCorpus.PRICES_YAML);
        Path pythonPrices = Files.writeString(dir.resolve("prices.json"), "{\"" + AlertCorpus.PRICED + "\": {\"input_mtok\": \"2\", \"output_mtok\": \"10\"}}");

        List<String> args = new ArrayList<>(List.of("alerts", "test", "--rules", rules.toString(), "--prices", prices.toString(), "--format", "json"));
        corpus.files.forEach(f -> args.add(f.toString()));
        List<JsonNode> sigil = lines(sigil(1, args.toArray(String[]::new)));
        List<JsonNode> python = lines(AlertCorpus.python(SCRIPT, rules, pythonPrices, corpus.files));

        assertThat(sigil).as("alerts fired").hasSizeGreaterThan(20);
        sameAlerts(sigil, python, seed);
        Set<String> fired = new HashSet<>();
        sigil.forEach(a -> fired.add(a.get("rule").stringValue()));
        assertThat(fired).as("every enabled rule fires somewhere").hasSize(16).doesNotContain("never");
        known(sigil, corpus, "reasoning-cost", "cost-a.jsonl");
        known(sigil, corpus, "latency-spike", "lat-b.jsonl");
        known(sigil, corpus, "error-burst", "err-c.jsonl");
        assertThat(sigil.stream().filter(a -> a.get("rule").stringValue().equals("heartbeat") && a.get("session_id").stringValue().equals("cost-a")))
                .as("the cooldown lets the heartbeat fire again, but not on every line").hasSizeBetween(3, 40);
    }

    static final String INVALID_RULES = """
            {"rules": [
              {"name": "any-invalid", "metric": "invalid_lines", "op": ">=", "threshold": 1, "actions": ["stdout:json"]},
              {"name": "invalid-burst", "metric": "invalid_lines", "window": "15m", "op": ">=", "threshold": 3, "cooldown": "5m",
               "severity": "critical", "actions": ["stdout:json"]},
              {"name": "invalid-hour", "metric": "invalid_lines", "window": "hour", "op": ">=", "threshold": 4, "actions": ["stdout:json"]},
              {"name": "invalid-a", "metric": "invalid_lines", "scope": {"session": "bad-a"}, "window": "day", "op": ">=",
               "threshold": 6, "cooldown": "20m", "actions": ["stdout:json"]},
              {"name": "errors", "metric": "error_count", "window": "10m", "op": ">=", "threshold": 3, "cooldown": "10m", "actions": ["stdout:json"]}
            ]}
            """;

    /**
     * invalid_lines against the independent reading: lines that are not JSON (text, a 4-64 KiB entry cut in the middle,
     * an array) or that the schema refuses (large and small), jsonschema deciding for CPython.
     */
    @Test
    void theLinesThatFailTheContractAreWhatAnIndependentReaderFinds() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("AlertsCompatTest invalid-lines corpus seed " + seed);
        InvalidCorpus corpus = InvalidCorpus.write(dir, seed);
        Path rules = Files.writeString(dir.resolve("rules.yaml"), INVALID_RULES);
        Path prices = Files.writeString(dir.resolve("prices.json"), "{}");
        List<JsonNode> sigil = lines(sigil(1, replay(rules, corpus)));
        List<JsonNode> python = lines(AlertCorpus.python(SCRIPT, rules, prices, corpus.files));

        assertThat(corpus.kinds).as("every kind of bad line written (seed %d)", seed).containsOnlyKeys("json", "cut", "array", "schema");
        sameAlerts(sigil, python, seed);
        Set<String> fired = new HashSet<>();
        sigil.forEach(a -> fired.add(a.get("rule").stringValue()));
        assertThat(fired).as("every rule fires (seed %d)", seed).containsExactlyInAnyOrder("any-invalid", "invalid-burst", "invalid-hour", "invalid-a", "errors");
        for (Path f : corpus.files) {
            JsonNode first = sigil.stream().filter(a -> a.get("rule").stringValue().equals("any-invalid")
                    && a.get("file").stringValue().equals(f.toString())).findFirst().orElseThrow();
            assertThat(first.get("line").longValue()).as("first bad line of %s", f.getFileName()).isEqualTo(corpus.firstBad.get(f.getFileName().toString()));
            assertThat(first.get("timestamp").stringValue()).as("the time of the line before it").isNotEmpty();
        }
    }

    /** A watch reading the same log to its end delivers (stdout:json) what the replay prints. */
    @Test
    void aWatchFindsTheLinesThatFailTheContractAsTheReplayDoes() throws Exception {
        InvalidCorpus corpus = InvalidCorpus.write(dir, new Random().nextLong());
        Path rules = Files.writeString(dir.resolve("rules.yaml"), INVALID_RULES);
        List<String> watch = new ArrayList<>(List.of("alerts", "watch", "--no-follow", "--rules", rules.toString()));
        corpus.files.forEach(f -> watch.add(f.toString()));
        String replayed = sigil(1, replay(rules, corpus));
        assertThat(replayed.lines().filter(l -> l.contains("\"metric\":\"invalid_lines\"")).count()).isGreaterThan(5);
        assertThat(sigil(0, watch.toArray(String[]::new))).isEqualTo(replayed);
    }

    /** The same alerts in the same order, with the same exact values (Python's as strings). */
    private static void sameAlerts(List<JsonNode> sigil, List<JsonNode> python, long seed) {
        assertThat(keys(sigil)).as("the alerts, in order (seed %d)", seed).isEqualTo(keys(python));
        for (int i = 0; i < sigil.size(); i++) {
            BigDecimal mine = sigil.get(i).get("value").decimalValue();
            BigDecimal theirs = new BigDecimal(python.get(i).get("value").stringValue());
            assertThat(mine).as("value of %s", keys(sigil).get(i)).isEqualByComparingTo(theirs);
        }
    }

    private static String[] replay(Path rules, InvalidCorpus corpus) {
        List<String> args = new ArrayList<>(List.of("alerts", "test", "--rules", rules.toString(), "--format", "json"));
        corpus.files.forEach(f -> args.add(f.toString()));
        return args.toArray(String[]::new);
    }

    /** The first alert of {@code rule} names the line where the corpus put its crossing. */
    private static void known(List<JsonNode> alerts, AlertCorpus corpus, String rule, String file) {
        JsonNode first = alerts.stream().filter(a -> a.get("rule").stringValue().equals(rule)).findFirst().orElseThrow();
        assertThat(first.get("file").stringValue()).endsWith(file);
        assertThat(first.get("line").longValue()).as("line of %s", rule).isEqualTo(corpus.known.get(rule));
    }

    private static List<String> keys(List<JsonNode> alerts) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : alerts) {
            out.add(a.get("rule").stringValue() + " " + a.get("severity").stringValue() + " " + a.get("metric").stringValue() + " "
                    + a.get("session_id").stringValue() + " " + a.get("timestamp").stringValue() + " " + Path.of(a.get("file").stringValue()).getFileName()
                    + ":" + a.get("line").longValue());
        }
        return out;
    }

    private static List<JsonNode> lines(String text) {
        List<JsonNode> out = new ArrayList<>();
        text.lines().filter(l -> !l.isBlank()).forEach(l -> out.add(DECIMALS.readTree(l)));
        return out;
    }

    private String sigil(int exit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of("HOME", dir.resolve("home").toString()), new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), false, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(out), new PrintWriter(err)).execute(args);
        assertThat(code).as("sigil %s: %s", String.join(" ", args), err).isEqualTo(exit);
        return out.toString();
    }
}
