package dev.sigil.contract.format;

import java.util.Arrays;

import dev.sigil.contract.codec.FastJson;

/**
 * Reads a line into {@link Slots} (ADR 0114, 0280): one scan of its bytes (syntax and UTF-8 checked by
 * {@link FastJson}) that follows the members a format's paths name, the records path's arrays (each element an
 * element of the next frame) and the arrays its filter steps look into (the first element each step finds is scanned
 * again into the slots below it), and skips the rest; no node is made. Not thread-safe: one per
 * {@link FastProjection}.
 */
final class SlotScan {

    private final FastJson scan = new FastJson();
    private final Slots slots;

    SlotScan(Slots slots) {
        this.slots = slots;
    }

    /**
     * The line {@code b[from, to)} read into slots (the root {@code p} has them): the line scanned whole, the members
     * on the way to a slot followed by name, the rest skipped, no node made; null when not sure.
     */
    Slots read(byte[] b, int from, int to, Projection p) {
        int i = FastJson.skipWs(b, from, to);
        if (i >= to || b[i] != '{' || to - from > FastJson.MAX_LINE_BYTES) {
            return null;
        }
        slots.start(b, p);
        int e = members(b, i, to, p, 1);
        return e < 0 || FastJson.skipWs(b, e, to) != to ? null : slots;
    }

    /** Scans the object at {@code i}, following the members {@code p} names into their slots; the index after it, or -1. */
    private int members(byte[] b, int i, int end, Projection p, int depth) {
        if (depth > FastJson.MAX_DEPTH) {
            return -1;
        }
        i = FastJson.skipWs(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        return membersFrom(b, i, end, p, depth);
    }

    /** The member {@link #firstTested} read an element by, which must not come again in it (the last one would count). */
    private String watched;
    private byte[] watchedBytes;

    /** {@link #members} from the member at {@code i} on (the first, or one after a comma). */
    private int membersFrom(byte[] b, int i, int end, Projection p, int depth) {
        String watch = watched;
        byte[] watchBytes = watchedBytes;
        watched = null; // the element's own members only, not those of the objects in it
        boolean spineMet = false;
        while (true) {
            if (i >= end || b[i] != '"') {
                return -1;
            }
            int keyEnd = scan.string(b, i, end);
            if (keyEnd < 0) {
                return -1;
            }
            int k = scan.escaped ? p.memberIndex(FastJson.decode(b, i, keyEnd)) : p.hasMembers() ? p.memberIndex(b, i + 1, keyEnd - 1) : -1;
            if (watch != null && k < 0 && (scan.escaped ? watch.equals(FastJson.decode(b, i, keyEnd))
                    : keyEnd - i - 2 == watchBytes.length && FastJson.equalsAt(b, i + 1, watchBytes))) {
                return -1;
            }
            int colon = FastJson.skipWs(b, keyEnd, end);
            if (colon >= end || b[colon] != ':') {
                return -1;
            }
            i = FastJson.skipWs(b, colon + 1, end);
            if (i >= end) {
                return -1;
            }
            int e;
            if (k < 0) {
                e = scan.value(b, i, end, depth);
            } else if (p.member(k).spine()) {
                // The records' way: its elements are the next frame's. Met twice, its first records are no records: not sure.
                if (spineMet || b[i] == '{') {
                    return -1;
                }
                spineMet = true;
                e = b[i] == '[' ? frames(b, i, end, p.member(k).elementProjection(), depth + 1) : scan.value(b, i, end, depth);
            } else {
                Projection child = p.member(k);
                slots.clear(child.slotsFrom(), child.slotsTo());
                e = b[i] == '{' && child.hasMembers() ? members(b, i, end, child, depth + 1)
                        : b[i] == '[' && child.filters().nodes.length > 0 ? filtered(b, i, end, child.filters(), depth + 1)
                        : scan.value(b, i, end, depth);
                if (e >= 0 && child.slot() >= 0) {
                    slots.set(child.slot(), i, e, b[i] == '"' && scan.escaped);
                }
            }
            if (e < 0) {
                return -1;
            }
            i = FastJson.skipWs(b, e, end);
            if (i >= end) {
                return -1;
            }
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = FastJson.skipWs(b, i + 1, end);
        }
    }

    /**
     * Scans the array at {@code i} of the records path, each element an element of the next frame ({@code frame}
     * keeps of it); the index after it, or -1 (not sure, also for a record that is not an object: no record, or one
     * whose paths all lead nowhere, which the exact read decides).
     */
    private int frames(byte[] b, int i, int end, Projection frame, int depth) {
        if (depth > FastJson.MAX_DEPTH) {
            return -1;
        }
        int level = slots.levelBelow();
        boolean record = level == slots.lastLevel();
        i = FastJson.skipWs(b, i + 1, end);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            if (i >= end) {
                return -1;
            }
            int e;
            if (b[i] == '{') {
                slots.enter(level);
                e = members(b, i, end, frame, depth + 1);
                slots.exit(level);
            } else if (record && b[i] != 'n') {
                return -1;
            } else {
                e = scan.value(b, i, end, depth); // no record below it (a null record is none)
            }
            if (e < 0) {
                return -1;
            }
            i = FastJson.skipWs(b, e, end);
            if (i >= end) {
                return -1;
            }
            if (b[i] == ']') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = FastJson.skipWs(b, i + 1, end);
        }
    }

