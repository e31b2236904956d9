package dev.sigil.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesFileTest {

    /** The rule of the interface section, as written there. */
    static final String INTERFACE = """
            rules:
              - name: reasoning-cost
                metric: cost_usd          # also: tokens, budget_percent, error_count, latency_p95_ms, events, unpriced_tokens, ...
                scope: {component: reasoning}
                window: session           # or 15m, 1h, day
                op: ">="
                threshold: 5.0
                severity: warning
                cooldown: 10m
                actions: [stdout]
            """;

    @TempDir
    Path dir;

    @Test
    void theInterfaceRuleReadsAsWritten() {
        Rule r = read(INTERFACE).rules().get(0);
        assertThat(r.name()).isEqualTo("reasoning-cost");
        assertThat(r.metric()).isEqualTo(Metric.COST_USD);
        assertThat(r.scope()).isEqualTo(new Scope("reasoning", null, null, null, null, false));
        assertThat(r.window()).isEqualTo(Window.SESSION);
        assertThat(r.op()).isEqualTo(Op.GE);
        assertThat(r.threshold()).isEqualByComparingTo("5");
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.cooldownMicros()).isEqualTo(600_000_000L);
        assertThat(r.actions()).containsExactly(Rule.Action.STDOUT);
        assertThat(r.line()).isEqualTo(2);
        assertThat(r.condition()).isEqualTo("cost_usd >= 5 over session");
    }

    @Test
    void theExampleFileOfTheSeedsValidates() {
        RuleSet set = RulesFile.load(Path.of("docs/examples/alerts.yaml"));
        assertThat(set.rules()).hasSize(13);
        assertThat(set.rules()).extracting(Rule::name).contains("hourly-cost-warning", "hourly-cost-critical", "daily-cost-warning",
                "daily-cost-critical", "hourly-tokens-warning", "hourly-tokens-critical", "error-rate-spike", "expensive-workflow");
        assertThat(set.enabled()).hasSize(13);
        assertThat(set.rules()).filteredOn(r -> r.scope().allSessions()).extracting(Rule::name).as("seed 004's thresholds are over all usage")
                .containsExactly("hourly-cost-warning", "hourly-cost-critical", "daily-cost-warning", "daily-cost-critical", "hourly-tokens-warning",
                        "hourly-tokens-critical");
    }

    @Test
    void defaultsAreFilledIn() {
        Rule r = read("rules:\n  - {name: a, metric: events, op: '>', threshold: 1, enabled: false}\n").rules().get(0);
        assertThat(r.window()).isEqualTo(Window.SESSION);
        assertThat(r.severity()).isEqualTo(Severity.WARNING);
        assertThat(r.cooldownMicros()).isNegative();
        assertThat(r.actions()).containsExactly(Rule.Action.STDOUT);
        assertThat(r.enabled()).isFalse();
        assertThat(Window.of("15m").micros()).isEqualTo(900_000_000L);
        assertThat(Window.of("2h").micros()).isEqualTo(7_200_000_000L);
        assertThat(Window.of("30s").micros()).isEqualTo(30_000_000L);
        assertThat(Durations.micros("1d")).isEqualTo(86_400_000_000L);
    }

    @Test
    void everyProblemNamesTheFileTheLineAndTheKey() {
        String text = """
                rules:
                  - name: ok
                    metric: events
                    op: ">"
                    threshold: 1
                  - name: bad one
                    metric: cost
                    window: 3x
                    op: "=>"
                    threshold: "a"
                    cooldown: soon
                    scope: {colour: red}
                    extra: 1
                """;
        assertThat(problems(text)).containsExactly(
                "r.yaml:6: rules.1.name: 'bad one' is not a rule name (letters, digits, _, . and -, at most 64)",
                "r.yaml:7: rules.1.metric: 'cost' is not one of [\"cost_usd\", \"tokens\", \"unpriced_tokens\", \"budget_percent\", \"budget_forecast_s\", \"error_count\","
                        + " \"error_rate\", \"events\", \"latency_p50_ms\", \"latency_p95_ms\", \"latency_max_ms\", \"invalid_lines\"]",
                "r.yaml:8: rules.1.window: '3x' is not a window (session, hour, day, or a number and s, m or h: 15m, 1h)",
                "r.yaml:9: rules.1.op: '=>' is not one of [\">\", \">=\", \"<\", \"<=\", \"==\", \"!=\"]",
                "r.yaml:10: rules.1.threshold: string found, number expected",
                "r.yaml:11: rules.1.cooldown: 'soon' is not a cooldown (a number and s, m, h or d: 30s, 10m, 1d)",
                "r.yaml:12: rules.1.scope.colour: unknown key (a scope has component, model, event_type, level, session and sessions)",
                "r.yaml:13: rules.1.extra: unknown key (a rule has name, description, enabled, metric, scope, window, op, threshold, severity,"
                        + " cooldown and actions)");
    }

    @Test
    void missingKeysUniqueNamesAndTheFileItself() {
        assertThat(problems("rules:\n  - name: a\n    metric: events\n")).containsExactly("r.yaml:2: rules.0: required property 'op' not found",
                "r.yaml:2: rules.0: required property 'threshold' not found");
        assertThat(problems("rules:\n  - {name: a, metric: events, op: '>', threshold: 1}\n  - {name: a, metric: tokens, op: '>', threshold: 1}\n"))
                .containsExactly("r.yaml:3: rules.1.name: 'a' is the name of the rule on line 2 too; names are unique");
        assertThat(problems("rulez: []\n")).containsExactlyInAnyOrder("r.yaml:1: rulez: unknown key (the file holds rules: a list of rules)",
                "r.yaml:1: (the file): required property 'rules' not found");
        assertThat(problems("")).containsExactly("r.yaml: empty rules file (it holds rules: a list of rules)");
        assertThat(problems("rules: [\n")).singleElement().asString().startsWith("r.yaml:1: not valid YAML: ");
        assertThat(problems("rules: []\nrules: []\n")).singleElement().asString().startsWith("r.yaml:2: not valid YAML: Duplicate");
        assertThat(problems("- 1\n")).containsExactly("r.yaml:1: (the file): array found, object expected");
        assertThat(problems("rules:\n  - {name: a, metric: events, op: '>', threshold: 1, actions: [{command: [x], timeout: soon}]}\n"))
                .contains("r.yaml:2: rules.0.actions.0.timeout: 'soon' is not a timeout (a number and ms, s or m: 500ms, 5s, 1m)");
        Rule.Action a = read("rules:\n  - {name: a, metric: events, op: '>', threshold: 1, actions: [{command: [x, y], timeout: 1.5m}, {command: [z]}]}\n")
                .rules().get(0).actions().get(0);
        assertThat(a.command()).containsExactly("x", "y");
        assertThat(a.timeoutMillis()).isEqualTo(90_000);
        assertThat(problems("rules:\n  - {name: a, metric: events, op: '>', threshold: 1, actions: [email, {command: [x], colour: 1}, {command: []}]}\n"))
                .containsExactly("r.yaml:2: rules.0.actions.0: 'email' is not an action (stdout, stderr, stdout:json, stderr:json, log, bell,"
                        + " stop, {command: [PROGRAM, ARG...], timeout: 5s} or {webhook: URL})",
                        "r.yaml:2: rules.0.actions.1.colour: unknown key (a command action has command and timeout)",
                        "r.yaml:2: rules.0.actions.2.command: must have at least 1 items but found 0");
        assertThat(problems("rules:\n  - name: a\n    metric: events\n    op: '>'\n    threshold: 1\n    actions:\n"
                + "      - {webhook: 'ftp://x', colour: 1}\n      - {webhook: 'http://127.0.0.1:9/', rate_limit: 10/week, format: xml}\n"))
                .containsExactlyInAnyOrder("r.yaml:7: rules.0.actions.0.colour: unknown key (a webhook action has webhook, timeout, retries, rate_limit and format)",
                        "r.yaml:7: rules.0.actions.0.webhook: 'ftp://x' is not an http or https URL",
                        "r.yaml:8: rules.0.actions.1.format: 'xml' is not one of [\"json\", \"slack\"]",
                        "r.yaml:8: rules.0.actions.1.rate_limit: '10/week' is not a rate limit (a number, / and s, m or h: 10/m)");
        Rule.Action hook = RulesFile.read("r.yaml", ("rules:\n  - {name: a, metric: events, op: '>', threshold: 1, actions: "
                + "[{webhook: 'https://hooks.example.com/x', rate_limit: 3/h, retries: 0, timeout: 2s, format: slack}]}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).rules().get(0).actions().get(0);
        assertThat(hook.webhook()).isEqualTo(new Rule.Hook("https://hooks.example.com/x", 0, 3, 3_600_000, true));
        assertThat(hook.timeoutMillis()).isEqualTo(2_000);
        assertThat(Durations.millis("500ms")).isEqualTo(500);
        assertThat(Durations.millis("5s")).isEqualTo(5_000);
    }

    @Test
    void aRuleOverAllSessions() {
        Rule r = read("rules:\n  - {name: a, metric: cost_usd, scope: {sessions: all, component: reasoning}, window: day, op: '>=', threshold: 50}\n")
                .rules().get(0);
        assertThat(r.scope().allSessions()).isTrue();
        assertThat(r.scope().keys()).containsExactly(Map.entry("component", "reasoning"), Map.entry("sessions", "all"));
        assertThat(read("rules:\n  - {name: a, metric: events, scope: {sessions: each}, op: '>', threshold: 1}\n").rules().get(0).scope())
                .isEqualTo(Scope.ALL);
        assertThat(problems("rules:\n  - name: a\n    metric: budget_percent\n    scope:\n      sessions: all\n    op: '>'\n    threshold: 1\n"
                + "  - name: b\n    metric: events\n    scope: {session: s1,\n      sessions: all}\n    op: '>'\n    threshold: 1\n"
                + "  - {name: c, metric: events, scope: {sessions: some}, op: '>', threshold: 1}\n"))
                .containsExactly("r.yaml:14: rules.2.scope.sessions: 'some' is not one of [\"each\", \"all\"]");
        assertThat(problems("rules:\n  - name: a\n    metric: budget_percent\n    scope:\n      sessions: all\n    op: '>'\n    threshold: 1\n"
                + "  - name: b\n    metric: events\n    scope: {session: s1,\n      sessions: all}\n    op: '>'\n    threshold: 1\n"))
                .containsExactly("r.yaml:5: rules.0.scope.sessions: 'all' with budget_percent: a budget is a session's own (use tokens or cost_usd"
                        + " over all sessions)", "r.yaml:11: rules.1.scope.sessions: 'all' and a session ('s1') together; give one of them");
    }

    @Test
    void theLinesThatFailTheContractAreScopedBySessionOnly() {
        assertThat(read("rules:\n  - {name: a, metric: invalid_lines, scope: {session: s1}, window: 15m, op: '>=', threshold: 3}\n"
                + "  - {name: b, metric: invalid_lines, scope: {sessions: all}, op: '>=', threshold: 1}\n").rules()).hasSize(2);
        assertThat(problems("rules:\n  - name: a\n    metric: invalid_lines\n    scope: {component: reasoning}\n    op: '>='\n    threshold: 1\n"))
                .containsExactly("r.yaml:4: rules.0.scope: invalid_lines counts lines whose fields cannot be trusted: its scope may name"
                        + " only session or sessions");
    }

    @Test
    void aFileThatCannotBeRead() throws Exception {
        Path missing = dir.resolve("none.yaml");
        assertThatThrownBy(() -> RulesFile.load(missing)).isInstanceOf(RulesFileException.class).hasMessage(missing + ": no such file");
        Path good = Files.writeString(dir.resolve("good.yaml"), INTERFACE);
        assertThat(RulesFile.load(good).file()).isEqualTo(good.toString());
        Path directory = Files.createDirectory(dir.resolve("d.yaml"));
        assertThatThrownBy(() -> RulesFile.load(directory)).isInstanceOf(RulesFileException.class).hasMessageStartingWith(directory + ": cannot read");
    }

    private static RuleSet read(String text) {
        return RulesFile.read("r.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(String text) {
        try {
            read(text);
        } catch (RulesFileException e) {
            return e.problems();
        }
        throw new AssertionError("no problem found in " + text);
    }
}
