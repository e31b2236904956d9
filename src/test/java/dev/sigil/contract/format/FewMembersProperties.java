package dev.sigil.contract.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A projected object's members in a {@link FewMembers} behave as in the {@code LinkedHashMap} they replaced (ADR 0260):
 * after any sequence of puts (names met again, names equal but not the same string), removes and removes through the
 * iterator, the same members in the same order, the same answers to get, and an {@code ObjectNode} over either equal
 * to the other and written the same.
 */
class FewMembersProperties {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One change: put (name, value), remove (name), or remove through the iterator the member at a position. */
    record Op(int kind, String name, int value) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<String> names = Arbitraries.of("a", "b", "stringValue", "intValue", "key", "value", "c");
        Arbitrary<Op> op = net.jqwik.api.Combinators.combine(Arbitraries.frequency(net.jqwik.api.Tuple.of(6, 0),
                net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2)), names, Arbitraries.integers().between(0, 9))
                .as(Op::new);
        return op.list().ofMaxSize(30);
    }

    @Property(tries = 1000)
    void behavesAsALinkedHashMap(@ForAll("ops") List<Op> ops) {
        Map<String, JsonNode> expected = new LinkedHashMap<>();
        FewMembers actual = new FewMembers(2);
        for (Op op : ops) {
            String name = new String(op.name.toCharArray()); // equal, not the same string
            switch (op.kind) {
                case 0 -> assertThat(actual.put(name, NODES.numberNode(op.value))).isEqualTo(expected.put(op.name, NODES.numberNode(op.value)));
                case 1 -> assertThat(actual.remove(name)).isEqualTo(expected.remove(op.name));
                default -> {
                    removeAt(expected, op.value);
                    removeAt(actual, op.value);
                }
            }
            assertThat(new ArrayList<>(actual.entrySet())).isEqualTo(new ArrayList<>(expected.entrySet()));
            assertThat(new ArrayList<>(actual.values())).isEqualTo(new ArrayList<>(expected.values()));
            assertThat(actual.size()).isEqualTo(expected.size());
            for (String n : List.of("a", "b", "stringValue", "intValue", "key", "value", "c")) {
                assertThat(actual.get(n)).isEqualTo(expected.get(n));
                assertThat(actual.containsKey(n)).isEqualTo(expected.containsKey(n));
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.hashCode()).isEqualTo(expected.hashCode());
        }
        ObjectNode few = new ObjectNode(NODES, actual);
        ObjectNode linked = new ObjectNode(NODES, new LinkedHashMap<>(expected));
        assertThat(few).isEqualTo(linked);
        assertThat(few.toString()).isEqualTo(linked.toString());
    }

    private static void removeAt(Map<String, JsonNode> map, int position) {
        Iterator<Map.Entry<String, JsonNode>> it = map.entrySet().iterator();
        for (int i = 0; it.hasNext(); i++) {
            it.next();
            if (i == position) {
                it.remove();
                return;
            }
        }
    }
}
