package dev.sigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

import dev.sigil.compat.CompatTools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code sigil query} against CPython: compat-tests/python/query_expected.py writes three sessions (one with a rotated
 * part, one whose lines half name no session, LLM outputs of 4 to 64 KiB in their metadata, non-ASCII and escaped
 * messages) and a seed-002 operation log, then computes each aggregation from the lines as written with the standard
 * library; sigil's answer to the same aggregation in SQL, as JSON, must be the same rows.
 */
@Tag("compat")
class QueryCompatTest {

    private static final Path SCRIPT = CompatTools.root().resolve("compat-tests/python/query_expected.py");
    private static final JsonMapper DECIMALS = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Map<String, String> SQL = Map.of(
            "by_type", "SELECT session_id, event_type, component, count(*) AS n, sum(tokens) AS tokens FROM events WHERE format = 'sigil'"
                    + " GROUP BY session_id, event_type, component ORDER BY session_id, event_type, component",
            "by_model", "SELECT model, count(*) AS calls, sum(input_tokens) AS input, sum(output_tokens) AS output FROM events"
                    + " WHERE model IS NOT NULL GROUP BY model ORDER BY model",
            "latency", "SELECT component, max(latency_ms) AS worst, count(latency_ms) AS timed FROM events WHERE format = 'sigil'"
                    + " AND latency_ms IS NOT NULL GROUP BY component ORDER BY component",
            "by_day", "SELECT substring(timestamp, 1, 10) AS day, sum(tokens) AS tokens FROM events WHERE format = 'sigil'"
                    + " GROUP BY substring(timestamp, 1, 10) ORDER BY day",
            "accented", "SELECT count(*) AS n FROM events WHERE message LIKE '%é%'",
            "sessions", "SELECT count(DISTINCT session_id) AS n FROM events WHERE format = 'sigil'",
            "formats", "SELECT format, count(*) AS n FROM events GROUP BY format ORDER BY format");

    @TempDir
    static Path dir;
    static JsonNode expected;

    @BeforeAll
    static void corpus() throws Exception {
        python("gen");
        expected = DECIMALS.readTree(python("expect"));
    }

    @Test
    void everyAggregationIsWhatCPythonComputesFromTheSameLines() {
        for (Map.Entry<String, String> q : SQL.entrySet()) {
            List<String> args = new ArrayList<>(List.of("query", q.getValue(), "--format", "json", "--all", "-l", dir.resolve("logs").toString()));
            if (q.getKey().equals("formats") || q.getKey().equals("accented")) {
                args.subList(4, 7).clear();
                args.add(dir.resolve("logs/sessions/q-alpha").toString());
                args.add(dir.resolve("logs/sessions/q-beta").toString());
                args.add(dir.resolve("logs/sessions/q-gamma").toString());
                args.add(dir.resolve("ops.jsonl").toString());
            }
            CliRun r = CliRun.run(Map.of("HOME", dir.resolve("home").toString()), args.toArray(String[]::new));
            assertThat(r.exitCode()).as(q.getKey() + ": " + r.err()).isZero();
            JsonNode rows = DECIMALS.readTree(r.out());
            JsonNode want = expected.get(q.getKey());
            assertThat(want.size()).as(q.getKey() + " has rows").isPositive();
            assertThat(rows.size()).as(q.getKey()).isEqualTo(want.size());
            for (int i = 0; i < rows.size(); i++) {
                List<JsonNode> values = new ArrayList<>();
                rows.get(i).values().forEach(values::add);
                assertThat(values).as(q.getKey() + " row " + i).hasSize(want.get(i).size());
                for (int c = 0; c < values.size(); c++) {
                    assertThat(same(values.get(c), want.get(i).get(c))).as(q.getKey() + " row " + i + ": " + rows.get(i) + " vs " + want.get(i)).isTrue();
                }
            }
        }
        assertThat(expected.get("formats").get(0).get(1).asLong()).as("the operation log's lines").isEqualTo(120);
    }

    @Test
    void theColumnsAreTheResultsNamesInOrderAndTheCostIsTheReportsTotal() {
        Map<String, String> env = Map.of("HOME", dir.resolve("home").toString());
        String logs = dir.resolve("logs").toString();
        JsonNode q = DECIMALS.readTree(CliRun.run(env, "query", "SELECT sum(cost_usd) AS usd, sum(counted_tokens) AS counted FROM events",
                "--format", "json", "--all", "-l", logs).out());
        assertThat(q.get(0).propertyNames()).containsExactly("usd", "counted");
        JsonNode report = DECIMALS.readTree(CliRun.run(env, "report", "--format", "json", "--all", "-l", logs, "--no-cache").out());
        JsonNode total = report.get(report.size() - 1).get("total");
        assertThat(q.get(0).get("usd").decimalValue()).isEqualByComparingTo(total.get("cost_usd").decimalValue());
        assertThat(q.get(0).get("counted").asLong()).isEqualTo(total.get("total_tokens").asLong());
    }

    private static boolean same(JsonNode sigil, JsonNode python) {
        if (sigil.isNumber() && python.isNumber()) {
            return sigil.decimalValue().compareTo(python.decimalValue()) == 0;
        }
        return sigil.equals(python);
    }

    private static String python(String what) throws Exception {
        ProcessResult r = new ProcessExecutor().command("python3", SCRIPT.toString(), what, dir.toString()).readOutput(true)
                .redirectError(new ByteArrayOutputStream()).timeout(120, TimeUnit.SECONDS).execute();
        assertThat(r.getExitValue()).as("query_expected.py " + what).isZero();
        return r.outputUTF8();
    }

}
