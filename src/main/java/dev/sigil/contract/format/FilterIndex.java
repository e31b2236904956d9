package dev.sigil.contract.format;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The elements of one record's arrays by the value of a member, gathered on the first {@code [key=value]} step into
 * an array and looked up by every later one (ADR 0210): an OTLP record's {@code attributes} is filtered by some twenty
 * paths, which walked it each. The first element with the value answers, as the walk does ({@code FieldPath.filter}).
 * Not thread-safe: one per record, or per line of {@link Slots}, on the decoding thread.
 */
final class FilterIndex {

    private JsonNode[] arrays = new JsonNode[2];
    private String[] keys = new String[2];
    @SuppressWarnings("unchecked")
    private Map<String, JsonNode>[] elements = new Map[2];
    private int count;

    /** Forgets every array (a new line). */
    void clear() {
        for (int i = 0; i < count; i++) {
            arrays[i] = null;
            elements[i] = null;
        }
        count = 0;
    }

    /** The first element of {@code array} (an array node) whose member {@code key} is the string {@code value}, or null. */
    JsonNode find(JsonNode array, String key, String value) {
        for (int i = 0; i < count; i++) {
            if (arrays[i] == array && keys[i].equals(key)) {
                return elements[i].get(value);
            }
        }
        Map<String, JsonNode> byValue = new HashMap<>();
        for (JsonNode element : array.values()) {
            JsonNode k = element.isObject() ? element.get(key) : null;
            if (k != null && k.isString()) {
                byValue.putIfAbsent(k.stringValue(), element);
            }
        }
        if (count == arrays.length) {
            arrays = java.util.Arrays.copyOf(arrays, count * 2);
            keys = java.util.Arrays.copyOf(keys, count * 2);
            elements = java.util.Arrays.copyOf(elements, count * 2);
        }
        arrays[count] = array;
        keys[count] = key;
        elements[count++] = byValue;
        return byValue.get(value);
    }
}
