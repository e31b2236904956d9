package dev.sigil.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zeroturnaround.exec.ProcessExecutor;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.event.EventTime;
import dev.sigil.monitor.format.PyFormat;
import dev.sigil.monitor.format.PythonMonitorText;
import dev.sigil.monitor.state.SessionStats;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rules the monitor reimplements, case by case against CPython (compat-tests/python/monitor_rules.py): float
 * formatting with half-even ties, grouping, padding, the budget percentage, {@code fromisoformat} and elapsed
 * seconds, {@code PurePosixPath}, the stream's clock. Random cases use a fixed seed, printed in the messages.
 */
@Tag("compat")
class PythonRulesCompatTest {

    private static final long SEED = 20260111L;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void sigilAgreesWithCPython() throws Exception {
        Random r = new Random(SEED);
        ObjectNode cases = MAPPER.createObjectNode();
        List<double[]> fixed = fixedCases(r);
        ArrayNode f = cases.putArray("fixed");
        fixed.forEach(c -> f.addArray().add(c[0]).add((int) c[1]));
        List<Long> grouped = new ArrayList<>(List.of(0L, 7L, 999L, 1000L, -1000L, 999_999L, 1_000_000L, Long.MAX_VALUE, Long.MIN_VALUE));
        for (int i = 0; i < 200; i++) {
            grouped.add(r.nextLong() >> r.nextInt(64));
        }
        ArrayNode g = cases.putArray("grouped");
        grouped.forEach(g::add);
        List<String> names = List.of("routing", "", "x", "twelve_chars", "thirteen_char", "ünïcödé", "東京", "emoji-\uD83D\uDE80", "e\u0301");
        ArrayNode p12 = cases.putArray("pad12");
        names.forEach(p12::add);
        List<long[]> percent = percentCases(r);
        ArrayNode pc = cases.putArray("percent");
        percent.forEach(c -> pc.addArray().add(c[0]).add(c[1]));
        List<String> timestamps = List.of("2026-01-11T10:15:32", "2026-01-11T10:15:32.123456", "2026-01-11T10:15:32.1",
                "2026-01-11T10:15:32.1234567", "2026-01-11T10:15:32+05:30", "2026-01-11T10:15:32Z", "2026-01-11T10:15:32z",
                "2026-01-11 10:15:32", "2026-01-11t10:15:32", "2026-01-11T10:15:60", "2026-02-30T10:15:32",
                "2026-01-11T24:00:00", "2026-01-11T10:15:32+01:00:30.5", "2026-01-11T10:15:32-00:00", "garbage",
                "2026-01-11T10:15:32.", "2024-02-29T00:00:00", "2026-01-11T10:15:32+25:00");
        ArrayNode ts = cases.putArray("timestamps");
        timestamps.forEach(ts::add);
        List<String[]> elapsed = elapsedCases(r);
        ArrayNode el = cases.putArray("elapsed");
        elapsed.forEach(c -> el.addArray().add(c[0]).add(c[1]));
        List<String> paths = List.of("/home/ada/.sigil/logs", "logs", "./logs", "logs/", "a//b/./c/", ".", "/", "//net",
                "///x", "../up", "with space/é");
        ArrayNode pa = cases.putArray("paths");
        paths.forEach(pa::add);
        List<String> clocks = List.of("2026-01-11T10:15:32.123456", "2026-01-11T10:15:32", "2026-01-11T10:15:32+05:30",
                "2026-01-11T10:15:32.5Z", "xTyTz", "2026-01-11T10:15:32.1.2");
        ArrayNode cl = cases.putArray("clock");
        clocks.forEach(cl::add);

        JsonNode python = python(cases);

        for (int i = 0; i < fixed.size(); i++) {
            assertThat(PyFormat.fixed(fixed.get(i)[0], (int) fixed.get(i)[1])).as("format(%s, '.%df') seed %d",
                    fixed.get(i)[0], (int) fixed.get(i)[1], SEED).isEqualTo(python.get("fixed").get(i).stringValue());
        }
        for (int i = 0; i < grouped.size(); i++) {
            assertThat(PyFormat.grouped(grouped.get(i))).isEqualTo(python.get("grouped").get(i).stringValue());
            assertThat(PyFormat.grouped(grouped.get(i), 6)).isEqualTo(python.get("grouped6").get(i).stringValue());
        }
        for (int i = 0; i < names.size(); i++) {
            assertThat(PyFormat.padRight(names.get(i), 12)).isEqualTo(python.get("pad12").get(i).stringValue());
        }
        for (int i = 0; i < percent.size(); i++) {
            double expected = Double.parseDouble(python.get("percent").get(i).stringValue());
            assertThat(SessionStats.percentage(percent.get(i)[0], percent.get(i)[1])).as("%d / %d * 100 seed %d",
                    percent.get(i)[0], percent.get(i)[1], SEED).isEqualTo(expected);
        }
        for (int i = 0; i < timestamps.size(); i++) {
            assertThat(EventTime.parse(timestamps.get(i)) != null).as("fromisoformat(%s)", timestamps.get(i))
                    .isEqualTo(python.get("parses").get(i).booleanValue());
        }
        for (int i = 0; i < elapsed.size(); i++) {
            JsonNode want = python.get("elapsed").get(i);
            assertThat(elapsed(elapsed.get(i))).as("%s .. %s", elapsed.get(i)[0], elapsed.get(i)[1])
                    .isEqualTo(want.isNull() ? null : want.stringValue());
        }
        for (int i = 0; i < paths.size(); i++) {
            assertThat(PythonPath.join(paths.get(i), "sessions", "s1", "execution.jsonl")).as(paths.get(i))
                    .isEqualTo(python.get("paths").get(i).stringValue());
        }
        for (int i = 0; i < clocks.size(); i++) {
            assertThat(PythonMonitorText.clock(clocks.get(i))).isEqualTo(python.get("clock").get(i).stringValue());
        }
    }

