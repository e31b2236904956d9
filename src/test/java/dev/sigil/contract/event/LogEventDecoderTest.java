package dev.sigil.contract.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.model.Component;

/**
 * The decoder on the seeds' own example logs (seed-002's "Complete Log Sequence", seed-001's session), with the
 * expectations derived from docs/contract.md sections 8 and 9, and on odd content it must survive.
 */
class LogEventDecoderTest {

    private static final PythonJsonReader READER = new PythonJsonReader();

    private static List<LogEvent> decode(List<String> lines) {
        List<LogEvent> events = new ArrayList<>();
        lines.forEach(l -> events.add(LogEventDecoder.decode(READER.read(l))));
        return events;
    }

    private static LogEvent decode(String line) {
        return LogEventDecoder.decode(READER.read(line));
    }

    private static List<String> seed002() throws IOException {
        try (InputStream in = LogEventDecoderTest.class.getResourceAsStream("/seeds/seed-002-complete-log-sequence.jsonl")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** Expected per line of seed 002: event type (section 9's derivation), contract component, tokens. */
    private record Expected(String eventType, Component component, long tokens) {
    }

    @Test
    void seed002OperationLogFollowsSection9() throws IOException {
        Component cli = Component.ORCHESTRATOR;
        Component router = Component.ROUTING;
        Component planner = Component.PLANNING;
        Component memory = Component.MEMORY;
        Component reasoning = Component.REASONING;
        Component contracts = Component.CONTRACTS;
        List<Expected> expected = List.of(
                new Expected("session_start", cli, 0),                 // cli/initialize
                new Expected("step_start", router, 0), new Expected("step_complete", router, 400),
                new Expected("step_start", planner, 0), new Expected("step_complete", planner, 3700),
                new Expected("step_start", memory, 0), new Expected("step_complete", memory, 1500),
                new Expected("step_start", reasoning, 0), new Expected("step_complete", reasoning, 700),
                new Expected("step_start", reasoning, 0),
                new Expected("step_start", reasoning, 0),              // tools run inside reasoning steps
                new Expected("step_complete", reasoning, 0),
                new Expected("step_complete", reasoning, 3200),
                new Expected("step_start", reasoning, 0),
                new Expected("reasoning_step", reasoning, 0), new Expected("reasoning_step", reasoning, 0),   // debug lines
                new Expected("reasoning_step", reasoning, 0), new Expected("reasoning_step", reasoning, 0),
                new Expected("step_complete", reasoning, 8500),
                new Expected("step_complete", reasoning, 1200), new Expected("step_complete", reasoning, 800),
                new Expected("step_start", contracts, 0), new Expected("step_complete", contracts, 1000),
                new Expected("step_start", memory, 0), new Expected("step_complete", memory, 2500),
                new Expected("session_complete", cli, 0));              // cli/complete_execution, success true
        List<LogEvent> events = decode(seed002());
        assertThat(events).hasSameSizeAs(expected);
        for (int i = 0; i < events.size(); i++) {
            LogEvent e = events.get(i);
            assertThat(new Expected(e.eventType(), e.contractComponent(), e.tokens())).as("line %d", i + 1).isEqualTo(expected.get(i));
            assertThat(e.dialect()).isEqualTo(Dialect.OPERATION_LOG);
            assertThat(e.sessionId()).isEqualTo("sess_abc123def456");
        }
        assertThat(events.get(0).budget()).isEqualTo(256_000);
        assertThat(events.get(0).budgetUsed()).isZero();
        assertThat(events.get(10).component()).isEqualTo("tools");
        assertThat(events.get(11).latencyMs()).isEqualTo(1200.0);
        assertThat(events.get(14).level()).isEqualTo(Level.DEBUG);
        assertThat(events.get(14).operation()).isEqualTo("tree_of_thoughts");
        assertThat(events.get(25).totalTokens()).isEqualTo(24_000);
        assertThat(events.get(1).hasLatency()).isFalse();
    }

    @Test
    void seed001ExecutionEntriesFollowSection8() throws IOException {
        List<LogEvent> events = decode(Files.readAllLines(Path.of("contract/examples/valid/seed-001-session.jsonl")));
        assertThat(events).extracting(LogEvent::dialect).containsOnly(Dialect.EXECUTION_ENTRY);
        assertThat(events).allMatch(e -> e.operation().equals(e.eventType()) && e.level() == Level.INFO);
        assertThat(events).extracting(LogEvent::tokens).containsExactly(0L, 50L, 150L, 0L, 450L, 0L, 0L);
        assertThat(events).extracting(LogEvent::contractComponent).containsExactly(Component.ORCHESTRATOR, Component.ROUTING,
                Component.MEMORY, Component.PLANNING, Component.REASONING, Component.VALIDATION, Component.ORCHESTRATOR);
        assertThat(events.get(1).latencyMs()).isEqualTo(1100.0);
        assertThat(events.get(0).budget()).isEqualTo(256_000);
        assertThat(events.get(6).hasLatency()).isFalse();
        assertThat(events.get(6).totalTokens()).isEqualTo(-1);
    }

    @Test
    void levelsFollowTheEventType() {
        String line = "{\"timestamp\":\"t\",\"session_id\":\"s\",\"event_type\":\"%s\",\"component\":\"routing\",\"message\":\"m\"}";
        assertThat(decode(String.format(line, "budget_exceeded")).level()).isEqualTo(Level.CRITICAL);
        assertThat(decode(String.format(line, "step_error")).isError()).isTrue();
        assertThat(decode(String.format(line, "retry_attempt")).level()).isEqualTo(Level.WARNING);
        assertThat(decode(String.format(line, "plan_created")).level()).isEqualTo(Level.INFO);
    }

    @Test
    void oddContentIsTreatedAsAbsentNeverThrown() {
        LogEvent huge = decode("{\"event_type\":\"step_complete\",\"tokens\":1" + "0".repeat(400) + ",\"metadata\":{\"latency_ms\":1"
                + "0".repeat(400) + ",\"budget\":\"lots\"}}");
        assertThat(huge.tokens()).isZero();
        assertThat(huge.hasLatency()).isFalse();
        assertThat(huge.budget()).isEqualTo(-1);
        LogEvent operation = decode("{\"level\":\"warn\",\"operation\":\"x\",\"duration_ms\":1e400,\"tokens_used\":null,\"message\":{\"a\":1}}");
        assertThat(operation.hasLatency()).isFalse();
        assertThat(operation.level()).isEqualTo(Level.WARNING);
        assertThat(operation.message()).isEqualTo("{\"a\":1}");
        LogEvent other = decode("{\"component\":5,\"note\":\"anything\"}");
        assertThat(other.dialect()).isEqualTo(Dialect.OTHER);
        assertThat(other.component()).isEmpty();
        assertThat(LogEventDecoder.decode(READER.read("[1,2]"))).isNull();
    }

    @Test
    void tokensOfTheOperationLog() {
        assertThat(decode("{\"level\":\"info\",\"tokens_used\":{\"input_tokens\":320,\"output_tokens\":80}}").tokens()).isEqualTo(400);
        assertThat(decode("{\"level\":\"info\",\"tokens_used\":{\"input_tokens\":320}}").tokens()).isZero();
        assertThat(decode("{\"level\":\"critical\",\"message\":\"Completed x\"}").eventType()).isEqualTo("session_error");
        assertThat(decode("{\"level\":\"info\",\"error_info\":{\"recoverable\":true}}").eventType()).isEqualTo("retry_attempt");
        assertThat(decode("{\"level\":\"info\",\"component\":\"cli\",\"operation\":\"complete_execution\",\"metadata\":{\"success\":false}}")
                .eventType()).isEqualTo("session_error");
    }

    @Test
    void aConformingUsageRecordIsTheLinesUsageInBothDialects() {
        String record = "{\"input_tokens\":320,\"output_tokens\":80,\"total_tokens\":400,\"model\":\"anthropic:claude-opus-4-5-20251101\","
                + "\"cache_read_tokens\":200,\"cache_write_tokens\":100,\"cache_write_1h_tokens\":40,\"reasoning_tokens\":30}";
        Usage expected = new Usage("anthropic:claude-opus-4-5-20251101", 320, 80, 400, 200, 100, 40, 30);
        LogEvent entry = decode("{\"timestamp\":\"2026-01-11T10:15:32\",\"session_id\":\"s\",\"event_type\":\"step_complete\","
                + "\"component\":\"routing\",\"message\":\"m\",\"tokens\":400,\"metadata\":{\"tokens_used\":" + record + "}}");
        LogEvent operation = decode("{\"id\":\"log_003\",\"timestamp\":\"2026-01-11T14:30:00.275Z\",\"level\":\"info\",\"component\":\"router\","
                + "\"operation\":\"route_request\",\"message\":\"Completed route_request\",\"tokens_used\":" + record + "}");
        assertThat(entry.usage()).isEqualTo(expected);
        assertThat(operation.usage()).isEqualTo(expected);
        assertThat(operation.tokens()).isEqualTo(400);
    }

    @Test
    void tokensWithoutAConformingRecordAreTokensOfAnUnknownModel() {
        String entry = "{\"timestamp\":\"2026-01-11T10:15:32\",\"session_id\":\"s\",\"event_type\":\"step_complete\","
                + "\"component\":\"routing\",\"message\":\"m\",\"tokens\":700,\"metadata\":%s}";
        assertThat(decode(entry.formatted("{}")).usage()).isEqualTo(Usage.unknownModel(700));
        // Breaks usage-total; has no provider; is seed 002's partial record: none of them names a model that can be priced.
        assertThat(decode(entry.formatted("{\"tokens_used\":{\"input_tokens\":1,\"output_tokens\":1,\"total_tokens\":700,\"model\":\"a:b\"}}"))
                .usage()).isEqualTo(Usage.unknownModel(700));
        assertThat(decode(entry.formatted("{\"tokens_used\":{\"input_tokens\":600,\"output_tokens\":100,\"total_tokens\":700,"
                + "\"model\":\"claude-opus\"}}")).usage().hasModel()).isFalse();
        LogEvent partial = decode("{\"id\":\"log_route_002\",\"timestamp\":\"2026-01-11T14:30:00.275Z\",\"level\":\"info\","
                + "\"component\":\"router\",\"operation\":\"route_request\",\"message\":\"Completed route_request\",\"tokens_used\":{\"total_tokens\":400}}");
        assertThat(partial.usage()).isEqualTo(Usage.unknownModel(400));
        LogEvent none = decode("{\"id\":\"log_init_001\",\"timestamp\":\"2026-01-11T14:30:00.000Z\",\"level\":\"info\",\"component\":\"cli\","
                + "\"operation\":\"initialize\",\"message\":\"Execution initialized\",\"tokens_used\":null}");
        assertThat(none.usage()).isSameAs(Usage.NONE);
    }
}
