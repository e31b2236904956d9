package dev.sigil.contract.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.sigil.contract.codec.FastJson;

/**
 * Where the wanted members of a JSON object are, from its bytes: the scan {@link FastLogEvent} and {@link FastUsage}
 * share. Not thread-safe (it keeps its scanner's flags).
 */
final class FastMembers {

    /** A reader's first strings with plain reads, cheap in the interpreter (ADR 0230, 0272). */
    final FastJson scan = new FastJson(FastJson.PLAIN_STRINGS);

    /** Where each wanted member's value is: start, end (exclusive), or -1 when absent; and what else was seen. */
    static final class Fields {
        final int[] start;
        final int[] end;
        /** A member not among the wanted names was seen. */
        boolean other;
        /** A wanted name was given twice (the value noted is the last, as CPython keeps it). */
        boolean repeated;

        Fields(int n) {
            start = new int[n];
            end = new int[n];
        }

        void clear() {
            Arrays.fill(start, -1);
            other = false;
            repeated = false;
        }

        boolean has(int f) {
            return start[f] >= 0;
        }
    }

    /** Scans the object at {@code i}, noting where the wanted members are; the index after it, or {@link FastJson#NO}. */
    int members(byte[] b, int i, int end, byte[][] names, Fields into) {
        if (i >= end || b[i] != '{') {
            return FastJson.NO;
        }
        i = FastJson.skipWs(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return FastJson.NO;
            }
            int keyEnd = scan.string(b, i, end);
            if (keyEnd < 0) {
                return FastJson.NO;
            }
            // A key with an escape is rare (and may still be a wanted name written another way): decode it.
            int wanted = scan.escaped ? indexOf(names, FastLogEvent.string(b, i, keyEnd)) : indexOf(names, b, i + 1, keyEnd - 1);
            i = FastJson.skipWs(b, keyEnd, end);
            if (i >= end || b[i] != ':') {
                return FastJson.NO;
            }
            i = FastJson.skipWs(b, i + 1, end);
            int start = i;
            i = scan.value(b, i, end, 1);
            if (i < 0) {
                return FastJson.NO;
            }
            if (wanted >= 0) {
                into.repeated |= into.start[wanted] >= 0;
                into.start[wanted] = start;
                into.end[wanted] = i;
            } else {
                into.other = true;
            }
            i = FastJson.skipWs(b, i, end);
            if (i >= end) {
                return FastJson.NO;
            }
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                return FastJson.NO;
            }
            i = FastJson.skipWs(b, i + 1, end);
        }
    }

    private static int indexOf(byte[][] names, byte[] b, int from, int to) {
        int n = to - from;
        for (int k = 0; k < names.length; k++) {
            if (names[k].length == n && FastJson.equalsAt(b, from, names[k])) {
                return k;
            }
        }
        return -1;
    }

    private static int indexOf(byte[][] names, String key) {
        for (int k = 0; k < names.length; k++) {
            if (new String(names[k], StandardCharsets.US_ASCII).equals(key)) {
                return k;
            }
        }
        return -1;
    }

    static byte[][] bytes(java.util.List<String> names) {
        byte[][] out = new byte[names.size()][];
        for (int i = 0; i < names.size(); i++) {
            out[i] = names.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }
}
