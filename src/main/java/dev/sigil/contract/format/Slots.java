package dev.sigil.contract.format;

import java.util.Arrays;

import tools.jackson.databind.JsonNode;

/**
 * One line as a format reads it through slots (ADR 0114): where in the line's bytes each value the definition's
 * paths lead to by member names is, found in one scan ({@link FastProjection#readSlots}); a value is made into a
 * node only when a path asks for it, and then once per line. No tree of the line, no walk of a path per field. Not
 * thread-safe: one per {@link FastProjection}, reused line after line.
 */
final class Slots {

    private final FastProjection builder;
    private Projection root;
    private byte[] bytes;
    private int[] start = new int[0];
    private int[] end = new int[0];
    /** The line a slot was set on: a slot of an earlier line is no value (nothing to clear between lines). */
    private int[] setOn = new int[0];
    private boolean[] escaped = new boolean[0];
    private int line;
    /** The nodes made so far: as the slot's projection keeps them, and whole. */
    private JsonNode[] kept = new JsonNode[0];
    private JsonNode[] whole = new JsonNode[0];
    /** The filter steps below the slots' nodes, looked up once per array of the line. */
    private final FilterIndex filters = new FilterIndex();

    Slots(FastProjection builder) {
        this.builder = builder;
    }

    /** Starts a line of {@code b} read through {@code p} (a root with slots). */
    void start(byte[] b, Projection p) {
        int n = p.slotCount();
        if (start.length < n) {
            start = new int[n];
            end = new int[n];
            setOn = new int[n];
            escaped = new boolean[n];
            kept = new JsonNode[n];
            whole = new JsonNode[n];
            line = 0;
        }
        if (++line == 0) {
            Arrays.fill(setOn, 0);
            line = 1;
        }
        root = p;
        bytes = b;
        filters.clear();
    }

    /** Forgets slots [from, to) (a member met again: the last one counts). */
    void clear(int from, int to) {
        for (int k = from; k < to; k++) {
            setOn[k] = 0;
        }
    }

    /** The value of slot {@code k} is {@code bytes[from, to)}; {@code escapes}: a string with escapes in it. */
    void set(int k, int from, int to, boolean escapes) {
        start[k] = from;
        end[k] = to;
        setOn[k] = line;
        escaped[k] = escapes;
        kept[k] = null;
        whole[k] = null;
    }

    /**
     * The JSON type of the value {@code path} leads to, read from its first bytes (no node made) when the slot is the
     * value: one of {@link Condition}'s type bits, or 0 for no value.
     */
    int type(FieldPath path) {
        if (path.rest != null) {
            JsonNode v = at(path, true);
            return v == null ? 0 : Condition.typeBit(v);
        }
        int k = path.slot;
        if (setOn[k] != line) {
            return 0;
        }
        return switch (bytes[start[k]]) {
            case '"' -> Condition.STRING;
            case '{' -> Condition.OBJECT;
            case '[' -> Condition.ARRAY;
            case 't', 'f' -> Condition.BOOLEAN;
            case 'n' -> Condition.NULL;
            default -> FastProjection.integral(bytes, start[k], end[k]) ? Condition.INTEGER : Condition.NUMBER;
        };
    }

    /** The value {@code path} leads to, or null; with {@code nullCounts}, a JSON null is a value. */
    JsonNode at(FieldPath path, boolean nullCounts) {
        int k = path.slot;
        if (setOn[k] != line) {
            return null;
        }
        Projection node = root.slotNode(k);
        JsonNode v;
        byte first = bytes[start[k]];
        if (first != '{' && first != '[') {
            v = kept[k];
            if (v == null) {
                v = kept[k] = FastProjection.scalar(bytes, start[k], end[k], escaped[k]); // a scalar is the same whole and kept
            }
        } else if (path.rest == null && node.whole()) {
            v = whole[k];
            if (v == null) {
                v = whole[k] = builder.build(bytes, start[k], end[k], Projection.WHOLE);
            }
        } else {
            v = whole[k] != null ? whole[k] : kept[k];
            if (v == null) {
                v = kept[k] = builder.build(bytes, start[k], end[k], node.partial());
            }
        }
        if (path.rest != null) {
            return path.rest.resolve(v, nullCounts, filters);
        }
        return v.isNull() && !nullCounts ? null : v;
    }
}