    private static String elapsed(String[] pair) {
        EventTime start = EventTime.parse(pair[0]);
        EventTime end = EventTime.parse(pair[1]);
        if (start == null || end == null || start.aware() != end.aware()) {
            return null;
        }
        return PyFormat.fixed(EventTime.secondsBetween(start, end), 1);
    }

    private static List<double[]> fixedCases(Random r) {
        List<double[]> out = new ArrayList<>();
        double[] special = {0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -2.5, 0.125, 0.375, 2.675, 1.005, 0.05, 0.15, 0.25, 0.35,
            1e-7, -1e-7, 1e15 + 0.5, 1e16, 1e22, 1.7976931348623157e308, 4.9e-324, 123456.785, 0.045, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.04, 99.995, 99.985, 12.345};
        for (double v : special) {
            for (int d = 0; d <= 2; d++) {
                out.add(new double[] {v, d});
            }
        }
        for (int i = 0; i < 600; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble() * 1000;
                case 1 -> (r.nextInt(200_000) - 100_000) / 8.0; // exact eighths: many true ties
                case 2 -> r.nextInt(10_000) / 100.0 + 0.005;
                default -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) / 1e300;
            };
            out.add(new double[] {v, r.nextInt(3)});
        }
        return out;
    }

    private static List<long[]> percentCases(Random r) {
        List<long[]> out = new ArrayList<>(List.of(new long[] {1, 800}, new long[] {3, 800}, new long[] {0, 1},
                new long[] {15_150, 50_000}, new long[] {2, 3}, new long[] {1, 3}, new long[] {Long.MAX_VALUE, 3},
                new long[] {(1L << 53) + 1, 1L << 60}, new long[] {Long.MAX_VALUE - 1, Long.MAX_VALUE}));
        for (int i = 0; i < 300; i++) {
            long used = r.nextLong() >>> r.nextInt(64);
            long budget = Math.max(1, r.nextLong() >>> r.nextInt(64));
            out.add(new long[] {used, budget});
        }
        return out;
    }

    private static List<String[]> elapsedCases(Random r) {
        List<String[]> out = new ArrayList<>(List.of(
                new String[] {"2026-01-11T10:15:32", "2026-01-11T10:15:32.250000"},
                new String[] {"2026-01-11T10:15:32", "2026-01-11T10:15:32.750000"},
                new String[] {"2026-01-11T10:15:32.123456", "2026-01-11T10:15:38.789012"},
                new String[] {"2026-01-11T10:15:32+05:30", "2026-01-11T05:00:00+00:00"},
                new String[] {"2026-01-11T10:15:32", "2026-01-11T10:15:32+00:00"},
                new String[] {"2026-01-11T10:15:40", "2026-01-11T10:15:32"},
                new String[] {"2025-12-31T23:59:59.999999", "2026-01-01T00:00:00"}));
        for (int i = 0; i < 100; i++) {
            long a = r.nextInt(86_400) * 1_000_000L + r.nextInt(1_000_000);
            long b = a + r.nextInt(5000) * 50_000L;
            out.add(new String[] {stamp(a), stamp(b)});
        }
        return out;
    }

    private static String stamp(long micros) {
        long s = micros / 1_000_000;
        return String.format("2026-01-11T%02d:%02d:%02d.%06d", s / 3600 % 24, s / 60 % 60, s % 60, micros % 1_000_000);
    }

    private static JsonNode python(ObjectNode cases) throws Exception {
        byte[] input = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS).encode(cases);
        try {
            byte[] out = new ProcessExecutor().command("python3", "compat-tests/python/monitor_rules.py")
                    .redirectInput(new ByteArrayInputStream(input)).redirectError(new ByteArrayOutputStream())
                    .readOutput(true).exitValueNormal().timeout(60, TimeUnit.SECONDS).execute().output();
            return new PythonJsonReader().read(out);
        } catch (IOException e) {
            throw new AssertionError("python3 is needed for this test (install CPython 3.11 or newer): " + e.getMessage(), e);
        }
    }
}
