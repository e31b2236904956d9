package dev.sigil.reliability;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "0 lost, 0 duplicated" oracle in numbers: how many expected records a reader never yielded, how many it yielded
 * more than once, how many it yielded that were never expected, and where the two sequences first part.
 */
record ExactlyOnce(int expected, int yielded, int lost, int duplicated, int unexpected, int firstDifference) {

    static ExactlyOnce compare(List<String> expected, List<String> yielded) {
        Map<String, Integer> want = count(expected);
        Map<String, Integer> got = count(yielded);
        int lost = 0;
        int duplicated = 0;
        int unexpected = 0;
        for (Map.Entry<String, Integer> e : want.entrySet()) {
            int g = got.getOrDefault(e.getKey(), 0);
            lost += Math.max(0, e.getValue() - g);
            duplicated += Math.max(0, g - e.getValue());
        }
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            if (!want.containsKey(e.getKey())) {
                unexpected += e.getValue();
            }
        }
        int first = -1;
        for (int i = 0; i < Math.max(expected.size(), yielded.size()); i++) {
            if (i >= expected.size() || i >= yielded.size() || !expected.get(i).equals(yielded.get(i))) {
                first = i;
                break;
            }
        }
        return new ExactlyOnce(expected.size(), yielded.size(), lost, duplicated, unexpected, first);
    }

    boolean inOrder() {
        return firstDifference < 0;
    }

    boolean exact() {
        return lost == 0 && duplicated == 0 && unexpected == 0;
    }

    @Override
    public String toString() {
        return expected + " expected, " + yielded + " yielded: " + lost + " lost, " + duplicated + " duplicated, " + unexpected
                + " unexpected" + (inOrder() ? ", in order" : ", first difference at #" + firstDifference);
    }

    private static Map<String, Integer> count(List<String> list) {
        Map<String, Integer> m = new HashMap<>();
        list.forEach(s -> m.merge(s, 1, Integer::sum));
        return m;
    }
}