    /** Where the members {@link #testedMembers} looked for were, by group ({@code from} -1: not met). */
    private int[] testedFrom = new int[2];
    private int[] testedTo = new int[2];
    private boolean[] testedEscaped = new boolean[2];

    /** {@link #firstTested}'s answer when the element's first member does not decide it: the two passes do. */
    private static final int LATER = -2;

    /**
     * Scans the array at {@code i} whose elements filter steps look into: the first element each finds is read into
     * the slots below it (and gives the step's own slot), in one pass when its first member is the one tested, else
     * scanned again; the index after the array, or -1.
     */
    private int filtered(byte[] b, int i, int end, FilterSteps f, int depth) {
        if (depth > FastJson.MAX_DEPTH) {
            return -1;
        }
        if (testedFrom.length < f.keys.length) {
            testedFrom = new int[f.keys.length];
            testedTo = new int[f.keys.length];
            testedEscaped = new boolean[f.keys.length];
        }
        i = FastJson.skipWs(b, i + 1, end);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            if (i >= end) {
                return -1;
            }
            int e;
            if (b[i] != '{') {
                e = scan.value(b, i, end, depth);
            } else {
                e = f.keys.length == 1 ? firstTested(b, i, end, f, depth + 1) : LATER;
                if (e == LATER) {
                    e = testedMembers(b, i, end, f, depth + 1);
                    if (e >= 0 && !readFound(b, i, e, end, f, depth + 1)) {
                        return -1;
                    }
                }
            }
            if (e < 0) {
                return -1;
            }
            i = FastJson.skipWs(b, e, end);
            if (i >= end) {
                return -1;
            }
            if (b[i] == ']') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = FastJson.skipWs(b, i + 1, end);
        }
    }

    /** Members met before the tested one that {@link #firstTested} keeps track of, at most. */
    private static final int EARLY = 8;
    private final int[] earlyName = new int[EARLY];
    private final int[] earlyNameEnd = new int[EARLY];
    private final int[] earlyFrom = new int[EARLY];
    private final int[] earlyTo = new int[EARLY];
    private final boolean[] earlyEscaped = new boolean[EARLY];

    /**
     * The element at {@code i} read in one pass when the member {@code f} tests (OTLP's {@code key}, Claude Code's and
     * OpenAI's {@code type}) comes as a text among its first {@value #EARLY} + 1 members (ADR 0290: OpenAI's output
     * items and Claude Code's tool results write an {@code id} first): into the slots of the step it finds when no
     * earlier element was found for it, the members before it from where they were noted, else only scanned; the
     * index after it, -1, or {@link #LATER} (nothing set) for the two passes (the member comes later or not at all,
     * or is not a text, or a name before it is escaped, or the step found keeps that member too). The member met
     * again later: not sure.
     */
    private int firstTested(byte[] b, int i, int end, FilterSteps f, int depth) {
        if (depth > FastJson.MAX_DEPTH) {
            return -1;
        }
        byte[] key = f.keyBytes[0];
        int j = FastJson.skipWs(b, i + 1, end);
        int early = 0;
        int keyEnd;
        while (true) {
            if (j >= end || b[j] != '"') {
                return LATER;
            }
            keyEnd = scan.string(b, j, end);
            if (keyEnd < 0) {
                return -1;
            }
            if (scan.escaped) {
                return LATER;
            }
            if (keyEnd - j - 2 == key.length && FastJson.equalsAt(b, j + 1, key)) {
                break;
            }
            if (early == EARLY) {
                return LATER;
            }
            int colon = FastJson.skipWs(b, keyEnd, end);
            if (colon >= end || b[colon] != ':') {
                return -1;
            }
            int v = FastJson.skipWs(b, colon + 1, end);
            if (v >= end) {
                return -1;
            }
            int e = scan.value(b, v, end, depth);
            if (e < 0) {
                return -1;
            }
            earlyName[early] = j + 1;
            earlyNameEnd[early] = keyEnd - 1;
            earlyFrom[early] = v;
            earlyTo[early] = e;
            earlyEscaped[early++] = b[v] == '"' && scan.escaped;
            int next = FastJson.skipWs(b, e, end);
            if (next >= end || b[next] != ',') {
                return LATER;
            }
            j = FastJson.skipWs(b, next + 1, end);
        }
        int colon = FastJson.skipWs(b, keyEnd, end);
        if (colon >= end || b[colon] != ':') {
            return -1;
        }
        int v = FastJson.skipWs(b, colon + 1, end);
        if (v >= end || b[v] != '"') {
            return LATER;
        }
        int ve = scan.string(b, v, end);
        if (ve < 0) {
            return -1;
        }
        testedFrom[0] = v;
        testedTo[0] = ve;
        testedEscaped[0] = scan.escaped;
        int at = found(b, f, 0);
        if (at >= 0 && f.keepsKey[0][at]) {
            return LATER;
        }
        // An element no step finds, or one an earlier element was found for, is only scanned (no slot).
        Projection found = at < 0 || slots.isSet(f.found[0][at].slot()) ? Projection.NOTHING : f.found[0][at];
        if (found != Projection.NOTHING && found.hasMembers()) {
            for (int m = 0; m < early; m++) {
                int k = found.memberIndex(b, earlyName[m], earlyNameEnd[m]);
                if (k >= 0 && (found.member(k).spine() || member(b, earlyFrom[m], earlyTo[m], earlyEscaped[m], end, found.member(k), depth) < 0)) {
                    return -1;
                }
            }
        }
        int e = FastJson.skipWs(b, ve, end);
        if (e >= end) {
            return -1;
        }
        if (b[e] == '}') {
            e++;
        } else if (b[e] == ',') {
            watched = f.keys[0];
            watchedBytes = key;
            e = membersFrom(b, FastJson.skipWs(b, e + 1, end), end, found, depth);
            watched = null;
        } else {
            return -1;
        }
        if (e >= 0 && found != Projection.NOTHING) {
            slots.set(found.slot(), i, e, false);
        }
        return e;
    }

    /**
     * A member {@link #firstTested} noted before the tested one, whose value {@code b[v, e)} was scanned already: read
     * into the slots of {@code child} as {@link #membersFrom} reads a member it follows; the index after it, or -1.
     */
    private int member(byte[] b, int v, int e, boolean escaped, int end, Projection child, int depth) {
        slots.clear(child.slotsFrom(), child.slotsTo());
        int after = b[v] == '{' && child.hasMembers() ? members(b, v, end, child, depth + 1)
                : b[v] == '[' && child.filters().nodes.length > 0 ? filtered(b, v, end, child.filters(), depth + 1)
                : e;
        if (after >= 0 && child.slot() >= 0) {
            slots.set(child.slot(), v, after, escaped);
        }
        return after;
    }

    /** After {@link #testedMembers} of the element {@code b[i, e)}: each step it finds not found yet read into its slots. */
    private boolean readFound(byte[] b, int i, int e, int end, FilterSteps f, int depth) {
        for (int g = 0; g < f.keys.length; g++) {
            int at = testedFrom[g] < 0 ? -1 : found(b, f, g);
            Projection found = at < 0 ? null : f.found[g][at];
            if (found != null && !slots.isSet(found.slot())) {
                if (found.hasMembers() && members(b, i, end, found, depth) < 0) {
                    return false;
                }
                slots.set(found.slot(), i, e, false);
            }
        }
        return true;
    }

    /** Scans the object at {@code i}, noting where the (last) member each group of {@code f} tests is; the index after it, or -1. */
    private int testedMembers(byte[] b, int i, int end, FilterSteps f, int depth) {
        if (depth > FastJson.MAX_DEPTH) {
            return -1;
        }
        Arrays.fill(testedFrom, 0, f.keys.length, -1);
        i = FastJson.skipWs(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return -1;
            }
            int keyEnd = scan.string(b, i, end);
            if (keyEnd < 0) {
                return -1;
            }
            int g = scan.escaped ? indexOf(f.keys, FastJson.decode(b, i, keyEnd)) : indexOf(f.keyBytes, b, i + 1, keyEnd - 1);
            int colon = FastJson.skipWs(b, keyEnd, end);
            if (colon >= end || b[colon] != ':') {
                return -1;
            }
            i = FastJson.skipWs(b, colon + 1, end);
            if (i >= end) {
                return -1;
            }
            int e = scan.value(b, i, end, depth);
            if (e < 0) {
                return -1;
            }
            if (g >= 0) {
                testedFrom[g] = b[i] == '"' ? i : -1; // only a text is tested; the last one counts
                testedTo[g] = e;
                testedEscaped[g] = b[i] == '"' && scan.escaped;
            }
            i = FastJson.skipWs(b, e, end);
            if (i >= end) {
                return -1;
            }
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                return -1;
            }
            i = FastJson.skipWs(b, i + 1, end);
        }
    }

    /** The index in group {@code g} of the step whose text is the tested member's, or -1. */
    private int found(byte[] b, FilterSteps f, int g) {
        int from = testedFrom[g];
        int to = testedTo[g];
        String[] values = f.values[g];
        if (testedEscaped[g]) {
            String text = FastJson.decode(b, from, to);
            for (int j = 0; j < values.length; j++) {
                if (values[j].equals(text)) {
                    return j;
                }
            }
            return -1;
        }
        int n = to - from - 2;
        byte[][] bytes = f.valueBytes[g];
        for (int j = 0; j < bytes.length; j++) {
            byte[] v = bytes[j];
            // the last byte first: OTLP's names share their first ones (gen_ai.usage.)
            if (v != null && v.length == n && (n == 0 || v[n - 1] == b[from + n]) && FastJson.equalsAt(b, from + 1, v)) {
                return j;
            }
        }
        return -1;
    }

    private static int indexOf(String[] names, String name) {
        for (int g = 0; g < names.length; g++) {
            if (names[g].equals(name)) {
                return g;
            }
        }
        return -1;
    }

    private static int indexOf(byte[][] names, byte[] b, int from, int to) {
        for (int g = 0; g < names.length; g++) {
            if (names[g].length == to - from && FastJson.equalsAt(b, from, names[g])) {
                return g;
            }
        }
        return -1;
    }
}
