package dev.sigil.alerts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated logs with known crossings, for the alert tests: a session whose reasoning passes five dollars at a known
 * line (each reasoning call costs exactly $1 at the test's flat prices), a latency spike at a known line, an error
 * burst at known lines among scattered errors, and random lines around them (two sessions interleaved in one file,
 * an unknown model, unreadable and aware timestamps, restated totals, large outputs in metadata).
 */
final class AlertCorpus {

    /** The test's price override file: one flat-priced model (docs/cost.md §4). */
    static final String PRICES_YAML = "providers:\n  testco:\n    models:\n      flat:\n        prices: {input_mtok: 2, output_mtok: 10}\n";
    static final String PRICED = "testco:flat";
    static final String UNPRICED = "nobody:unknown-1";

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);

    /** Where the known crossings are: file name and 1-based line number. */
    final Map<String, Long> known = new HashMap<>();
    final List<Path> files = new ArrayList<>();

    private final Random random;
    private final Map<String, Long> totals = new HashMap<>();

    AlertCorpus(long seed) {
        this.random = new Random(seed);
    }

    static AlertCorpus write(Path dir, long seed) throws IOException {
        AlertCorpus c = new AlertCorpus(seed);
        c.costSession(dir.resolve("cost-a.jsonl"));
        c.latencySession(dir.resolve("lat-b.jsonl"));
        c.errorSessions(dir.resolve("err-c.jsonl"));
        return c;
    }

    private void costSession(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        LocalDateTime t = LocalDateTime.of(2026, 3, 2, 9, 50, 0);
        lines.add(entry(t, "cost-a", "session_start", "orchestrator", 0, meta().put("budget", 4_000_000)));
        int reasoning = 0;
        for (int i = 0; i < 90; i++) {
            t = t.plusSeconds(20 + random.nextInt(20));
            boolean isReasoning = i % 3 == 1;
            String component = isReasoning ? "reasoning" : random.nextBoolean() ? "planning" : "routing";
            long in = isReasoning ? 250_000 : random.nextInt(40_000);
            long out = isReasoning ? 50_000 : random.nextInt(4_000);
            String model = isReasoning || random.nextInt(4) > 0 ? PRICED : UNPRICED;
            lines.add(entry(t, "cost-a", "step_complete", component, in + out, usage(meta(), in, out, model)
                    .put("latency_ms", 100 + random.nextInt(9000) / 10.0)));
            if (isReasoning && ++reasoning == 5) {
                known.put("reasoning-cost", (long) lines.size());
            }
        }
        t = t.plusSeconds(5);
        lines.add(entry(t, "cost-a", "session_complete", "orchestrator", totals.get("cost-a"), meta().put("total_tokens", totals.get("cost-a"))));
        write(file, lines);
    }

    private void latencySession(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        LocalDateTime t = LocalDateTime.of(2026, 3, 2, 23, 30, 0);
        for (int i = 0; i < 120; i++) {
            t = t.plusSeconds(15 + random.nextInt(30));
            double latency = i == 40 ? 45_000.5 : 100 + random.nextInt(8000) / 10.0;
            String ts = i % 17 == 5 ? "not a time" : null;
            ObjectNode m = usage(meta(), random.nextInt(3000), random.nextInt(500), PRICED).put("latency_ms", latency);
            lines.add(ts == null ? entry(t, "lat-b", "step_complete", "reasoning", -1, m) : entry(ts, "lat-b", "step_complete", "reasoning", -1, m));
            if (i == 40) {
                known.put("latency-spike", (long) lines.size());
            }
        }
        write(file, lines);
    }

    /** err-c: an error every ten minutes, then three within a minute; err-d interleaved with it, in aware times. */
    private void errorSessions(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        LocalDateTime t = LocalDateTime.of(2026, 3, 3, 8, 0, 0);
        for (int i = 0; i < 100; i++) {
            t = t.plusSeconds(i >= 80 && i <= 84 ? 10 : 60);
            boolean error = (i % 10 == 3 && i < 80) || i == 80 || i == 82 || i == 84;
            lines.add(entry(t, "err-c", error ? "step_error" : "step_complete", random.nextBoolean() ? "memory" : "reasoning", -1,
                    usage(meta(), random.nextInt(2000), random.nextInt(300), random.nextInt(5) == 0 ? UNPRICED : PRICED)));
            if (i == 84) {
                known.put("error-burst", (long) lines.size());
            }
            if (error && i < 80) {
                // an alert entry as the log action writes it: passed over by every rule, in both readings
                ObjectNode alert = meta().put("severity", "warning");
                alert.putObject("alert").put("rule", "errors").put("severity", "warning").put("metric", "error_count").put("value", 1)
                        .put("threshold", 1).put("session_id", "err-c").put("timestamp", SECONDS.format(t));
                lines.add(entry(t, "err-c", "alert", "orchestrator", 0, alert));
            }
            if (i % 4 == 0) {
                String aware = SECONDS.format(t.plusHours(2)) + ".250000+02:00"; // the same instant as t, with an offset
                lines.add(entry(aware, "err-d", random.nextInt(6) == 0 ? "session_error" : "step_complete", "validation", -1,
                        usage(meta(), random.nextInt(9000), random.nextInt(900), PRICED).put("latency_ms", random.nextInt(2000))));
            }
        }
        write(file, lines);
    }

    /** The tokens written so far in {@code session}, but for its session_complete. */
    long total(String session) {
        return totals.getOrDefault(session, 0L);
    }

    /**
     * What {@code script} (a reference of compat-tests/python) prints for the rules and prices (JSON) and the logs,
     * run by CPython with naive times in UTC.
     */
    static String python(Path script, Path rules, Path prices, List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", script.toString(), rules.toString(), prices.toString()));
        files.forEach(f -> command.add(f.toString()));
        ProcessResult r;
        try {
            r = new ProcessExecutor().command(command).environment("TZ", "UTC").readOutput(true)
                    .redirectError(System.err).timeout(120, TimeUnit.SECONDS).execute();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed for this test (install CPython 3.8 or newer): " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new AssertionError(script.getFileName() + " took more than two minutes", e);
        }
        if (r.getExitValue() != 0) {
            throw new AssertionError(script.getFileName() + " exited with " + r.getExitValue());
        }
        return r.outputUTF8();
    }

    static ObjectNode meta() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A usage record, and now and then a large model output beside it (4 to 64 KiB). */
    ObjectNode usage(ObjectNode m, long in, long out, String model) {
        m.putObject("tokens_used").put("input_tokens", in).put("output_tokens", out).put("total_tokens", in + out).put("model", model);
        if (random.nextInt(8) == 0) {
            m.put("output", "x".repeat(4096 + random.nextInt(60 * 1024)));
        }
        return m;
    }

    private String entry(LocalDateTime t, String session, String type, String component, long tokens, ObjectNode metadata) {
        return entry(SECONDS.format(t), session, type, component, tokens, metadata);
    }

    /** One execution entry; {@code tokens} < 0: those of its usage record (a session_complete restates the total). */
    String entry(String ts, String session, String type, String component, long tokens, ObjectNode metadata) {
        long n = tokens >= 0 ? tokens : metadata.path("tokens_used").path("total_tokens").asLong(0);
        if (!type.equals("session_complete")) {
            totals.merge(session, n, Long::sum);
        }
        ObjectNode e = JsonNodeFactory.instance.objectNode().put("timestamp", ts).put("session_id", session).put("event_type", type)
                .put("component", component).put("message", type + " of " + component).put("tokens", n);
        e.set("metadata", metadata);
        return JSON.encodeToString(e);
    }

    private void write(Path file, List<String> lines) throws IOException {
        Files.writeString(file, String.join("\n", lines) + "\n");
        files.add(file);
    }
}
