package dev.sigil.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.cost.UsagePricer;
import dev.sigil.prices.BundledPrices;
import tools.jackson.databind.JsonNode;

/** The fold on small logs whose tree is known: parent ids when lines state them, unfinished units, a resumed run. */
class SessionTraceTest {

    private final List<SpanOut> spans = new ArrayList<>();
    private final List<LogOut> logs = new ArrayList<>();
    private final List<ModelCall> calls = new ArrayList<>();

    private void fold(String... lines) {
        TelemetrySink sink = new TelemetrySink() {
            @Override public void span(SpanOut s) { spans.add(s); }
            @Override public void log(LogOut l) { logs.add(l); }
            @Override public void call(ModelCall c) { calls.add(c); }
        };
        TraceFolder folder = new TraceFolder(Attrs.builder().text("service.name", "t").build(), sink, new UsagePricer(BundledPrices::catalog),
                ZoneOffset.UTC, 0);
        PythonJsonReader reader = new PythonJsonReader();
        for (String l : lines) {
            JsonNode json = reader.read(l);
            folder.line(TraceLine.of(json, LogEventDecoder.decode(json), "file"));
        }
        folder.finish();
    }

    private static String entry(String type, String component, String metadata) {
        return "{\"timestamp\":\"2026-11-30T10:00:0" + (type.length() % 10) + "\",\"session_id\":\"s1\",\"event_type\":\"" + type
                + "\",\"component\":\"" + component + "\",\"message\":\"m\",\"tokens\":0,\"metadata\":" + metadata + "}";
    }

    private SpanOut named(String name) {
        return spans.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void parentIdsMakeTheTreeWhenLinesStateThem() {
        fold(entry("session_start", "orchestrator", "{\"event_id\":\"run\"}"),
                entry("step_start", "planning", "{\"event_id\":\"phase-1\",\"parent_id\":\"run\"}"),
                entry("step_start", "reasoning", "{\"event_id\":\"tool-1\",\"parent_id\":\"phase-1\"}"),
                entry("step_complete", "reasoning", "{\"event_id\":\"tool-1\",\"parent_id\":\"phase-1\",\"latency_ms\":250,"
                        + "\"tokens_used\":{\"input_tokens\":10,\"output_tokens\":5,\"total_tokens\":15,\"model\":\"openai:gpt-4o\"}}"),
                entry("step_complete", "planning", "{\"event_id\":\"phase-1\",\"parent_id\":\"run\"}"),
                entry("session_complete", "orchestrator", "{\"event_id\":\"run\"}"));
        SpanOut root = named("invoke_workflow sigil");
        SpanOut phase = named("invoke_agent planning");
        SpanOut tool = named("invoke_agent reasoning");
        SpanOut chat = named("chat gpt-4o");
        assertThat(root.spanId()).isEqualTo(TelemetryIds.spanId("s1", "event:run"));
        assertThat(root.parentSpanId()).isEmpty();
        assertThat(phase.parentSpanId()).isEqualTo(root.spanId());
        assertThat(tool.parentSpanId()).isEqualTo(phase.spanId());
        assertThat(chat.parentSpanId()).isEqualTo(tool.spanId());
        assertThat(chat.client()).isTrue();
        assertThat(chat.endNanos() - chat.startNanos()).isEqualTo(250_000_000L);
        assertThat(chat.attributes().get(SigilNames.COST_USD)).isInstanceOf(Double.class);
        assertThat(logs).hasSize(6);
        assertThat(logs.get(2).spanId()).isEqualTo(tool.spanId());
        assertThat(calls).singleElement().satisfies(c -> assertThat(c.inputTokens()).isEqualTo(10));
        assertThat(spans).noneMatch(s -> s.attributes().values().containsKey(SigilNames.UNFINISHED));
    }

    @Test
    void aStepWithoutItsCompletionIsSentUnfinishedAndAResumedRunIsASecondRoot() {
        fold(entry("session_start", "orchestrator", "{}"), entry("step_start", "routing", "{}"),
                entry("session_error", "orchestrator", "{\"error\":\"stopped\",\"error_type\":\"KeyboardInterrupt\"}"),
                entry("session_start", "orchestrator", "{\"pipeline\":\"leads\"}"), entry("step_complete", "memory", "{\"latency_ms\":1}"));
        List<SpanOut> roots = spans.stream().filter(s -> s.parentSpanId().isEmpty()).toList();
        assertThat(roots).extracting(SpanOut::name).containsExactly("invoke_workflow sigil", "invoke_workflow leads");
        assertThat(roots.get(0).error()).isTrue();
        assertThat(roots.get(0).attributes().get(GenAiNames.ERROR_TYPE)).isEqualTo("KeyboardInterrupt");
        assertThat(roots.get(1).spanId()).isEqualTo(TelemetryIds.spanId("s1", "session#2"));
        assertThat(roots.get(1).attributes().get(SigilNames.UNFINISHED)).isEqualTo(true);
        assertThat(named("invoke_agent routing").attributes().get(SigilNames.UNFINISHED)).isEqualTo(true);
        assertThat(named("invoke_agent memory").parentSpanId()).isEqualTo(roots.get(1).spanId());
        assertThat(named("invoke_agent memory").attributes().values()).doesNotContainKey(SigilNames.UNFINISHED);
    }

    @Test
    void errorRecordsCarryTheirCodeAndTheFailingSpanTheFirst() throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("contract/examples/valid/error-info.jsonl"));
        fold(lines.toArray(String[]::new));
        PythonJsonReader reader = new PythonJsonReader();
        List<String> codes = lines.stream().map(l -> reader.read(l).path("metadata").path("error_info").path("error_code").asString()).toList();
        assertThat(codes).doesNotContain("");
        assertThat(logs).extracting(l -> l.attributes().get(SigilNames.ERROR_CODE)).containsExactlyElementsOf(codes);
        SpanOut root = spans.stream().filter(s -> s.parentSpanId().isEmpty()).findFirst().orElseThrow();
        assertThat(root.error()).isTrue();
        assertThat(root.attributes().get(GenAiNames.ERROR_TYPE)).isEqualTo("BudgetExhaustedError"); // retry_attempt is a warning, not a failure
        assertThat(root.attributes().get(SigilNames.ERROR_CODE)).isEqualTo(codes.get(2));
    }

    @Test
    void idsAreStableHexAndDifferBySessionAndKey() {
        assertThat(TelemetryIds.traceId("s1")).hasSize(32).matches("[0-9a-f]+").isEqualTo(TelemetryIds.traceId("s1"))
                .isNotEqualTo(TelemetryIds.traceId("s2"));
        assertThat(TelemetryIds.spanId("s1", "line:1")).hasSize(16).isNotEqualTo(TelemetryIds.spanId("s1", "line:2"))
                .isNotEqualTo(TelemetryIds.spanId("s2", "line:1"));
    }
}
