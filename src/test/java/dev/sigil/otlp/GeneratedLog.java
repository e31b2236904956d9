package dev.sigil.otlp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.SplittableRandom;

import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.codec.PythonTimestamp;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic execution logs for the OTLP tests: runs of session_start, steps (step_start, reasoning_step, a usage
 * record on step_complete with a priced model, an unknown one, or none), errors and retries, session_complete; one
 * step in 16 carries an LLM output of 4 to 64 KiB in its metadata. Written as CPython's json.dumps bytes.
 */
final class GeneratedLog {

    static final List<String> MODELS = List.of("anthropic:claude-sonnet-4-5-20250929", "openai:gpt-4o", "google:gemini-2.5-pro",
            "mycorp:internal-llm-7b");
    private static final List<String> COMPONENTS = List.of("routing", "planning", "memory", "reasoning", "contracts", "validation");
    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private GeneratedLog() {
    }

    /** Writes {@code entries} lines of session {@code session} to {@code file}. */
    static void write(Path file, String session, int entries, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        LocalDateTime t = LocalDateTime.of(2026, 11, 30, 9, 0, 0);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            int n = 0;
            int step = 0;
            while (n < entries) {
                t = t.plusNanos(1000L * r.nextInt(1, 2_000_000));
                if (n == 0) {
                    ObjectNode m = F.objectNode().put("task", "Qualify lead " + seed).put("budget", 10_000_000).putNull("agent");
                    n += line(out, t, session, "session_start", "orchestrator", "Starting pipeline", 0, m);
                    continue;
                }
                if (entries - n == 1) {
                    n += line(out, t, session, "session_complete", "orchestrator", "Pipeline completed", 0,
                            F.objectNode().put("steps_completed", step));
                    continue;
                }
                String component = COMPONENTS.get(r.nextInt(COMPONENTS.size()));
                step++;
                n += line(out, t, session, "step_start", component, "Starting step " + step,
                        0, F.objectNode().put("step", "s" + step).put("operation", "op_" + component));
                if (entries - n > 2 && r.nextInt(4) == 0) {
                    t = t.plusNanos(500_000);
                    n += line(out, t, session, "reasoning_step", component, "Called tool lookup", 0, F.objectNode().put("tool", "lookup"));
                }
                if (entries - n <= 1) {
                    continue;
                }
                t = t.plusNanos(1000L * r.nextInt(1000, 900_000));
                n += complete(out, r, t, session, component, step);
            }
        }
    }

    private static int complete(OutputStream out, SplittableRandom r, LocalDateTime t, String session, String component, int step) throws IOException {
        boolean error = r.nextInt(20) == 0;
        double latency = r.nextInt(1, 9_000_000) / 1000.0;
        ObjectNode m = F.objectNode().put("step", "s" + step).put("operation", "op_" + component).put("latency_ms", latency);
        long tokens = 0;
        int kind = r.nextInt(10);
        if (kind < 8) {
            long in = r.nextInt(10, 200_000);
            long outTokens = r.nextInt(1, 8000);
            long cacheRead = r.nextInt(3) == 0 ? r.nextLong(0, in / 2 + 1) : 0;
            long cacheWrite = r.nextInt(4) == 0 ? r.nextLong(0, in / 4 + 1) : 0;
            ObjectNode u = F.objectNode().put("input_tokens", in).put("output_tokens", outTokens).put("total_tokens", in + outTokens)
                    .put("model", MODELS.get(r.nextInt(MODELS.size())));
            if (cacheRead > 0) {
                u.put("cache_read_tokens", cacheRead);
            }
            if (cacheWrite > 0) {
                u.put("cache_write_tokens", cacheWrite);
            }
            m.set("tokens_used", u);
            tokens = in + outTokens;
        } else if (kind == 8) {
            tokens = r.nextInt(1, 5000); // tokens of no named model
        }
        if (r.nextInt(16) == 0) {
            m.put("output", text(r, r.nextInt(4 << 10, 64 << 10)));
        }
        if (error) {
            m.put("error", "upstream timed out").put("error_type", "TimeoutError").put("category", "transient");
            return line(out, t, session, "step_error", component, "Step s" + step + " failed", tokens, m);
        }
        return line(out, t, session, "step_complete", component, "Completed step " + step, tokens, m);
    }

    private static String text(SplittableRandom r, int length) {
        String words = "the plan weighs risks evidence lead qualify revenue market pipeline résumé naïve 東京 \u00e9t\u00e9 summary ";
        StringBuilder b = new StringBuilder(length + 16);
        while (b.length() < length) {
            int at = r.nextInt(words.length() - 8);
            b.append(words, at, at + 8);
            if (r.nextInt(40) == 0) {
                b.append('\n');
            }
        }
        return b.substring(0, length);
    }

    private static int line(OutputStream out, LocalDateTime t, String session, String type, String component, String message, long tokens,
                            ObjectNode metadata) throws IOException {
        ObjectNode e = F.objectNode().put("timestamp", PythonTimestamp.isoformat(t)).put("session_id", session).put("event_type", type)
                .put("component", component).put("message", message).put("tokens", tokens);
        e.set("metadata", metadata);
        out.write(JSON.encode(e));
        out.write('\n');
        return 1;
    }
}
