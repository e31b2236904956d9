package dev.sigil.validate;

import java.util.Map;

import dev.sigil.contract.codec.PythonJsonWriter;
import tools.jackson.databind.JsonNode;

/**
 * Finds NaN and infinities: CPython reads and writes them, RFC 8259 JSON cannot hold them, and jq, ajv and most
 * other readers refuse the line. The contract therefore rejects them (docs/contract.md).
 */
final class NonFiniteNumbers {

    private NonFiniteNumbers() {
    }

    /** JSON pointer of the first non-finite number in {@code value}, or null. */
    static String first(JsonNode value) {
        return find(value, "");
    }

    private static String find(JsonNode value, String pointer) {
        if (value.isDouble() || value.isFloat()) {
            return Double.isFinite(value.doubleValue()) ? null : pointer;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                JsonNode child = e.getValue();
                if (child.isContainer() || child.isFloatingPointNumber()) {
                    String found = find(child, pointer + "/" + PythonJsonWriter.escapePointer(e.getKey()));
                    if (found != null) {
                        return found;
                    }
                }
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode child = value.get(i);
                if (child.isContainer() || child.isFloatingPointNumber()) {
                    String found = find(child, pointer + "/" + i);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }
}
