package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.contract.event.Usage;
import dev.sigil.cost.PriceCalculator;
import dev.sigil.cost.UsageKeys;
import dev.sigil.prices.BundledPrices;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.Span;
import tools.jackson.databind.JsonNode;

/**
 * {@code sigil export otlp} against a real OTLP/HTTP receiver on 127.0.0.1 decoding with opentelemetry-proto: two
 * generated sessions of 10,000 lines in all (some with 4-64 KiB outputs), and every expectation derived from the
 * lines themselves, read with the readers' decoder: one log record per line with its attributes, the span tree,
 * the usage and cost of each model call, token sums, the metrics, and the same ids from a second export.
 */
class ExportOtlpTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final PythonJsonWriter JSON = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);

    @TempDir
    static Path dir;
    static Path a;
    static Path b;
    static List<Line> lines = new ArrayList<>();
    static OtlpCollector collector;
    static SigilRun first;
    static List<OtlpCollector.Received<LogRecord>> records;
    static List<OtlpCollector.Received<Span>> spans;

    /** A line of the log as the test reads it. */
    record Line(String session, long number, JsonNode json, LogEvent event) {
    }

    @BeforeAll
    static void export() throws IOException {
        a = dir.resolve("sessions/run-a/execution.jsonl");
        b = dir.resolve("b.jsonl");
        GeneratedLog.write(a, "run-a", 6000, 11);
        GeneratedLog.write(b, "run-b", 4000, 12);
        PythonJsonReader reader = new PythonJsonReader();
        for (Path p : List.of(a, b)) {
            long n = 0;
            for (String text : Files.readAllLines(p, StandardCharsets.UTF_8)) {
                JsonNode json = reader.read(text.getBytes(StandardCharsets.UTF_8), 0, text.getBytes(StandardCharsets.UTF_8).length);
                LogEvent e = LogEventDecoder.decode(json);
                lines.add(new Line(e.sessionId(), ++n, json, e));
            }
        }
        collector = OtlpCollector.start();
        first = SigilRun.run(Map.of("HOME", dir.resolve("home").toString(), "OTEL_SERVICE_NAME", "lead-agent",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20k1"), "export", "otlp", "--endpoint", collector.url(), a.toString(), b.toString());
        records = collector.records();
        spans = collector.spans();
    }

    @Test
    void theCommandSaysWhatItSent() {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("10000 lines of 2 logs").contains("sent 10000 log records and " + spans.size() + " spans, nothing unsent");
        assertThat(collector.authorizations()).isNotEmpty().allMatch("Bearer k1"::equals);
    }

    @Test
    void oneLogRecordPerLineWithItsAttributes() {
        assertThat(records).hasSize(lines.size());
        Map<String, OtlpCollector.Received<LogRecord>> byLine = new HashMap<>();
        for (OtlpCollector.Received<LogRecord> r : records) {
            String key = text(r.resource().getAttributesList(), SigilNames.SESSION) + "#" + attrs(r.item().getAttributesList()).get(SigilNames.LINE);
            assertThat(byLine.put(key, r)).as("one record per line: " + key).isNull();
        }
        for (Line l : lines) {
            OtlpCollector.Received<LogRecord> r = byLine.get(l.session() + "#" + l.number());
            assertThat(r).as(l.session() + " line " + l.number()).isNotNull();
            LogRecord rec = r.item();
            Map<String, Object> at = attrs(rec.getAttributesList());
            LogEvent e = l.event();
            assertThat(rec.getBody().getStringValue()).isEqualTo(e.message());
            assertThat(rec.getTimeUnixNano()).isEqualTo(nanos(e.timestamp()));
            assertThat(rec.getSeverityText()).isEqualTo(e.level().wireName());
            assertThat(rec.getSeverityNumberValue()).isEqualTo(e.isError() ? 17 : 9);
            assertThat(HEX.formatHex(rec.getTraceId().toByteArray())).isEqualTo(TelemetryIds.traceId(l.session()));
            Map<String, Object> expected = new HashMap<>();
            expected.put(SigilNames.EVENT_TYPE, e.eventType());
            expected.put(SigilNames.COMPONENT, e.component());
            expected.put(SigilNames.OPERATION, e.operation());
            expected.put(GenAiNames.CONVERSATION_ID, l.session());
            expected.put(SigilNames.LINE, l.number());
            expected.put(SigilNames.LEVEL, e.level().wireName());
            expected.put(SigilNames.TIMESTAMP, l.json().get("timestamp").stringValue());
            if (e.tokens() != 0) {
                expected.put(SigilNames.TOKENS, e.tokens());
            }
            expected.put(SigilNames.METADATA, JSON.encodeToString(l.json().get("metadata")));
            if (e.isError()) {
                expected.put(GenAiNames.ERROR_TYPE, l.json().get("metadata").get("error_type").stringValue());
            }
            expected.putAll(usageAttributes(e));
            assertThat(at).as(l.session() + " line " + l.number()).isEqualTo(expected);
        }
        assertThat(records).allSatisfy(r -> {
            assertThat(text(r.resource().getAttributesList(), GenAiNames.SERVICE_NAME)).isEqualTo("lead-agent");
            assertThat(r.scope().getName()).isEqualTo(SigilNames.SCOPE);
        });
    }

    @Test
    void theSpanTreeOfEachSession() {
        Map<String, Span> byId = new HashMap<>();
        spans.forEach(s -> assertThat(byId.put(HEX.formatHex(s.item().getSpanId().toByteArray()), s.item())).isNull());
        Map<String, String> recordSpan = new HashMap<>();
        for (OtlpCollector.Received<LogRecord> r : records) {
            recordSpan.put(text(r.resource().getAttributesList(), SigilNames.SESSION) + "#" + attrs(r.item().getAttributesList()).get(SigilNames.LINE),
                    HEX.formatHex(r.item().getSpanId().toByteArray()));
        }
        for (String session : List.of("run-a", "run-b")) {
            List<Line> own = lines.stream().filter(l -> l.session().equals(session)).toList();
            List<Span> roots = spans.stream().map(OtlpCollector.Received::item)
                    .filter(s -> HEX.formatHex(s.getTraceId().toByteArray()).equals(TelemetryIds.traceId(session)) && s.getParentSpanId().isEmpty()).toList();
            assertThat(roots).hasSize(1);
            Span root = roots.get(0);
            String rootId = HEX.formatHex(root.getSpanId().toByteArray());
            assertThat(root.getName()).isEqualTo("invoke_workflow sigil");
            assertThat(root.getStartTimeUnixNano()).isEqualTo(nanos(own.get(0).event().timestamp()));
            assertThat(root.getEndTimeUnixNano()).isEqualTo(nanos(own.get(own.size() - 1).event().timestamp()));
            assertThat(attrs(root.getAttributesList())).containsEntry(GenAiNames.OPERATION_NAME, "invoke_workflow")
                    .containsEntry(GenAiNames.CONVERSATION_ID, session).containsEntry(SigilNames.EVENT_TYPE, "session_complete");
            String openStep = null;
            for (Line l : own) {
                String spanOfLine = recordSpan.get(session + "#" + l.number());
                String type = l.event().eventType();
                if (type.startsWith("session_")) {
                    assertThat(spanOfLine).isEqualTo(rootId);
                } else if (type.equals("step_start")) {
                    openStep = spanOfLine;
                    Span step = byId.get(spanOfLine);
                    assertThat(step).as("the span of step line " + l.number()).isNotNull();
                    assertThat(HEX.formatHex(step.getParentSpanId().toByteArray())).isEqualTo(rootId);
                    assertThat(step.getName()).isEqualTo("invoke_agent " + l.event().component());
                    assertThat(step.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_INTERNAL);
                } else {
                    assertThat(spanOfLine).as("line " + l.number() + " belongs to its step").isEqualTo(openStep);
                    if (type.equals("step_complete") || type.equals("step_error")) {
                        checkClosedStep(byId.get(openStep), l);
                        checkChat(byId, session, l, openStep);
                    }
                }
            }
        }
    }

    private static void checkClosedStep(Span step, Line end) {
        LogEvent e = end.event();
        long endNanos = nanos(e.timestamp());
        assertThat(step.getEndTimeUnixNano()).isEqualTo(endNanos);
        assertThat(step.getStartTimeUnixNano()).isEqualTo(endNanos - (long) (e.latencyMs() * 1_000_000d));
        Map<String, Object> at = attrs(step.getAttributesList());
        assertThat(at).containsEntry(GenAiNames.OPERATION_NAME, "invoke_agent").containsEntry(GenAiNames.AGENT_NAME, e.component())
                .containsEntry(SigilNames.EVENT_TYPE, e.eventType()).containsEntry(SigilNames.COMPONENT, e.component());
        if (e.tokens() != 0) {
            assertThat(at).containsEntry(SigilNames.TOKENS, e.tokens());
        }
        if (e.isError()) {
            assertThat(step.getStatus().getCode()).isEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
            assertThat(step.getStatus().getMessage()).isEqualTo(e.error());
            assertThat(at).containsEntry(GenAiNames.ERROR_TYPE, "TimeoutError");
        } else {
            assertThat(step.getStatus().getCode()).isEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_UNSET);
        }
    }

    private static void checkChat(Map<String, Span> byId, String session, Line l, String parent) {
        Span chat = byId.get(TelemetryIds.spanId(session, "chat:" + l.number()));
        Usage u = l.event().usage();
        if (!u.hasModel()) {
            assertThat(chat).isNull();
            return;
        }
        assertThat(chat).as("chat span of line " + l.number()).isNotNull();
        String model = u.model().substring(u.model().indexOf(':') + 1);
        assertThat(chat.getName()).isEqualTo("chat " + model);
        assertThat(chat.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
        assertThat(HEX.formatHex(chat.getParentSpanId().toByteArray())).isEqualTo(parent);
        long end = nanos(l.event().timestamp());
        assertThat(chat.getEndTimeUnixNano()).isEqualTo(end);
        assertThat(chat.getStartTimeUnixNano()).isEqualTo(end - (long) (l.event().latencyMs() * 1_000_000d));
        Map<String, Object> expected = new HashMap<>(usageAttributes(l.event()));
        expected.put(GenAiNames.OPERATION_NAME, "chat");
        expected.put(GenAiNames.CONVERSATION_ID, session);
        expected.put(SigilNames.EVENT_TYPE, l.event().eventType());
        expected.put(SigilNames.COMPONENT, l.event().component());
        if (l.event().isError()) {
            expected.put(GenAiNames.ERROR_TYPE, "TimeoutError");
        }
        assertThat(attrs(chat.getAttributesList())).isEqualTo(expected);
    }

    @Test
    void tokenSumsEqualTheLogs() {
        long input = 0;
        long output = 0;
        long cacheRead = 0;
        long tokens = 0;
        long calls = 0;
        for (Line l : lines) {
            Usage u = l.event().usage();
            tokens += l.event().tokens();
            if (u.hasModel()) {
                calls++;
                input += u.inputTokens();
                output += u.outputTokens();
                cacheRead += u.cacheReadTokens();
            }
        }
        List<Map<String, Object>> chats = spans.stream().map(s -> attrs(s.item().getAttributesList()))
                .filter(a -> "chat".equals(a.get(GenAiNames.OPERATION_NAME))).toList();
        assertThat(chats).hasSize((int) calls);
        assertThat(sum(chats, GenAiNames.USAGE_INPUT_TOKENS)).isEqualTo(input);
        assertThat(sum(chats, GenAiNames.USAGE_OUTPUT_TOKENS)).isEqualTo(output);
        assertThat(sum(chats, GenAiNames.USAGE_CACHE_READ_INPUT_TOKENS)).isEqualTo(cacheRead);
        assertThat(sum(records.stream().map(r -> attrs(r.item().getAttributesList())).toList(), SigilNames.TOKENS)).isEqualTo(tokens);
        assertThat(input).isPositive();
        assertThat(chats).anyMatch(c -> c.containsKey(SigilNames.COST_USD)).anyMatch(c -> !c.containsKey(SigilNames.COST_USD))
                .anyMatch(c -> c.containsKey(GenAiNames.USAGE_CACHE_CREATION_INPUT_TOKENS));
        assertThat(lines).anyMatch(l -> l.json().toString().length() > 4096);
    }

    @Test
    void theClientMetricsAddUpToTheCalls() {
        long input = lines.stream().mapToLong(l -> l.event().usage().inputTokens()).sum();
        long output = lines.stream().mapToLong(l -> l.event().usage().outputTokens()).sum();
        long calls = lines.stream().filter(l -> l.event().usage().hasModel()).count();
        Map<String, Double> byType = new HashMap<>();
        long durations = 0;
        for (var request : collector.metrics()) {
            for (ResourceMetrics rm : request.getResourceMetricsList()) {
                for (ScopeMetrics sm : rm.getScopeMetricsList()) {
                    for (Metric m : sm.getMetricsList()) {
                        for (HistogramDataPoint p : m.getHistogram().getDataPointsList()) {
                            if (m.getName().equals(GenAiNames.METRIC_TOKEN_USAGE)) {
                                assertThat(m.getUnit()).isEqualTo("{token}");
                                byType.merge(text(p.getAttributesList(), GenAiNames.TOKEN_TYPE), p.getSum(), Double::sum);
                            } else if (m.getName().equals(GenAiNames.METRIC_OPERATION_DURATION)) {
                                assertThat(m.getUnit()).isEqualTo("s");
                                durations += p.getCount();
                            }
                        }
                    }
                }
            }
        }
        assertThat(byType).containsEntry("input", (double) input).containsEntry("output", (double) output);
        assertThat(durations).isEqualTo(calls);
    }

    @Test
    void theSameLogSendsTheSameIdsTwice() {
        Set<String> spanIds = ids(spans);
        Set<String> recordIds = records.stream().map(r -> HEX.formatHex(r.item().getTraceId().toByteArray()) + "/"
                + HEX.formatHex(r.item().getSpanId().toByteArray()) + "/" + attrs(r.item().getAttributesList()).get(SigilNames.LINE)).collect(Collectors.toSet());
        try (OtlpCollector second = OtlpCollector.start()) {
            SigilRun again = SigilRun.run(Map.of("HOME", dir.resolve("home").toString()), "export", "otlp", "--endpoint", second.url(),
                    a.toString(), b.toString());
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(ids(second.spans())).isEqualTo(spanIds).hasSize(spans.size());
            assertThat(second.records().stream().map(r -> HEX.formatHex(r.item().getTraceId().toByteArray()) + "/"
                    + HEX.formatHex(r.item().getSpanId().toByteArray()) + "/" + attrs(r.item().getAttributesList()).get(SigilNames.LINE))
                    .collect(Collectors.toSet())).isEqualTo(recordIds);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> ids(List<OtlpCollector.Received<Span>> list) {
        Set<String> out = new HashSet<>();
        list.forEach(s -> out.add(HEX.formatHex(s.item().getTraceId().toByteArray()) + "/" + HEX.formatHex(s.item().getSpanId().toByteArray())
                + "/" + HEX.formatHex(s.item().getParentSpanId().toByteArray()) + "/" + s.item().getName()));
        return out;
    }

    /** The usage attributes a line with a usage record must carry, the cost from the exact prices at the line's time. */
    private static Map<String, Object> usageAttributes(LogEvent e) {
        Map<String, Object> m = new HashMap<>();
        Usage u = e.usage();
        if (!u.hasModel()) {
            return m;
        }
        int colon = u.model().indexOf(':');
        m.put(GenAiNames.PROVIDER_NAME, u.model().substring(0, colon));
        m.put(GenAiNames.REQUEST_MODEL, u.model().substring(colon + 1));
        m.put(GenAiNames.USAGE_INPUT_TOKENS, u.inputTokens());
        m.put(GenAiNames.USAGE_OUTPUT_TOKENS, u.outputTokens());
        if (u.cacheReadTokens() > 0) {
            m.put(GenAiNames.USAGE_CACHE_READ_INPUT_TOKENS, u.cacheReadTokens());
        }
        if (u.cacheWriteTokens() > 0) {
            m.put(GenAiNames.USAGE_CACHE_CREATION_INPUT_TOKENS, u.cacheWriteTokens());
        }
        Optional<BigDecimal> cost = new PriceCalculator(BundledPrices.catalog()).price(UsageKeys.of(u), u.model(),
                Instant.ofEpochSecond(0, nanos(e.timestamp()))).map(c -> c.total());
        cost.ifPresent(c -> m.put(SigilNames.COST_USD, c.doubleValue()));
        if (u.model().startsWith("mycorp:")) {
            assertThat(cost).as("an unknown model is unpriced").isEmpty();
        }
        return m;
    }

    /** Naive timestamps are the writer's local time: the tests run in UTC. */
    static long nanos(String timestamp) {
        Instant i = LocalDateTime.parse(timestamp).toInstant(ZoneOffset.UTC);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static Map<String, Object> attrs(List<KeyValue> list) {
        Map<String, Object> m = new HashMap<>();
        for (KeyValue kv : list) {
            AnyValue v = kv.getValue();
            Object value = switch (v.getValueCase()) {
                case STRING_VALUE -> v.getStringValue();
                case INT_VALUE -> v.getIntValue();
                case DOUBLE_VALUE -> v.getDoubleValue();
                case BOOL_VALUE -> v.getBoolValue();
                default -> v.toString();
            };
            assertThat(m.put(kv.getKey(), value)).as("attribute given once: " + kv.getKey()).isNull();
        }
        return m;
    }

    static String text(List<KeyValue> list, String key) {
        return list.stream().filter(kv -> kv.getKey().equals(key)).map(kv -> kv.getValue().getStringValue()).findFirst().orElse(null);
    }

    private static long sum(List<Map<String, Object>> maps, String key) {
        return maps.stream().mapToLong(m -> m.get(key) instanceof Long l ? l : 0).sum();
    }
}
