package dev.sigil.contract.validation;

import java.math.BigDecimal;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Closes a gap between networknt and JSON Schema (and Python's {@code jsonschema}): against an integer bound such as
 * {@code maximum: 9223372036854775807}, networknt compares a double through a saturating cast to {@code long}, so
 * {@code 9.3e18} passes. JSON Schema compares mathematical values, and a double of magnitude 2^63 or more is an
 * integer; such doubles are therefore validated as the exact integers they are. Values are never changed in the
 * caller's tree: a copy is made only when a line holds such a number, which is rare.
 */
final class HugeDoubles {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HugeDoubles() {
    }

    /** {@code value}, or a copy with every finite double of magnitude >= 2^63 replaced by its exact integer. */
    static JsonNode asExactIntegers(JsonNode value) {
        return contains(value) ? replace(value) : value;
    }

    private static boolean isHuge(JsonNode v) {
        if (!v.isFloatingPointNumber() || v.isBigDecimal()) {
            return false;
        }
        double d = v.doubleValue();
        return Double.isFinite(d) && Math.abs(d) >= 0x1p63;
    }

    private static boolean contains(JsonNode v) {
        if (isHuge(v)) {
            return true;
        }
        if (v.isContainer()) {
            for (JsonNode child : v.values()) {
                if (contains(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode replace(JsonNode v) {
        if (isHuge(v)) {
            return NODES.numberNode(new BigDecimal(v.doubleValue()).toBigIntegerExact());
        }
        if (v instanceof ObjectNode o) {
            ObjectNode copy = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                copy.set(e.getKey(), replace(e.getValue()));
            }
            return copy;
        }
        if (v instanceof ArrayNode a) {
            ArrayNode copy = NODES.arrayNode(a.size());
            a.forEach(child -> copy.add(replace(child)));
            return copy;
        }
        return v;
    }
}
