package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.sigil.contract.event.Dialect;
import dev.sigil.contract.event.LogEvent;
import dev.sigil.contract.event.LogEventDecoder;
import dev.sigil.testing.EntryArbitraries;
import dev.sigil.testing.JsonArbitraries;
import dev.sigil.testing.UsageArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two native dialects are two definitions of the format mechanism (contract/formats/sigil.yaml and
 * operation-log.yaml): the hand-written decoder and match rules that read them fast give exactly what the
 * definitions give, on every kind of line.
 */
class NativeDefinitionsProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Provide
    Arbitrary<JsonNode> lines() {
        Arbitrary<JsonNode> odd = EntryArbitraries.entries().flatMap(e -> JsonArbitraries.values(1).map(v -> {
            ObjectNode o = ((ObjectNode) e).deepCopy();
            o.set(v.isNumber() ? "tokens" : "operation", v);
            if (o.get("metadata") instanceof ObjectNode m) {
                m.set("budget", v);
                m.set("tokens_used", v);
            }
            return (JsonNode) o;
        }));
        return Arbitraries.oneOf(EntryArbitraries.entries(), odd, operationLines(), JsonArbitraries.objects(JsonArbitraries.values(1)));
    }

    /** Seed-002 lines with every key the dialect reads, right and wrong. */
    static Arbitrary<JsonNode> operationLines() {
        Arbitrary<JsonNode> level = Arbitraries.of("info", "debug", "trace", "warning", "WARN", "error", "critical", "fatal", "loud")
                .map(s -> (JsonNode) NODES.stringNode(s)).injectNull(0.05);
        Arbitrary<JsonNode> component = Arbitraries.of("cli", "router", "planner", "tools", "memory", "routing", "other")
                .map(s -> (JsonNode) NODES.stringNode(s));
        Arbitrary<JsonNode> operation = Arbitraries.of("initialize", "complete_execution", "route_request", "execute_step")
                .map(s -> (JsonNode) NODES.stringNode(s));
        Arbitrary<JsonNode> message = Arbitraries.of("Starting step", "Completed step", "Starting", "thinking", "Completed ")
                .map(s -> (JsonNode) NODES.stringNode(s));
        Arbitrary<JsonNode> errorInfo = Combinators.combine(Arbitraries.of("TimeoutError", "ValueError"), Arbitraries.of(true, false),
                        Arbitraries.of("", "STEP_001", "API_003", "NOPE_9"), Arbitraries.of("", "Transient", "Logic", "odd"),
                        Arbitraries.of("", "Wait a minute"))
                .as((t, r, code, category, suggestion) -> {
                    ObjectNode e = NODES.objectNode().put("error_type", t).put("error_message", "failed").put("recoverable", r);
                    if (!code.isEmpty()) {
                        e.put("error_code", code);
                    }
                    if (!category.isEmpty()) {
                        e.put("category", category);
                    }
                    if (!suggestion.isEmpty()) {
                        e.put("suggestion", suggestion);
                    }
                    return (JsonNode) e;
                });
        Arbitrary<JsonNode> tokensUsed = Arbitraries.oneOf(UsageArbitraries.records(),
                Arbitraries.integers().between(-5, 900).map(n -> (JsonNode) NODES.objectNode().put("total_tokens", n)),
                Arbitraries.integers().between(0, 900).map(n -> (JsonNode) NODES.objectNode().put("input_tokens", n).put("output_tokens", 7)),
                Arbitraries.just(NODES.objectNode().put("input_tokens", 3)), Arbitraries.just(NODES.nullNode()));
        Arbitrary<JsonNode> snapshot = Arbitraries.integers().between(-1, 300_000)
                .map(n -> (JsonNode) NODES.objectNode().put("total_budget", 256_000).put("used", n));
        Arbitrary<JsonNode> metadata = Arbitraries.of(true, false).map(b -> (JsonNode) NODES.objectNode().put("success", b).put("total_tokens", 77));
        Arbitrary<JsonNode> any = JsonArbitraries.values(1);
        Arbitrary<JsonNode> ids = Arbitraries.of("op_1", "op_2", "run-9").map(s -> (JsonNode) NODES.stringNode(s));
        return Combinators.combine(List.of(maybe(level, any), maybe(component, any), maybe(operation, any), maybe(message, any),
                maybe(errorInfo, any), maybe(tokensUsed, any), maybe(snapshot, any), maybe(metadata, any),
                maybe(Arbitraries.just(NODES.numberNode(125.5)), any), maybe(Arbitraries.just(NODES.stringNode("s1")), any),
                maybe(ids, any), maybe(ids, any), maybe(ids, any), maybe(ids, any), maybe(Arbitraries.of("plan", "act").map(NODES::stringNode), any)))
                .as(values -> {
                    ObjectNode o = NODES.objectNode().put("timestamp", "2026-01-11T14:30:00.275Z");
                    String[] keys = {"level", "component", "operation", "message", "error_info", "tokens_used", "budget_snapshot",
                        "metadata", "duration_ms", "session_id", "id", "event_id", "parent_operation_id", "correlation_id", "phase"};
                    for (int i = 0; i < keys.length; i++) {
                        if (values.get(i) != null) {
                            o.set(keys[i], values.get(i));
                        }
                    }
                    return (JsonNode) o;
                });
    }

    /** The right kind of value mostly, now and then any value, sometimes none (null here: the key is left out). */
    private static Arbitrary<JsonNode> maybe(Arbitrary<JsonNode> right, Arbitrary<JsonNode> any) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(7, right), net.jqwik.api.Tuple.of(1, any),
                net.jqwik.api.Tuple.of(2, Arbitraries.just((JsonNode) null)));
    }

    @Property(tries = 4000)
    void theHandWrittenReadersGiveWhatTheDefinitionsGive(@ForAll("lines") JsonNode line) {
        for (FormatDefinition d : BuiltinFormats.all()) {
            if (!d.nativeDecoder()) {
                continue;
            }
            boolean defined = d.recognisesAsDefined(line);
            assertThat(NativeDialects.recognises(d.dialect(), line)).as(d.name() + " recognises " + line).isEqualTo(defined);
            if (defined) {
                Statistics.collect(d.name());
                LogEvent byDefinition = d.readAsDefined(line).get(0).event();
                assertThat(LogEventDecoder.decode(line)).as(d.name() + " reads " + line).isEqualTo(byDefinition);
                assertThat(byDefinition.dialect()).isEqualTo(d.dialect());
            }
        }
    }

    @net.jqwik.api.Example
    void theContractsExamplesReadAlikeEitherWay() throws java.io.IOException {
        dev.sigil.contract.codec.PythonJsonReader reader = new dev.sigil.contract.codec.PythonJsonReader();
        int read = 0;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("contract/examples/valid"))) {
            for (java.nio.file.Path f : files.sorted().toList()) {
                for (String text : java.nio.file.Files.readAllLines(f)) {
                    if (text.isBlank()) {
                        continue;
                    }
                    JsonNode line = reader.read(text);
                    for (FormatDefinition d : BuiltinFormats.all()) {
                        if (d.nativeDecoder() && d.recognisesAsDefined(line)) {
                            assertThat(LogEventDecoder.decode(line)).as(f + ": " + text).isEqualTo(d.readAsDefined(line).get(0).event());
                            read++;
                        }
                    }
                }
            }
        }
        assertThat(read).isPositive();
    }

    @Property(tries = 300)
    void noOtherBuiltInFormatTakesANativeLine(@ForAll("natives") JsonNode line) {
        boolean isNative = NativeDialects.recognises(Dialect.EXECUTION_ENTRY, line) || NativeDialects.recognises(Dialect.OPERATION_LOG, line);
        List<Mapped> read = FormatSet.builtIn().initial().read(line);
        if (isNative) {
            assertThat(read.get(0).event().dialect()).as(line.toString()).isIn(Dialect.EXECUTION_ENTRY, Dialect.OPERATION_LOG);
        } else {
            assertThat(read).as(line.toString()).isNull();
        }
    }

    @Provide
    Arbitrary<JsonNode> natives() {
        return Arbitraries.oneOf(EntryArbitraries.entries(), operationLines());
    }
}
