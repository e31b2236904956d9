package dev.sigil.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.cli.Environment;
import dev.sigil.cli.SigilCommand;
import dev.sigil.compat.CompatTools;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.cost.GenaiPricesOracle;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code sigil report} against an independent reading of the same logs: compat-tests/python/report_totals.py counts
 * the lines from the documentation alone (which lines count, a restated total once, the seed-002 orchestrator's
 * repeats not at all, the usage records that keep the contract, the group of each line), and
 * {@code @pydantic/genai-prices}' own calcPrice under node prices each model call it lists. The logs: real
 * {@code sigil orchestrate} sessions (one stopped by its budget and resumed), a seed-001 style session split into a
 * rotated part and the live file, a seed-002 operation log, and ~2,000 generated lines over every model family of
 * the snapshot, models it does not know, cache and reasoning counts, tiers, naive and aware times over three days.
 * Counts must be equal; dollars equal to 1e-9 relative; what one leaves unpriced the other does too.
 */
@Tag("compat")
class ReportCompatTest {

    private static final Path SCRIPT = CompatTools.root().resolve("compat-tests/python/report_totals.py");
    private static final JsonMapper DECIMALS = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");
    private static final List<String> MODELS = List.of("anthropic:claude-opus-4-5-20251101", "anthropic:claude-sonnet-4-5-20250929",
            "anthropic:claude-haiku-4-5-20251001", "openai:gpt-4.1-mini-2025-04-14", "openai:gpt-4o-2024-08-06", "google:gemini-2.5-flash",
            "deepseek:deepseek-chat", "aws:anthropic.claude-3-5-sonnet-20240620-v1:0", "mycorp:internal-llm-7b", "anthropic:claude-nonexistent-9");

    @TempDir
    static Path dir;
    private static List<Path> files;

    @ParameterizedTest(name = "--by {0}")
    @ValueSource(strings = {"model", "component", "operation", "phase", "session", "day"})
    void theReportIsWhatAnIndependentReaderAndGenaiPricesFind(String by) throws Exception {
        List<Path> logs = corpus();
        List<String> args = new ArrayList<>(List.of("report", "--by", by, "--format", "json"));
        logs.forEach(f -> args.add(f.toString()));
        JsonNode sigil = DECIMALS.readTree(sigil(args.toArray(String[]::new)));
        JsonNode python = python(by, logs);
        Map<String, JsonNode> rows = new HashMap<>();
        for (int i = 0; i < sigil.size() - 1; i++) {
            rows.put(sigil.get(i).get(by).stringValue(), sigil.get(i));
        }
        assertThat(rows.keySet()).isEqualTo(toSet(python.get("groups")));
        JsonNode total = sigil.get(sigil.size() - 1).get("total");
        assertThat(total.get("events").longValue()).as("lines counted").isGreaterThan(1500);
        assertThat(total.get("unpriced_tokens").longValue()).as("some tokens unpriced").isPositive();
        assertThat(total.get("cost_usd").decimalValue()).as("some priced").isPositive();
        try (GenaiPricesOracle node = GenaiPricesOracle.start()) {
            for (Map.Entry<String, JsonNode> g : python.get("groups").properties()) {
                same(g.getKey(), rows.get(g.getKey()), g.getValue(), node);
            }
            same("total", sigil.get(sigil.size() - 1).get("total"), python.get("total"), node);
        }
    }

