package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.testing.JsonTexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The slots of a format with records and filter steps (ADR 0280: the OTLP formats, each record's values found in the
 * line's bytes, no tree) give the events the definition gives on the whole line: on OTLP lines of several resources,
 * scopes and records, attributes repeated, missing, out of order, of other types, not objects, their key after their
 * value; records that are null or not objects, a records array that is an object, members met twice; in every surface
 * form {@link JsonTexts} writes (escapes, whitespace, repeated keys, broken bytes). A regular line (canonical, no odd
 * value) is read through the slots, never declined.
 */
class RecordSlotsProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final PythonJsonReader READER = new PythonJsonReader();
    private static final PythonJsonWriter CANONICAL = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);
    private static final FastProjection SCANNER = new FastProjection();
    private static final List<String> KEYS = List.of("gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.request.model",
            "gen_ai.response.model", "gen_ai.usage.input_tokens", "gen_ai.usage.output_tokens", "gen_ai.usage.cache_read.input_tokens",
            "gen_ai.conversation.id", "gen_ai.agent.name", "session.id", "service.name", "error.type", "exception.message",
            "exception.type", "gen_ai.system", "code.function.name", "gen_ai.usage.reasoning.output_tokens");

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 1500)
    void theRecordsSlotsGiveTheEventsOfTheWholeLine(@ForAll("seeds") long seed) {
        Random rnd = new Random(seed);
        boolean logs = rnd.nextBoolean();
        JsonNode line = line(rnd, logs, true);
        for (byte[] text : List.of(CANONICAL.encode(line), JsonTexts.render(line, rnd), broken(JsonTexts.render(line, rnd), rnd))) {
            JsonNode whole;
            try {
                whole = READER.read(text);
            } catch (JsonSyntaxException broken) {
                for (FormatDefinition d : formats()) {
                    assertThat(d.readFast(text, 0, text.length, SCANNER)).isNull();
                }
                continue;
            }
            for (FormatDefinition d : formats()) {
                List<Mapped> expected = whole.isObject() ? d.readAsDefined(whole) : null;
                List<Mapped> fast = d.readFast(text, 0, text.length, SCANNER);
                if (expected != null) {
                    Statistics.label(d.name()).collect(fast != null ? "slots" : "declined");
                }
                if (fast != null) {
                    assertThat(fast).as("seed %d, %s: %s", seed, d.name(), new String(text, StandardCharsets.UTF_8)).isEqualTo(expected);
                }
            }
        }
    }

    @Property(tries = 400)
    void aRegularLineIsReadThroughTheSlots(@ForAll("seeds") long seed) {
        Random rnd = new Random(seed);
        boolean logs = rnd.nextBoolean();
        JsonNode line = line(rnd, logs, false);
        byte[] text = CANONICAL.encode(line);
        FormatDefinition d = formats().get(logs ? 0 : 1);
        List<Mapped> expected = d.readAsDefined(READER.read(text));
        if (expected != null) {
            assertThat(d.readFast(text, 0, text.length, SCANNER)).as("seed %d: %s", seed, new String(text, StandardCharsets.UTF_8))
                    .isEqualTo(expected);
        }
    }

    /** {@code text} with one byte replaced by one of JSON's own (the line then often not JSON). */
    private static byte[] broken(byte[] text, Random rnd) {
        byte[] out = text.clone();
        out[rnd.nextInt(out.length)] = (byte) "{}[]:,\"0n ".charAt(rnd.nextInt(10));
        return out;
    }

    private static List<FormatDefinition> formats() {
        return List.of(BuiltinFormats.all().stream().filter(d -> d.name().equals("otel-logs")).findFirst().orElseThrow(),
                BuiltinFormats.all().stream().filter(d -> d.name().equals("otel-spans")).findFirst().orElseThrow());
    }

    /** An OTLP logs (or traces) line; {@code odd}: now and then a value of another kind, or a member twice. */
    private static JsonNode line(Random rnd, boolean logs, boolean odd) {
        ObjectNode root = NODES.objectNode();
        ArrayNode resources = NODES.arrayNode();
        for (int r = rnd.nextInt(4); r > 0; r--) {
            ObjectNode resource = NODES.objectNode();
            ArrayNode scopes = NODES.arrayNode();
            boolean resourceFirst = rnd.nextBoolean();
            if (resourceFirst && rnd.nextInt(5) > 0) {
                resource.set("resource", NODES.objectNode().set("attributes", attributes(rnd, odd)));
            }
            for (int s = rnd.nextInt(4); s > 0; s--) {
                ObjectNode scope = NODES.objectNode();
                if (rnd.nextInt(4) > 0) {
                    scope.set("scope", NODES.objectNode().put("name", "scope" + rnd.nextInt(3)));
                }
                ArrayNode records = NODES.arrayNode();
                for (int k = rnd.nextInt(5); k > 0; k--) {
                    records.add(odd && rnd.nextInt(25) == 0 ? (rnd.nextBoolean() ? NODES.nullNode() : NODES.numberNode(3)) : record(rnd, logs, odd));
                }
                scope.set(logs ? "logRecords" : "spans", odd && rnd.nextInt(30) == 0 ? NODES.objectNode().set("x", record(rnd, logs, odd)) : records);
                scopes.add(odd && rnd.nextInt(30) == 0 ? NODES.stringNode("scope") : scope);
            }
            resource.set(logs ? "scopeLogs" : "scopeSpans", scopes);
            if (!resourceFirst && rnd.nextInt(5) > 0) {
                resource.set("resource", NODES.objectNode().set("attributes", attributes(rnd, odd)));
            }
            resources.add(resource);
        }
        root.set(logs ? "resourceLogs" : "resourceSpans", resources);
        return root;
    }

    private static ObjectNode record(Random rnd, boolean logs, boolean odd) {
        ObjectNode r = NODES.objectNode();
        String[] time = logs ? new String[] {"timeUnixNano", "observedTimeUnixNano"} : new String[] {"startTimeUnixNano", "endTimeUnixNano"};
        long t = 1772442000000000000L + rnd.nextInt(1_000_000_000);
        for (int i = 0; i < time.length; i++) {
            if (rnd.nextInt(5) > 0) {
                r.set(time[i], odd && rnd.nextInt(20) == 0 ? NODES.numberNode(t) : NODES.stringNode(Long.toString(t + i * 1000)));
            }
        }
        if (logs) {
            if (rnd.nextInt(4) > 0) {
                r.put("severityNumber", odd && rnd.nextInt(15) == 0 ? 99 : 1 + rnd.nextInt(24));
            }
            if (rnd.nextBoolean()) {
                r.put("severityText", List.of("INFO", "WARN", "ERROR", "debug").get(rnd.nextInt(4)));
            }
            if (rnd.nextInt(5) > 0) {
                r.set("body", rnd.nextInt(3) > 0 ? NODES.objectNode().put("stringValue", "said " + rnd.nextInt(9))
                        : NODES.objectNode().set("kvlistValue", NODES.objectNode().set("values", attributes(rnd, odd))));
            }
            if (rnd.nextBoolean()) {
                r.put("eventName", "gen_ai.event" + rnd.nextInt(3));
            }
        } else {
            if (rnd.nextInt(6) > 0) {
                r.put("spanId", "span" + rnd.nextInt(99));
            }
            if (rnd.nextInt(6) > 0) {
                r.put("name", "chat m" + rnd.nextInt(9));
            }
            r.put("traceId", "trace" + rnd.nextInt(9));
            if (rnd.nextBoolean()) {
                ObjectNode status = r.putObject("status");
                if (rnd.nextBoolean()) {
                    status.put("code", rnd.nextInt(3));
                }
                if (rnd.nextBoolean()) {
                    status.put("message", "failed " + rnd.nextInt(9));
                }
            }
        }
        if (rnd.nextInt(6) > 0) {
            r.set("attributes", odd && rnd.nextInt(20) == 0 ? NODES.objectNode().put("key", "gen_ai.agent.name") : attributes(rnd, odd));
        }
        if (odd && rnd.nextInt(10) == 0) {
            r.set("attributes", attributes(rnd, odd)); // written twice by JsonTexts' repeats now and then; here replaced
        }
        return r;
    }

    private static ArrayNode attributes(Random rnd, boolean odd) {
        ArrayNode a = NODES.arrayNode();
        for (int n = rnd.nextInt(8); n > 0; n--) {
            String key = KEYS.get(rnd.nextInt(KEYS.size()));
            JsonNode value = switch (rnd.nextInt(4)) {
                case 0 -> NODES.objectNode().put("intValue", Integer.toString(rnd.nextInt(5000)));
                case 1 -> NODES.objectNode().put("boolValue", rnd.nextBoolean());
                default -> NODES.objectNode().put("stringValue", key.endsWith("tokens") ? Integer.toString(rnd.nextInt(900)) : "v" + rnd.nextInt(5));
            };
            int kind = odd ? rnd.nextInt(14) : 0;
            ObjectNode e = NODES.objectNode();
            switch (kind) {
                case 1 -> a.add(NODES.numberNode(7));
                case 2 -> a.add(NODES.objectNode().put("key", 5).set("value", value));
                case 3 -> a.add(NODES.objectNode().set("value", value));
                case 4 -> {
                    e.set("value", value); // the key after the value
                    e.put("key", key);
                    a.add(e);
                }
                case 5 -> a.add(NODES.objectNode().put("key", key).set("value", NODES.nullNode()));
                case 6 -> a.add(NODES.objectNode().put("key", key).set("value", NODES.objectNode().set("arrayValue",
                        NODES.objectNode().set("values", NODES.arrayNode().add(value)))));
                default -> {
                    e.put("key", key);
                    e.set("value", value);
                    a.add(e);
                }
            }
        }
        return a;
    }
}
