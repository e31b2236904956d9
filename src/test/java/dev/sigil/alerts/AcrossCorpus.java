package dev.sigil.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.node.ObjectNode;

/**
 * Generated sessions that overlap in time, for the rules over all sessions: alpha and beta run through the night of
 * 2026-03-02, gamma on the next morning in aware times (+02:00), with a line without a time first and one in the
 * middle. Each session spends less than $30 a day (at most 20 reasoning calls of exactly $1 at the flat prices, and
 * cheap steps), the sessions together more (a daily threshold of $30 over all sessions is crossed on both days,
 * one of each session never is). alpha and beta both fail a tool step at their first step from 14:00 on. Large
 * outputs (4 to 64 KiB) now and then in metadata. Each session is {@code sessions/ID/execution.jsonl} of a log
 * directory.
 */
final class AcrossCorpus {

    static final String RULES = """
            {"rules": [
              {"name": "daily-cost-all", "metric": "cost_usd", "scope": {"sessions": "all"}, "window": "day", "op": ">=", "threshold": 30,
               "severity": "critical", "actions": ["stdout:json"]},
              {"name": "daily-cost-each", "metric": "cost_usd", "window": "day", "op": ">=", "threshold": 30, "actions": ["stdout:json"]},
              {"name": "session-cost", "metric": "cost_usd", "op": ">=", "threshold": 12, "actions": ["stdout:json"]},
              {"name": "hourly-tokens-all", "metric": "tokens", "scope": {"sessions": "all"}, "window": "hour", "op": ">=", "threshold": 700000,
               "actions": ["stdout:json"]},
              {"name": "tool-errors-all", "metric": "error_count", "scope": {"sessions": "all", "component": "tools"}, "window": "20m",
               "op": ">=", "threshold": 2, "cooldown": "5m", "actions": ["stdout:json"]},
              {"name": "events-all", "metric": "events", "scope": {"sessions": "all"}, "op": ">=", "threshold": 150, "actions": ["stdout:json"]},
              {"name": "p95-all", "metric": "latency_p95_ms", "scope": {"sessions": "all"}, "window": "1h", "op": ">", "threshold": 8000,
               "cooldown": "30m", "actions": ["stdout:json"]}
            ]}
            """;

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** A line and the instant it was written at (for writing the logs as they would grow). */
    record Line(String session, long epochSecond, String json) {
    }

    /** Each session's lines, in order. */
    final Map<String, List<Line>> sessions = new LinkedHashMap<>();

    private final Random random;
    /** Writes the entries (their bytes, the sessions' totals, the large outputs) as the other alert corpus does. */
    private final AlertCorpus entries;

    AcrossCorpus(long seed) {
        random = new Random(seed);
        entries = new AlertCorpus(seed);
        session("alpha", LocalDateTime.of(2026, 3, 2, 8, 0), LocalDateTime.of(2026, 3, 3, 3, 0), false);
        session("beta", LocalDateTime.of(2026, 3, 2, 9, 30), LocalDateTime.of(2026, 3, 3, 11, 0), false);
        session("gamma", LocalDateTime.of(2026, 3, 3, 1, 0), LocalDateTime.of(2026, 3, 3, 12, 0), true);
    }

    /** The file of {@code session} under {@code logs}. */
    static Path file(Path logs, String session) {
        return logs.resolve("sessions").resolve(session).resolve("execution.jsonl");
    }

    /** Writes every session whole. */
    List<Path> write(Path logs) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, List<Line>> s : sessions.entrySet()) {
            Path f = file(logs, s.getKey());
            Files.createDirectories(f.getParent());
            StringBuilder b = new StringBuilder();
            s.getValue().forEach(l -> b.append(l.json()).append('\n'));
            Files.writeString(f, b);
            out.add(f);
        }
        return out;
    }

    /** The lines of {@code names} in the order they were written (by their instant, a session's own order kept). */
    List<Line> asWritten(List<String> names) {
        List<Line> out = new ArrayList<>();
        names.forEach(n -> out.addAll(sessions.get(n)));
        out.sort(Comparator.comparingLong(Line::epochSecond)); // stable: a session's lines stay in order
        return out;
    }

    private void session(String id, LocalDateTime start, LocalDateTime end, boolean aware) {
        List<Line> lines = new ArrayList<>();
        Map<Integer, Integer> reasoningPerDay = new HashMap<>();
        LocalDateTime t = start;
        if (aware) {
            lines.add(line(id, t, "", "session_start", "orchestrator", 0, AlertCorpus.meta()));
        } else {
            lines.add(line(id, t, SECONDS.format(t), "session_start", "orchestrator", 0, AlertCorpus.meta()));
        }
        boolean failed = false;
        int i = 0;
        while (t.isBefore(end)) {
            t = t.plusSeconds(300 + random.nextInt(600));
            i++;
            boolean failsNow = !failed && t.getHour() >= 14 && t.toLocalDate().getDayOfMonth() == 2;
            failed |= failsNow;
            int day = t.getDayOfMonth();
            boolean reasoning = i % 3 == 1 && reasoningPerDay.getOrDefault(day, 0) < 20;
            if (reasoning) {
                reasoningPerDay.merge(day, 1, Integer::sum);
            }
            String type = failsNow || random.nextInt(14) == 0 ? "step_error" : "step_complete";
            String component = failsNow || random.nextInt(5) == 0 ? "tools" : reasoning ? "reasoning" : "planning";
            long in = reasoning ? 250_000 : random.nextInt(10_000);
            long out = reasoning ? 50_000 : random.nextInt(1_000);
            ObjectNode m = entries.usage(AlertCorpus.meta(), in, out, random.nextInt(6) == 0 ? AlertCorpus.UNPRICED : AlertCorpus.PRICED);
            m.put("latency_ms", random.nextInt(12) == 0 ? 9000 + random.nextInt(20_000) : 200 + random.nextInt(5000));
            if (reasoning) {
                m.putObject("tokens_used").put("input_tokens", in).put("output_tokens", out).put("total_tokens", in + out).put("model", AlertCorpus.PRICED);
            }
            String ts = aware ? SECONDS.format(t.plusHours(2)) + ".500000+02:00" : SECONDS.format(t);
            lines.add(line(id, t, aware && i == 7 ? "not a time" : ts, type, component, -1, m));
        }
        t = t.plusSeconds(3);
        long total = entries.total(id);
        lines.add(line(id, t, SECONDS.format(t), "session_complete", "orchestrator", total, AlertCorpus.meta().put("total_tokens", total)));
        sessions.put(id, lines);
    }

    /** One execution entry at {@code t} (UTC), its timestamp written as {@code ts}; {@code tokens} < 0: its usage's. */
    private Line line(String session, LocalDateTime t, String ts, String type, String component, long tokens, ObjectNode metadata) {
        return new Line(session, t.toEpochSecond(ZoneOffset.UTC), entries.entry(ts, session, type, component, tokens, metadata));
    }
}
