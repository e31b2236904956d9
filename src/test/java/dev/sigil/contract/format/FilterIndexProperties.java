package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A path's filter steps looked up in a {@link FilterIndex} lead where the walk leads (the first element whose member
 * is that string), on arrays with repeated, missing and non-string keys and elements that are not objects, whatever
 * the order the paths are asked in (ADR 0210).
 */
class FilterIndexProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> VALUES = List.of("a", "b", "c", "d");

    @Provide
    Arbitrary<JsonNode> elements() {
        Arbitrary<JsonNode> keyed = Arbitraries.of(VALUES).flatMap(v -> Arbitraries.integers().between(0, 99).map(n -> {
            ObjectNode o = NODES.objectNode();
            o.put("key", v);
            o.putObject("value").put("n", n);
            return (JsonNode) o;
        }));
        Arbitrary<JsonNode> odd = Arbitraries.of(NODES.numberNode(1), NODES.stringNode("a"), NODES.nullNode(),
                NODES.objectNode().put("key", 7).set("value", NODES.objectNode().put("n", -1)),
                NODES.objectNode().set("value", NODES.objectNode().put("n", -2)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, keyed), net.jqwik.api.Tuple.of(1, odd));
    }

    @Property(tries = 1000)
    void theIndexFindsWhatTheWalkFinds(@ForAll("arrays") ArrayNode attributes, @ForAll("asked") List<String> asked) {
        ObjectNode record = NODES.objectNode();
        record.set("attributes", attributes);
        FilterIndex index = new FilterIndex();
        for (String value : asked) {
            FieldPath path = FieldPath.parse("attributes[key=" + value + "].value.n");
            assertThat(path.resolve(record, false, index)).as(value + " in " + attributes).isEqualTo(path.resolve(record, false));
        }
    }

    @Provide
    Arbitrary<ArrayNode> arrays() {
        return elements().list().ofMaxSize(12).map(list -> {
            ArrayNode a = NODES.arrayNode();
            list.forEach(a::add);
            return a;
        });
    }

    @Provide
    Arbitrary<List<String>> asked() {
        return Arbitraries.of("a", "b", "c", "d", "e").list().ofMinSize(1).ofMaxSize(8);
    }
}
