package dev.sigil.testing;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The attribution keys of docs/contract.md §5.2 ({@code event_id}, {@code parent_id}, {@code correlation_id},
 * {@code phase}) and the dollar keys ({@code budget_usd}, {@code cost_usd}) as metadata values: valid ones (sigil's
 * paths, UUIDs, span ids, the 256-character limit) and ones that break the schema (spaces, non-ASCII, 257
 * characters, a trailing newline, numbers, negative dollars, text).
 */
public final class AttributionArbitraries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final List<String> ID_KEYS = List.of("event_id", "parent_id", "correlation_id");

    private AttributionArbitraries() {
    }

    /** A {@code (key, value)} pair as {@code {"k": key, "v": value}}. */
    public static Arbitrary<JsonNode[]> pairs() {
        Arbitrary<JsonNode> ids = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("run-1", "run-1/routing/route_request", "run-2/plan_execution/assess_bant/tool-websearch-2",
                        "4bf92f3577b34da6a3ce929d0e0e4736", "b7ad6b7169203331", "a".repeat(256), "!~").map(NODES::stringNode)),
                Tuple.of(3, Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40).map(NODES::stringNode)),
                Tuple.of(2, Arbitraries.of("", "run 1", "caf\u00e9", "a".repeat(257), "run-1\n", "tab\there").map(NODES::stringNode)),
                Tuple.of(1, Arbitraries.of(NODES.numberNode(42), NODES.nullNode(), NODES.booleanNode(true))));
        Arbitrary<JsonNode> phases = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of("routing", "plan_execution", "memory_extraction", "", "\u00e9t\u00e9 2").map(NODES::stringNode)),
                Tuple.of(1, Arbitraries.of(NODES.numberNode(3), NODES.arrayNode().add("routing"))));
        Arbitrary<JsonNode> dollars = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(0.0, 5.0, 12.5, 0.0482866, 1e-10, 1000000.0).map(NODES::numberNode)),
                Tuple.of(2, Arbitraries.of(NODES.numberNode(5), NODES.numberNode(0))),
                Tuple.of(1, Arbitraries.of(NODES.numberNode(-0.01), NODES.stringNode("2.51"), NODES.nullNode())));
        return Arbitraries.oneOf(
                Arbitraries.of(ID_KEYS).flatMap(k -> ids.map(v -> pair(k, v))),
                phases.map(v -> pair("phase", v)),
                Arbitraries.of("budget_usd", "cost_usd").flatMap(k -> dollars.map(v -> pair(k, v))));
    }

    private static JsonNode[] pair(String key, JsonNode value) {
        return new JsonNode[] {NODES.stringNode(key), value};
    }
}
