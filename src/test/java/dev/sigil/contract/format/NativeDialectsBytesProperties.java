package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.sigil.contract.codec.FastJson;
import dev.sigil.contract.codec.JsonSyntaxException;
import dev.sigil.contract.codec.PythonJsonReader;
import dev.sigil.contract.codec.PythonJsonWriter;
import dev.sigil.contract.event.Dialect;
import dev.sigil.testing.EntryArbitraries;
import dev.sigil.testing.JsonArbitraries;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;

/**
 * The sniff's native rules from a line's bytes ({@link NativeDialects#fromBytes}, ADR 0230) answer as the rules on its
 * tree do, or decline: on entries, operation-log lines, other objects and values, with repeated and escaped keys,
 * whitespace, and bytes that are not JSON.
 */
class NativeDialectsBytesProperties {

    private static final PythonJsonWriter WRITER = new PythonJsonWriter(PythonJsonWriter.NonFinite.WRITE_LITERALS);
    private static final PythonJsonReader READER = new PythonJsonReader();

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<JsonNode> trees = Arbitraries.oneOf(EntryArbitraries.entries(), NativeDefinitionsProperties.operationLines(),
                JsonArbitraries.objects(JsonArbitraries.values(1)), JsonArbitraries.values(2));
        Arbitrary<String> edits = Arbitraries.of("", "repeat-type-number", "repeat-type-string", "escape-type", "escape-level", "spaces",
                "pino", "structlog", "cut", "trailing");
        return net.jqwik.api.Combinators.combine(trees, edits).as((tree, edit) -> edit(WRITER.encodeToString(tree), edit));
    }

    private static String edit(String json, String edit) {
        boolean members = json.startsWith("{") && !json.equals("{}");
        String tail = members ? json.substring(0, json.length() - 1) : null;
        return switch (edit) {
            case "repeat-type-number" -> members ? tail + ",\"event_type\":5}" : json;
            case "repeat-type-string" -> members ? tail + ",\"event_type\":\"x\"}" : json;
            case "escape-type" -> json.replace("\"event_type\"", "\"event\\u005ftype\"");
            case "escape-level" -> json.replace("\"level\"", "\"\\u006cevel\"");
            case "spaces" -> " " + json.replace(",\"", " ,\r\n\t\"").replace("\":", "\" : ") + " \t";
            case "pino" -> members ? tail + ",\"time\":1,\"level\":30}" : json;
            case "structlog" -> members ? tail + ",\"event\":\"e\",\"level\":\"info\"}" : json;
            case "cut" -> json.substring(0, json.length() / 2);
            case "trailing" -> json + "x";
            default -> json;
        };
    }

    @Property(tries = 3000)
    void theBytesSayWhatTheTreeSaysOrNothing(@ForAll("lines") String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        Dialect fast = NativeDialects.fromBytes(b, 0, b.length, new FastJson());
        Statistics.collect(fast == null ? "declined" : fast.name());
        if (fast == null) {
            return;
        }
        JsonNode tree;
        try {
            tree = READER.read(b, 0, b.length);
        } catch (JsonSyntaxException e) {
            throw new AssertionError("answered " + fast + " for a line that is not JSON: " + line, e);
        }
        Dialect exact = NativeDialects.recognises(Dialect.EXECUTION_ENTRY, tree) ? Dialect.EXECUTION_ENTRY
                : NativeDialects.recognises(Dialect.OPERATION_LOG, tree) && BuiltinFormats.onlyOperationLog(tree) ? Dialect.OPERATION_LOG : null;
        assertThat(fast).as(line).isEqualTo(exact);
    }

    @Property(tries = 500)
    void everyWrittenNativeLineIsToldFromItsBytes(@ForAll("natives") JsonNode tree) {
        byte[] b = WRITER.encodeToString(tree).getBytes(StandardCharsets.UTF_8);
        Dialect exact = NativeDialects.recognises(Dialect.EXECUTION_ENTRY, tree) ? Dialect.EXECUTION_ENTRY
                : NativeDialects.recognises(Dialect.OPERATION_LOG, tree) && BuiltinFormats.onlyOperationLog(tree) ? Dialect.OPERATION_LOG : null;
        // whenever the scan follows the whole line (not a 300-digit number, NaN, ...), the bytes say
        if (exact != null && new FastJson().value(b, 0, b.length, 0) == b.length) {
            assertThat(NativeDialects.fromBytes(b, 0, b.length, new FastJson())).as(new String(b, StandardCharsets.UTF_8)).isEqualTo(exact);
        }
    }

    @Provide
    Arbitrary<JsonNode> natives() {
        return Arbitraries.oneOf(EntryArbitraries.entries(), NativeDefinitionsProperties.operationLines());
    }
}
