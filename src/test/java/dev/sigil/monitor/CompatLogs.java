package dev.sigil.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random but reproducible session logs for the compat tests: non-ASCII and control characters in messages, large
 * numbers, floats that round at .5 in Python's formats, many and odd component names, restated totals, sessions
 * that end, fail or stop. Written as CPython writes them.
 */
final class CompatLogs {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final PythonJsonWriter WRITER = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT);
    private static final String[] COMPONENTS = {"orchestrator", "routing", "memory", "planning", "reasoning", "contracts",
        "validation", "tools", "ünïcödé", "東京コンポーネント", "a_very_long_component_name", "x", "", "with space",
        "emoji-\uD83D\uDE80", "router", "twelve_chars", "Reasoning"};
    private static final String[] MESSAGES = {"Intent classified as: lead_analysis", "Résumé prêt", "東京で分析完了",
        "quote \" and backslash \\", "tab\there", "new\nline", "escape \u001b[2J\u001b[31mred\u001b[0m", "cr\rreturn",
        "emoji \uD83D\uDE00\uD83D\uDC4D", "", "  padded  ", "percent % {braces} {0}", "zero\u200bwidth", "bidi \u202Eevil"};
    private static final double[] TIES = {0.5, 1.5, 2.5, 0.125, 2.675, 1234.5, 0.05, 0.25, 1e-7, 99999.5, 1e15 + 0.5};
    private static final long[] BUDGETS = {0, 1, 7, 800, 256_000, 1_000_000_000_000L, 123_456_789_012_345L};

    private CompatLogs() {
    }

    /** One session's log: lines ending in newlines. */
    static String session(String id, long seed) {
        Random r = new Random(seed);
        List<String> lines = new ArrayList<>();
        String offset = r.nextInt(3) == 0 ? (r.nextBoolean() ? "+05:30" : "-08:00") : "";
        long micros = 36_000L * 1_000_000 + r.nextInt(1_000_000);
        boolean started = r.nextInt(6) != 0;
        if (started) {
            ObjectNode meta = MAPPER.createObjectNode().put("task", "Analyze Acme Corp");
            if (r.nextInt(5) != 0) {
                meta.put("budget", BUDGETS[r.nextInt(BUDGETS.length)]);
            }
            lines.add(line(timestamp(micros, offset), id, "session_start", "orchestrator", "Starting pipeline", 0, meta));
        }
        long total = 0;
        int n = 3 + r.nextInt(50);
        for (int i = 0; i < n; i++) {
            micros += tieOrRandomStep(r);
            String type = r.nextInt(4) == 0 ? pick(r, "step_error", "token_consumption", "plan_created", "budget_warning",
                    "retry_attempt", "reasoning_step", "step_start") : "step_complete";
            long tokens = tokens(r);
            ObjectNode meta = MAPPER.createObjectNode();
            if (r.nextInt(4) != 0) {
                double latency = r.nextInt(3) == 0 ? TIES[r.nextInt(TIES.length)] : r.nextInt(2) == 0 ? r.nextInt(5000) : r.nextDouble() * 3000;
                if (latency == Math.rint(latency) && r.nextBoolean()) {
                    meta.put("latency_ms", (long) latency);
                } else {
                    meta.put("latency_ms", latency);
                }
            }
            if (type.equals("step_error")) {
                meta.put("error", "timeout after 30s").put("error_type", "TimeoutError");
            }
            lines.add(line(timestamp(micros, offset), id, type, COMPONENTS[r.nextInt(COMPONENTS.length)],
                    MESSAGES[r.nextInt(MESSAGES.length)], tokens, meta));
            total += tokens;
        }
        int end = r.nextInt(5);
        micros += tieOrRandomStep(r);
        if (end <= 1) {
            long tokens = end == 0 ? total : r.nextInt(3) == 0 ? 0 : tokens(r);
            ObjectNode meta = MAPPER.createObjectNode().put("total_latency_ms", 1234.5).put("steps_completed", n);
            lines.add(line(timestamp(micros, offset), id, "session_complete", "orchestrator", "Pipeline completed", tokens, meta));
        } else if (end == 2) {
            ObjectNode meta = MAPPER.createObjectNode().put("error", "boom").put("error_type", "RuntimeError");
            lines.add(line(timestamp(micros, offset), id, "session_error", "orchestrator", "Pipeline failed", 0, meta));
        }
        if (end <= 2 && r.nextInt(4) == 0) {
            lines.add(line(timestamp(micros + 1, offset), id, "step_complete", "memory", "after the end", 5, MAPPER.createObjectNode()));
        }
        return String.join("\n", lines) + "\n";
    }

    /** Steps that make elapsed times end on exact .x5 ties now and then (0.25 s, 0.75 s), else random. */
    private static long tieOrRandomStep(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> 250_000;
            case 1 -> 750_000;
            case 2 -> 1_000_000;
            default -> r.nextInt(3_000_000);
        };
    }

    private static long tokens(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> 0;
            case 1 -> 1_000_000_000L + r.nextInt(1_000_000_000) * 997L;
            case 2 -> r.nextInt(10);
            default -> r.nextInt(20_000);
        };
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** What Python's isoformat() writes: the fraction only when the microseconds are not zero. */
    private static String timestamp(long micros, String offset) {
        long seconds = micros / 1_000_000;
        long fraction = micros % 1_000_000;
        String base = String.format("2026-01-11T%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        return base + (fraction == 0 ? "" : String.format(".%06d", fraction)) + offset;
    }

    private static String line(String ts, String id, String type, String component, String message, long tokens, ObjectNode meta) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("timestamp", ts);
        n.put("session_id", id);
        n.put("event_type", type);
        n.put("component", component);
        n.put("message", message);
        n.put("tokens", tokens);
        n.set("metadata", meta);
        return WRITER.encodeToString(n);
    }
}
