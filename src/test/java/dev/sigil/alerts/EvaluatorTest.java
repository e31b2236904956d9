package dev.sigil.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.event.EventTime;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.spend.Prices;
import dev.sigil.tail.LineDecoder;

/** The evaluator on lines written for each rule: windows, cooldowns, metrics, scopes, bounds. */
class EvaluatorTest {

    /** Every model costs a dollar per thousand tokens. */
    private static final Prices DOLLAR_PER_THOUSAND = new Prices((usage, at) -> Optional.of(BigDecimal.valueOf(usage.totalTokens()).movePointLeft(3)),
            ZoneOffset.UTC);
    private static final EventTime UNDATED = new EventTime(0, false);

    @Test
    void aSessionWindowFiresOnceWithoutACooldownAndAgainAfterOne() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lines.add(step("s", "2026-03-02T10:0" + i + ":00", 1000, "reasoning"));
        }
        assertThat(fired(rule("metric: cost_usd\n    op: '>='\n    threshold: 3"), lines)).containsExactly("s:3 3");
        assertThat(fired(rule("metric: cost_usd\n    op: '>='\n    threshold: 3\n    cooldown: 3m"), lines)).containsExactly("s:3 3", "s:6 6", "s:9 9");
        assertThat(fired(rule("metric: cost_usd\n    op: '>='\n    threshold: 3\n    scope: {component: planning}"), lines)).isEmpty();
    }

    @Test
    void anHourOrADayStartsAgainAndFiresOncePerWindow() {
        List<String> lines = List.of(step("s", "2026-03-02T10:58:00", 600, "a"), step("s", "2026-03-02T10:59:00", 600, "a"),
                step("s", "2026-03-02T10:59:30", 600, "a"), step("s", "2026-03-02T11:00:00", 600, "a"), step("s", "2026-03-02T11:01:00", 600, "a"),
                step("s", "2026-03-03T00:00:00", 5000, "a"));
        assertThat(fired(rule("metric: tokens\n    window: hour\n    op: '>='\n    threshold: 1000"), lines)).containsExactly("s:2 1200", "s:5 1200",
                "s:6 5000");
        assertThat(fired(rule("metric: tokens\n    window: day\n    op: '>='\n    threshold: 1000"), lines)).containsExactly("s:2 1200", "s:6 5000");
    }

    @Test
    void aSlidingWindowForgetsWhatIsOlderThanItsLength() {
        List<String> lines = List.of(error("s", "2026-03-02T10:00:00"), error("s", "2026-03-02T10:03:00"), error("s", "2026-03-02T10:05:00"),
                error("s", "2026-03-02T10:05:30"), error("s", "2026-03-02T10:20:00"), error("s", "2026-03-02T10:21:00"), error("s", "2026-03-02T10:22:00"));
        // at 10:05:00 the window (10:00:00, 10:05:00] holds two errors: the one at 10:00:00 has left it
        assertThat(fired(rule("metric: error_count\n    window: 5m\n    op: '>='\n    threshold: 3"), lines)).containsExactly("s:4 3", "s:7 3");
        assertThat(fired(rule("metric: error_rate\n    window: 5m\n    op: '>='\n    threshold: 100\n    cooldown: 1h"), lines))
                .containsExactly("s:1 100");
    }

    @Test
    void latencyPercentilesAreOfTheNearestRank() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            lines.add(latency("s", "2026-03-02T10:00:" + (i < 10 ? "0" : "") + i, i * 10));
        }
        assertThat(fired(rule("metric: latency_p95_ms\n    op: '>='\n    threshold: 190"), lines)).containsExactly("s:19 190"); // rank ceil(0.95 * 19) = 19
        assertThat(fired(rule("metric: latency_p50_ms\n    op: '=='\n    threshold: 100"), lines)).containsExactly("s:19 100"); // 19 values: rank ceil(9.5) = 10
        assertThat(fired(rule("metric: latency_max_ms\n    op: '>'\n    threshold: 150"), lines)).containsExactly("s:16 160");
        assertThat(fired(rule("metric: latency_max_ms\n    op: '<'\n    threshold: 15"), lines)).containsExactly("s:1 10");
    }

    @Test
    void theBudgetPercentNeedsABudgetAndUnpricedTokensNeedNoPrice() {
        String start = "{\"timestamp\":\"2026-03-02T10:00:00\",\"session_id\":\"s\",\"event_type\":\"session_start\",\"component\":\"orchestrator\","
                + "\"message\":\"go\",\"metadata\":{\"budget\":4000}}";
        List<String> lines = List.of(step("s", "2026-03-02T10:01:00", 1000, "a"), start, step("s", "2026-03-02T10:02:00", 1000, "a"),
                step("s", "2026-03-02T10:03:00", 1000, "a"));
        assertThat(fired(rule("metric: budget_percent\n    op: '>='\n    threshold: 50"), lines)).containsExactly("s:3 50");
        assertThat(fired(rule("metric: unpriced_tokens\n    op: '>'\n    threshold: 0"), lines)).isEmpty();
        assertThat(fired(rule("metric: unpriced_tokens\n    op: '>'\n    threshold: 0"), lines, Prices.NONE)).containsExactly("s:1 1000");
        assertThat(fired(rule("metric: cost_usd\n    op: '>'\n    threshold: 0"), lines, Prices.NONE)).isEmpty();
    }

    @Test
    void aLineWithoutATimeIsPlacedAtItsSessionsNewestTime() {
        List<String> lines = List.of(step("s", "no time", 1000, "a"), step("s", "2026-03-02T10:00:00", 1000, "a"), step("s", "broken", 1000, "a"));
        assertThat(fired(rule("metric: events\n    window: 1h\n    op: '>='\n    threshold: 1\n    cooldown: 0s"), lines)).containsExactly("s:2 1", "s:3 2");
        // fired at a line with no time in a session with none yet: when it fired is unknown, so its cooldown never ends
        assertThat(fired(rule("metric: events\n    op: '>='\n    threshold: 1\n    cooldown: 1s"), lines)).containsExactly("s:1 1");
        assertThat(fired(rule("metric: events\n    op: '>='\n    threshold: 1\n    cooldown: 1s"), lines.subList(1, 3))).containsExactly("s:1 1");
    }

    @Test
    void sessionsCountApartAndScopesMatchEveryKeyGiven() {
        List<String> lines = List.of(step("a", "2026-03-02T10:00:00", 1000, "reasoning"), step("b", "2026-03-02T10:00:01", 1000, "reasoning"),
                step("a", "2026-03-02T10:00:02", 1000, "reasoning"), error("b", "2026-03-02T10:00:03"));
        assertThat(fired(rule("metric: tokens\n    op: '>='\n    threshold: 2000"), lines)).containsExactly("a:3 2000");
        assertThat(fired(rule("metric: events\n    op: '>='\n    threshold: 1\n    scope: {session: b, level: ERROR, event_type: step_error}"), lines))
                .containsExactly("b:4 1");
        assertThat(fired(rule("metric: events\n    op: '!='\n    threshold: 1\n    scope: {model: 'x:y'}"), lines)).containsExactly("a:3 2");
        assertThat(fired(rule("metric: events\n    op: '>'\n    threshold: 0\n    enabled: false"), lines)).isEmpty();
    }

    @Test
    void samplesAreBoundedAndSoAreSessions() {
        Samples s = new Samples(true);
        for (int i = 0; i <= Samples.MAX_SAMPLES; i++) {
            s.add(i, BigDecimal.ONE, i == 0);
        }
        assertThat(s.count()).isEqualTo(Samples.MAX_SAMPLES);
        assertThat(s.sum()).isEqualByComparingTo(BigDecimal.valueOf(Samples.MAX_SAMPLES));
        assertThat(s.errorPercent()).isEqualByComparingTo("0");
        assertThat(new Samples(false).percentile(50)).isNull();
        Evaluator e = new Evaluator(RulesFile.read("r", rule("metric: events\n    op: '>'\n    threshold: 0").getBytes(StandardCharsets.UTF_8)),
                Prices.NONE, UNDATED);
        int alerts = 0;
        for (int i = 0; i <= Evaluator.MAX_SESSIONS; i++) {
            alerts += e.add(event(step("s" + i, "2026-03-02T10:00:00", 1, "a")), "", "", i + 1).size();
        }
        assertThat(alerts).isEqualTo(Evaluator.MAX_SESSIONS);
        assertThat(e.sessionsLeftOut()).isEqualTo(1);
    }

    @Test
    void theLinesThatFailTheContractCountAtTheTimeOfTheLineBeforeThem() {
        String rules = "rules:\n  - {name: each, metric: invalid_lines, window: 5m, op: '>=', threshold: 2}\n"
                + "  - {name: all, metric: invalid_lines, scope: {sessions: all}, op: '>=', threshold: 3}\n"
                + "  - {name: s2, metric: invalid_lines, scope: {session: s2}, op: '>=', threshold: 1}\n";
        Evaluator e = new Evaluator(RulesFile.read("r.yaml", rules.getBytes(StandardCharsets.UTF_8)), DOLLAR_PER_THOUSAND, UNDATED);
        List<String> out = new ArrayList<>();
        // a bad line before any line of its file is of the file's session, with no time yet
        e.invalid("file-a", "a.jsonl", 1, 1).forEach(a -> out.add(text(a)));
        e.add(event(step("s1", "2026-03-02T10:00:00", 5, "routing")), "file-a", "a.jsonl", 2).forEach(a -> out.add(text(a)));
        e.add(event(step("s2", "2026-03-02T10:01:00", 5, "routing")), "file-b", "b.jsonl", 1).forEach(a -> out.add(text(a)));
        e.invalid("file-a", "a.jsonl", 3, 3).forEach(a -> out.add(text(a)));
        e.add(event(step("s1", "2026-03-02T10:03:00", 5, "routing")), "file-a", "a.jsonl", 4).forEach(a -> out.add(text(a)));
        e.invalid("file-a", "a.jsonl", 5, 5).forEach(a -> out.add(text(a)));
        e.invalid("file-b", "b.jsonl", 2, 2).forEach(a -> out.add(text(a)));
        e.add(event(step("s1", "2026-03-02T10:09:00", 5, "routing")), "file-a", "a.jsonl", 6).forEach(a -> out.add(text(a)));
        e.invalid("file-a", "a.jsonl", 7, 7).forEach(a -> out.add(text(a)));
        assertThat(out).containsExactly("each s1 a.jsonl:5 2 2026-03-02T10:03:00", "all s1 a.jsonl:5 3 2026-03-02T10:03:00",
                "s2 s2 b.jsonl:2 1 2026-03-02T10:01:00");
        assertThat(new Evaluator(RulesFile.read("r.yaml", rule("metric: events\n    op: '>='\n    threshold: 1").getBytes(StandardCharsets.UTF_8)),
                DOLLAR_PER_THOUSAND, UNDATED).countsInvalid()).as("no rule counts them: the readers check nothing").isFalse();
    }

    private static String text(Alert a) {
        return a.rule().name() + " " + a.sessionId() + " " + a.file() + ":" + a.line() + " " + a.value() + " " + a.timestamp();
    }

    static String rule(String keys) {
        return "rules:\n  - name: r\n    " + keys + "\n";
    }

    static String step(String session, String ts, long tokens, String component) {
        return "{\"timestamp\":\"" + ts + "\",\"session_id\":\"" + session + "\",\"event_type\":\"step_complete\",\"component\":\"" + component
                + "\",\"message\":\"m\",\"tokens\":" + tokens + ",\"metadata\":{\"tokens_used\":{\"input_tokens\":" + tokens
                + ",\"output_tokens\":0,\"total_tokens\":" + tokens + ",\"model\":\"x:y\"}}}";
    }

    static String error(String session, String ts) {
        return "{\"timestamp\":\"" + ts + "\",\"session_id\":\"" + session + "\",\"event_type\":\"step_error\",\"component\":\"reasoning\","
                + "\"message\":\"failed\"}";
    }

    static String latency(String session, String ts, double ms) {
        return "{\"timestamp\":\"" + ts + "\",\"session_id\":\"" + session + "\",\"event_type\":\"step_complete\",\"component\":\"reasoning\","
                + "\"message\":\"m\",\"metadata\":{\"latency_ms\":" + ms + "}}";
    }

    static LogEvent event(String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return new LineDecoder(true, null).decode(1, 0, b, 0, b.length).entry().event();
    }

    private static List<String> fired(String rules, List<String> lines) {
        return fired(rules, lines, DOLLAR_PER_THOUSAND);
    }

    /** "session:line value" of each alert. */
    private static List<String> fired(String rules, List<String> lines, Prices prices) {
        Evaluator e = new Evaluator(RulesFile.read("r.yaml", rules.getBytes(StandardCharsets.UTF_8)), prices, UNDATED);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (Alert a : e.add(event(lines.get(i)), "file", "f.jsonl", i + 1)) {
                out.add(a.sessionId() + ":" + a.line() + " " + dev.sigil.cost.Money.plain(a.value()));
            }
        }
        return out;
    }
}
