package dev.sigil.contract.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The filter steps into one array, grouped by the member they test: {@code keys[g]} (its name's bytes
 * {@code keyBytes[g]}); {@code values[g][j]} the texts it is tested against (their bytes {@code valueBytes[g][j]},
 * null for a text whose UTF-8 would not give it back), {@code found[g][j]} what is kept of the element found.
 */
final class FilterSteps {

    static final FilterSteps NONE = new FilterSteps(new String[0], new byte[0][], new String[0][], new byte[0][][], new Projection[0][], new Projection[0]);

    final String[] keys;
    final byte[][] keyBytes;
    final String[][] values;
    final byte[][][] valueBytes;
    final Projection[][] found;
    /** Whether what is kept of the element found keeps the tested member too. */
    final boolean[][] keepsKey;
    final Projection[] nodes;

    private FilterSteps(String[] keys, byte[][] keyBytes, String[][] values, byte[][][] valueBytes, Projection[][] found, Projection[] nodes) {
        this.keys = keys;
        this.keyBytes = keyBytes;
        this.values = values;
        this.valueBytes = valueBytes;
        this.found = found;
        this.nodes = nodes;
        this.keepsKey = new boolean[keys.length][];
        for (int g = 0; g < keys.length; g++) {
            keepsKey[g] = new boolean[found[g].length];
            for (int j = 0; j < found[g].length; j++) {
                keepsKey[g][j] = found[g][j].memberIndex(keys[g]) >= 0;
            }
        }
    }

    static FilterSteps of(Map<FieldPath.Filter, Projection> filtered) {
        Map<String, List<Map.Entry<FieldPath.Filter, Projection>>> byKey = new LinkedHashMap<>();
        filtered.entrySet().forEach(e -> byKey.computeIfAbsent(e.getKey().key(), k -> new ArrayList<>()).add(e));
        int n = byKey.size();
        String[] keys = new String[n];
        byte[][] keyBytes = new byte[n][];
        String[][] values = new String[n][];
        byte[][][] valueBytes = new byte[n][][];
        Projection[][] found = new Projection[n][];
        int g = 0;
        for (Map.Entry<String, List<Map.Entry<FieldPath.Filter, Projection>>> e : byKey.entrySet()) {
            keys[g] = e.getKey();
            keyBytes[g] = e.getKey().getBytes(StandardCharsets.UTF_8);
            List<Map.Entry<FieldPath.Filter, Projection>> list = e.getValue();
            values[g] = new String[list.size()];
            valueBytes[g] = new byte[list.size()][];
            found[g] = new Projection[list.size()];
            for (int j = 0; j < list.size(); j++) {
                String v = list.get(j).getKey().value();
                byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
                values[g][j] = v;
                valueBytes[g][j] = new String(utf8, StandardCharsets.UTF_8).equals(v) ? utf8 : null;
                found[g][j] = list.get(j).getValue();
            }
            g++;
        }
        return new FilterSteps(keys, keyBytes, values, valueBytes, found, filtered.values().toArray(new Projection[0]));
    }
}
