package dev.sigil.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.testing.EntryArbitraries;
import dev.sigil.testing.JsonArbitraries;
import dev.sigil.testing.JsonTextArbitraries;
import dev.sigil.testing.JsonTexts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The line format from bytes is {@link LineFormat} of the exact reading, byte for byte, whenever it answers. */
class FastLineFormatProperties {

    private final PythonJsonReader reader = new PythonJsonReader();

    @Provide
    Arbitrary<byte[]> lines() {
        return Arbitraries.oneOf(JsonTexts.of(EntryArbitraries.entries()), JsonTexts.of(operationLines()),
                JsonTexts.of(JsonArbitraries.values(2)), JsonTextArbitraries.lines());
    }

    /** Objects with the fields the format reads, of every type, in any order (seed-002 lines among them). */
    private static Arbitrary<JsonNode> operationLines() {
        List<String> keys = List.of("timestamp", "level", "event_type", "component", "operation", "message", "id");
        Arbitrary<JsonNode> field = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.oneOf(JsonArbitraries.strings(), EntryArbitraries.timestamps(),
                        Arbitraries.of("budget_exceeded", "step_error", "retry_attempt", "info", "warning", "T", "a.b T c.d", "")).map(JsonNodeFactory.instance::stringNode)),
                net.jqwik.api.Tuple.of(1, JsonArbitraries.values(1)));
        return Combinators.combine(keys.stream().map(k -> Arbitraries.oneOf(field, Arbitraries.just((JsonNode) null))).toList()).as(values -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < keys.size(); i++) {
                if (values.get(i) != null) {
                    o.set(keys.get(i), values.get(i));
                }
            }
            return o;
        });
    }

    /**
     * Lines whose keys are the printed fields' names and names of the same length one byte off (first, middle or last
     * byte): the fast path tells a field by its length and first byte before it compares the name (ADR 0275).
     */
    @Provide
    Arbitrary<byte[]> nearMissLines() {
        List<String> names = List.of("timestamp", "level", "event_type", "component", "operation", "message", "metadata", "severity");
        Arbitrary<String> key = Arbitraries.of(names).flatMap(n -> Arbitraries.integers().between(-1, n.length() - 1).map(at -> {
            if (at < 0) {
                return n;
            }
            char[] c = n.toCharArray();
            c[at] = c[at] == 'x' ? 'y' : 'x';
            return new String(c);
        }));
        Arbitrary<JsonNode> value = Arbitraries.oneOf(EntryArbitraries.timestamps(), Arbitraries.of("step_error", "alert", "budget_exceeded",
                "step_complete", "info", "a T b.c")).map(JsonNodeFactory.instance::stringNode);
        Arbitrary<JsonNode> member = Arbitraries.oneOf(value, value.map(v -> {
            ObjectNode m = JsonNodeFactory.instance.objectNode();
            m.set("severity", v);
            return m;
        }));
        return JsonTexts.of(Combinators.combine(key.list().ofMinSize(1).ofMaxSize(9), member.list().ofSize(9)).as((keys, values) -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < keys.size(); i++) {
                o.set(keys.get(i), values.get(i));
            }
            o.put("event_type", "step_complete");
            return o;
        }));
    }

    @Property(tries = 2000)
    void keysOneByteOffAFieldAreOtherMembers(@ForAll("nearMissLines") byte[] line) {
        theFastLineIsTheExactLine(line);
    }

    @Property(tries = 5000)
    void theFastLineIsTheExactLine(@ForAll("lines") byte[] line) {
        ByteSink out = new ByteSink();
        boolean taken = new FastLineFormat().format(line, 0, line.length, out);
        Statistics.collect(taken ? "fast" : "exact");
        if (!taken) {
            assertThat(out.size()).isZero();
            return;
        }
        JsonNode json;
        try {
            json = reader.read(line);
        } catch (JsonSyntaxException e) {
            throw new AssertionError("fast path formatted a line CPython refuses: " + e.getMessage(), e);
        }
        assertThat(json.isObject()).isTrue();
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(LineFormat.format(json));
    }
}
