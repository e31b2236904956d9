package dev.sigil.contract.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.testing.EntryArbitraries;
import dev.sigil.testing.JsonArbitraries;
import dev.sigil.testing.JsonTextArbitraries;
import dev.sigil.testing.JsonTexts;
import dev.sigil.testing.UsageArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The event read from bytes is {@link LogEventDecoder}'s event of the exact reading, whenever it answers. */
class FastLogEventProperties {

    private final PythonJsonReader reader = new PythonJsonReader();
    /** One decoder for all tries, as one tailer thread has: its table of recently seen texts is exercised too. */
    private static final FastLogEvent SHARED = new FastLogEvent();

    @Provide
    Arbitrary<byte[]> lines() {
        Arbitrary<JsonNode> odd = EntryArbitraries.entries().flatMap(e -> JsonArbitraries.values(1).map(v -> {
            ObjectNode o = ((ObjectNode) e).deepCopy();
            o.set(v.isNumber() ? "tokens" : "level", v);
            if (o.get("metadata") instanceof ObjectNode m) {
                m.set("latency_ms", v);
                m.set("budget", v);
            }
            return (JsonNode) o;
        }));
        // Usage records of every kind, their counts also rewritten as floats, negatives and with repeated keys.
        Arbitrary<JsonNode> withUsage = UsageArbitraries.records().map(u -> {
            ObjectNode o = JsonNodeFactory.instance.objectNode().put("timestamp", "2026-01-11T10:15:32").put("session_id", "s")
                    .put("event_type", "step_complete").put("component", "memory").put("message", "m").put("tokens", 12);
            o.putObject("metadata").set("tokens_used", u);
            return (JsonNode) o;
        });
        return Arbitraries.oneOf(JsonTexts.of(EntryArbitraries.entries()), JsonTexts.of(odd), JsonTexts.of(withUsage),
                JsonTexts.of(JsonArbitraries.values(2)), JsonTextArbitraries.lines());
    }

    // No edge cases: their combinations over these nested arbitraries took minutes and most of a 1 GiB heap in the
    // suite's shared JVM (jqwik keeps them memoized); the random tries reach the same shapes.
    @Property(tries = 5000, edgeCases = EdgeCasesMode.NONE)
    void theFastEventIsTheExactEvent(@ForAll("lines") byte[] line) {
        LogEvent fast = SHARED.decode(line, 0, line.length);
        Statistics.collect(fast != null ? "fast" : "exact");
        if (fast == null) {
            return;
        }
        JsonNode json;
        try {
            json = reader.read(line);
        } catch (JsonSyntaxException e) {
            throw new AssertionError("fast path read a line CPython refuses: " + new String(line, StandardCharsets.UTF_8), e);
        }
        assertThat(fast).isEqualTo(LogEventDecoder.decode(json));
    }

    @Property(tries = 1000)
    void cpythonsOwnEntriesTakeTheFastPath(@ForAll("valid") JsonNode entry) {
        byte[] line = new PythonJsonWriter(PythonJsonWriter.NonFinite.REJECT).encode(entry);
        assertThat(new FastLogEvent().decode(line, 0, line.length)).isEqualTo(LogEventDecoder.decode(entry));
    }

    @Property(tries = 2000)
    void aValidUsageRecordTakesTheFastPath(@ForAll("usage") ObjectNode usage) {
        byte[] line = ("{\"timestamp\":\"2026-01-11T10:15:32.123456\",\"session_id\":\"s1\",\"event_type\":\"step_complete\","
                + "\"component\":\"routing\",\"message\":\"m\",\"tokens\":" + usage.get("total_tokens") + ",\"metadata\":{\"tokens_used\":"
                + usage + "}}").getBytes(StandardCharsets.UTF_8);
        LogEvent fast = SHARED.decode(line, 0, line.length);
        assertThat(fast).isNotNull().isEqualTo(LogEventDecoder.decode(reader.read(line)));
        assertThat(fast.usage().model()).isEqualTo(usage.get("model").stringValue());
        assertThat(fast.usage().totalTokens()).isEqualTo(usage.get("total_tokens").longValue());
    }

    @Provide
    Arbitrary<ObjectNode> usage() {
        return UsageArbitraries.valid();
    }

    @Provide
    Arbitrary<JsonNode> valid() {
        dev.sigil.contract.validation.SchemaValidator schema = dev.sigil.contract.validation.SchemaValidator.executionEntry();
        // Valid entries, but for what the fast path leaves alone on purpose (NaN, infinities, integers of more than
        // FastJson.MAX_DIGITS digits, error records, usage counts written as floats such as 5.0).
        return EntryArbitraries.entries().filter(e -> schema.validate(e).isEmpty() && !e.path("metadata").has("error_info")
                && integralCounts(e.path("metadata").path("tokens_used"))
                && !new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS).encodeToString(e).matches(".*(NaN|Infinity|[0-9]{" + dev.sigil.contract.codec.FastJson.MAX_DIGITS + "}).*"));
    }

    /** Whether every number of a usage record is written as an integer (the schema also takes 5.0). */
    private static boolean integralCounts(JsonNode usage) {
        for (JsonNode v : usage) {
            if (v.isNumber() && !v.isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }
}