    private static java.util.Set<String> toSet(JsonNode groups) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        groups.propertyNames().forEach(keys::add);
        return keys;
    }

    /** The counts as they are; the cost as node's calcPrice sums the calls; unpriced as node and the reader leave it. */
    private static void same(String key, JsonNode sigil, JsonNode python, GenaiPricesOracle node) throws IOException {
        for (String count : List.of("input_tokens", "output_tokens", "cache_read_tokens", "cache_write_tokens", "reasoning_tokens",
                "total_tokens", "events")) {
            assertThat(sigil.get(count).longValue()).as("%s of %s", count, key).isEqualTo(python.get(count).longValue());
        }
        List<ObjectNode> requests = new ArrayList<>();
        for (JsonNode call : python.get("calls")) {
            String model = call.get("model").stringValue();
            int colon = model.indexOf(':');
            ObjectNode r = JsonNodeFactory.instance.objectNode().put("provider", model.substring(0, colon)).put("model", model.substring(colon + 1));
            ObjectNode u = r.putObject("usage");
            call.get("usage").properties().forEach(e -> u.put(e.getKey().equals("reasoning_tokens") ? "output_reasoning_tokens" : e.getKey(),
                    e.getValue().longValue()));
            u.remove("total_tokens");
            r.put("timestamp", call.get("timestamp").stringValue());
            requests.add(r);
        }
        BigDecimal cost = BigDecimal.ZERO;
        boolean anyPrice = false;
        long unpriced = python.get("unknown_tokens").longValue();
        List<JsonNode> answers = node.calc(requests);
        for (int i = 0; i < answers.size(); i++) {
            JsonNode a = answers.get(i);
            assertThat(a.has("error")).as("calcPrice of %s", requests.get(i)).isFalse();
            if (a.has("unpriced")) {
                unpriced += python.get("calls").get(i).get("tokens").longValue();
            } else {
                anyPrice = true;
                cost = cost.add(a.get("total").decimalValue());
            }
        }
        assertThat(sigil.get("unpriced_tokens").longValue()).as("unpriced tokens of %s", key).isEqualTo(unpriced);
        boolean spent = python.get("total_tokens").longValue() > 0;
        if (!anyPrice && spent) {
            assertThat(sigil.get("cost_usd").isNull()).as("cost of %s: unpriced", key).isTrue();
            return;
        }
        BigDecimal mine = sigil.get("cost_usd").decimalValue();
        BigDecimal scale = mine.abs().max(cost.abs());
        assertThat(mine.subtract(cost).abs()).as("cost of %s: sigil %s, genai-prices %s", key, mine, cost)
                .isLessThanOrEqualTo(scale.multiply(TOLERANCE, MathContext.DECIMAL64));
    }

    private static JsonNode python(String by, List<Path> logs) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), by));
        logs.forEach(f -> command.add(f.toString()));
        ProcessResult r;
        try {
            r = new ProcessExecutor().command(command).environment("TZ", "UTC").readOutput(true)
                    .redirectError(new ByteArrayOutputStream()).timeout(120, TimeUnit.SECONDS).execute();
        } catch (IOException e) {
            throw new AssertionError("python3 is needed for this test (install CPython 3.8 or newer): " + e.getMessage(), e);
        }
        assertThat(r.getExitValue()).as("report_totals.py exit code").isZero();
        return DECIMALS.readTree(r.outputUTF8());
    }

    private static String sigil(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment env = new Environment(Map.of("HOME", dir.resolve("home").toString()), new ByteArrayInputStream(new byte[0]), stdout,
                false, false);
        int code = SigilCommand.commandLine(env, new PrintWriter(out), new PrintWriter(err)).execute(args);
        assertThat(code).as("sigil %s: %s", String.join(" ", args), err).isZero();
        return out.toString();
    }

    /** The logs, made once for every key (in reading order). */
    private static synchronized List<Path> corpus() throws IOException {
        if (files != null) {
            return files;
        }
        long seed = new Random().nextLong();
        System.out.println("ReportCompatTest corpus seed " + seed);
        Path logs = dir.resolve("logs");
        sigil("orchestrate", "--log-path", logs.toString(), "--session", "orch-a", "--speed", "0", "--seed", "3", "Qualify this lead: Ada at Acme");
        runStopped(logs);
        List<Path> out = new ArrayList<>();
        out.add(logs.resolve("sessions/orch-a/execution.jsonl"));
        out.add(logs.resolve("sessions/orch-b/execution.jsonl"));
        out.addAll(generated(new Random(seed)));
        files = out;
        return out;
    }

    private static void runStopped(Path logs) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Environment env = new Environment(Map.of("HOME", dir.resolve("home").toString()), new ByteArrayInputStream(new byte[0]), stdout, false, false);
        String[] first = {"orchestrate", "--log-path", logs.toString(), "--session", "orch-b", "--speed", "0", "--budget", "1500", "Summarise the market"};
        assertThat(SigilCommand.commandLine(env, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).execute(first)).isEqualTo(3);
        sigil("orchestrate", "--log-path", logs.toString(), "--session", "orch-b", "--speed", "0", "--budget", "100000", "--resume");
    }

    /** A seed-001 style session in a rotated part and the live file, and a seed-002 operation log. */
    private static List<Path> generated(Random r) throws IOException {
        Path session = dir.resolve("logs/sessions/gen-1");
        Files.createDirectories(session);
        StringBuilder part = new StringBuilder();
        StringBuilder live = new StringBuilder();
        long total = 0;
        String[] components = {"routing", "planning", "memory", "reasoning", "contracts", "validation", "orchestrator", "tools"};
        String[] operations = {"classify_intent", "create_plan", "retrieve_context", "extract_memories", "tree_of_thoughts", "validate_output", ""};
        for (int i = 0; i < 1400; i++) {
            String component = components[r.nextInt(components.length)];
            String ts = timestamp(r, i);
            long in = r.nextInt(8) == 0 ? 200_000 + r.nextInt(50_000) : r.nextInt(20_000);
            long out = r.nextInt(4000);
            StringBuilder meta = new StringBuilder("{");
            String op = operations[r.nextInt(operations.length)];
            if (!op.isEmpty()) {
                meta.append("\"operation\":\"").append(op).append("\",");
            }
            if (r.nextInt(3) == 0) {
                meta.append("\"phase\":\"").append(r.nextBoolean() ? "plan_execution" : "routing").append("\",");
            }
            long tokens = in + out;
            int kind = r.nextInt(10);
            if (kind < 7) {
                long read = r.nextBoolean() ? r.nextLong(in + 1) : 0;
                long write = r.nextBoolean() ? r.nextLong(in - read + 1) : 0;
                long write1h = write > 0 && r.nextBoolean() ? r.nextLong(write + 1) : 0;
                long reasoning = r.nextBoolean() ? r.nextLong(out + 1) : 0;
                meta.append("\"tokens_used\":{\"input_tokens\":").append(in).append(",\"output_tokens\":").append(out).append(",\"total_tokens\":")
                        .append(tokens).append(",\"model\":\"").append(MODELS.get(r.nextInt(MODELS.size()))).append('"');
                if (read > 0) meta.append(",\"cache_read_tokens\":").append(read);
                if (write > 0) meta.append(",\"cache_write_tokens\":").append(write);
                if (write1h > 0) meta.append(",\"cache_write_1h_tokens\":").append(write1h);
                if (reasoning > 0) meta.append(",\"reasoning_tokens\":").append(reasoning);
                meta.append("},");
            } else if (kind == 7) {
                // a record breaking its rules: tokens of an unknown model
                meta.append("\"tokens_used\":{\"input_tokens\":").append(in).append(",\"output_tokens\":").append(out)
                        .append(",\"total_tokens\":").append(tokens + 1).append(",\"model\":\"anthropic:claude-haiku-4-5\"},");
            }
            if (meta.charAt(meta.length() - 1) == ',') {
                meta.setLength(meta.length() - 1);
            }
            meta.append('}');
            String type = r.nextInt(20) == 0 ? "step_error" : "step_complete";
            String line = "{\"timestamp\":\"" + ts + "\",\"session_id\":\"gen-1\",\"event_type\":\"" + type + "\",\"component\":\"" + component
                    + "\",\"message\":\"line " + i + "\",\"tokens\":" + tokens + ",\"metadata\":" + meta + "}\n";
            total += tokens;
            (i < 700 ? part : live).append(line);
        }
        live.append("{\"timestamp\":\"2026-01-13T23:59:59\",\"session_id\":\"gen-1\",\"event_type\":\"session_complete\",\"component\":\"orchestrator\","
                + "\"message\":\"done\",\"tokens\":").append(total).append(",\"metadata\":{\"total_tokens\":").append(total).append("}}\n");
        live.append("not json\n[1,2]\n\n");
        Files.writeString(session.resolve("execution.1.jsonl"), part);
        Files.writeString(session.resolve("execution.jsonl"), live);
        Path ops = dir.resolve("logs/seed-002.jsonl");
        StringBuilder o = new StringBuilder();
        String[] names = {"router", "planner", "memory", "reasoning", "contracts", "cli", "orchestrator", "tools", "custom"};
        for (int i = 0; i < 600; i++) {
            String name = names[r.nextInt(names.length)];
            long in = r.nextInt(5000);
            long out = r.nextInt(1500);
            String usage = switch (r.nextInt(4)) {
                case 0 -> "{\"input_tokens\":" + in + ",\"output_tokens\":" + out + ",\"total_tokens\":" + (in + out) + ",\"model\":\""
                        + MODELS.get(r.nextInt(MODELS.size())) + "\"}";
                case 1 -> "{\"total_tokens\":" + (in + out) + "}";
                case 2 -> "{\"input_tokens\":" + in + ",\"output_tokens\":" + out + "}";
                default -> "null";
            };
            o.append("{\"id\":\"log_").append(i).append("\",\"timestamp\":\"").append(timestamp(r, i)).append("\",\"level\":\"info\",\"component\":\"")
                    .append(name).append("\",\"operation\":\"op_").append(r.nextInt(5)).append("\",\"message\":\"Completed op\",\"session_id\":\"sess_")
                    .append(r.nextInt(3)).append("\",\"tokens_used\":").append(usage).append("}\n");
        }
        Files.writeString(ops, o);
        return List.of(session.resolve("execution.1.jsonl"), session.resolve("execution.jsonl"), ops);
    }

    /** Naive and aware times over three days, at both sides of midnight. */
    private static String timestamp(Random r, int i) {
        int day = 11 + r.nextInt(3);
        int hour = r.nextInt(24);
        String base = String.format("2026-01-%02dT%02d:%02d:%02d", day, hour, r.nextInt(60), r.nextInt(60));
        return switch (r.nextInt(4)) {
            case 0 -> base + ".123456";
            case 1 -> base + "Z";
            case 2 -> base + "+05:30";
            default -> base;
        };
    }
}
