package dev.sigil.contract.format;

import java.util.Arrays;

import tools.jackson.databind.JsonNode;

/**
 * One line as a format reads it through slots (ADR 0114, 0280): where in the line's bytes each value the definition's
 * paths lead to by member names and filter steps is, found in one scan ({@link FastProjection#readSlots}); a value is
 * made into a node only when a path asks for it, and then once per line. No tree of the line, no walk of a path per
 * field. A format with records keeps the slots of each frame (the line, each element of the records path's
 * {@code *}s, the last the record) once per element, and {@link #select} picks the record its paths read. Not
 * thread-safe: one per {@link FastProjection}, reused line after line.
 */
final class Slots {

    private final FastProjection builder;
    private Projection root;
    /** The last frame's level (the record's; 0 without records). */
    private int last;
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
    /** Slots [0, top) are given to the frames' elements of this line. */
    private int top;
    /** The frame being scanned, and the first slot of the element of each frame being scanned. */
    private int level;
    private int[] scanning = new int[1];
    /** The records: for each, the first slot of the elements of every frame it is in, {@code last + 1} a record. */
    private int[] records = new int[4];
    private int recordCount;
    /** The first slot of the elements of every frame of the record {@link #select}ed. */
    private int[] reading = new int[1];
    /** The filter steps below the slots' nodes, looked up once per array of the line. */
    private final FilterIndex filters = new FilterIndex();

    Slots(FastProjection builder) {
        this.builder = builder;
    }

    /** Starts a line of {@code b} read through {@code p} (a root with slots). */
    void start(byte[] b, Projection p) {
        root = p;
        bytes = b;
        last = p.frames() - 1;
        if (scanning.length <= last) {
            scanning = new int[last + 1];
            reading = new int[last + 1];
        }
        if (++line == 0) {
            Arrays.fill(setOn, 0);
            line = 1;
        }
        top = 0;
        recordCount = 0;
        filters.clear();
        enter(0);
    }

    /** Starts an element of frame {@code level} (the line's own at 0); at the last frame, a record. */
    void enter(int level) {
        this.level = level;
        int n = root.slotCount(level);
        int base = top;
        top += n;
        if (start.length < top) {
            int size = Math.max(top, start.length * 2);
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            setOn = Arrays.copyOf(setOn, size);
            escaped = Arrays.copyOf(escaped, size);
            kept = Arrays.copyOf(kept, size);
            whole = Arrays.copyOf(whole, size);
        }
        scanning[level] = base;
        if (level == last) {
            int at = recordCount++ * (last + 1);
            if (records.length < at + last + 1) {
                records = Arrays.copyOf(records, Math.max(at + last + 1, records.length * 2));
            }
            System.arraycopy(scanning, 0, records, at, last + 1);
            select(recordCount - 1);
        }
    }

    /** Ends an element of frame {@code level}: the scan goes on in the element around it. */
    void exit(int level) {
        this.level = level - 1;
    }

    /** The frame below the one being scanned (the elements of a records path's {@code *} in it). */
    int levelBelow() {
        return level + 1;
    }

    /** The record's frame. */
    int lastLevel() {
        return last;
    }

    /** The number of records the line holds (1 without records). */
    int recordCount() {
        return recordCount;
    }

    /** Reads record {@code r} from now on. */
    void select(int r) {
        System.arraycopy(records, r * (last + 1), reading, 0, last + 1);
    }

    /** Forgets slots [from, to) of the element being scanned (a member met again: the last one counts). */
    void clear(int from, int to) {
        int base = scanning[level];
        for (int k = base + from; k < base + to; k++) {
            setOn[k] = 0;
        }
    }

    /** Whether slot {@code k} of the element being scanned has a value. */
    boolean isSet(int k) {
        return setOn[scanning[level] + k] == line;
    }

    /** The value of slot {@code k} of the element being scanned is {@code bytes[from, to)}; {@code escapes}: a string with escapes in it. */
    void set(int k, int from, int to, boolean escapes) {
        k += scanning[level];
        start[k] = from;
        end[k] = to;
        setOn[k] = line;
        escaped[k] = escapes;
        kept[k] = null;
        whole[k] = null;
    }

    private int levelOf(FieldPath path) {
        return path.scope() < 0 ? last : path.scope();
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
        int k = reading[levelOf(path)] + path.slot;
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

    /**
     * Whether {@code path} leads straight to a slot (no step below it) whose value is a string: then its literal
     * (quotes included) is given to {@code out} as the message, no text made.
     */
    boolean literal(FieldPath path, LineFields out) {
        if (path.rest != null) {
            return false;
        }
        int k = reading[levelOf(path)] + path.slot;
        if (setOn[k] != line || bytes[start[k]] != '"') {
            return false;
        }
        out.rawMessage(bytes, start[k], end[k], escaped[k]);
        return true;
    }

    /** The value {@code path} leads to, or null; with {@code nullCounts}, a JSON null is a value. */
    JsonNode at(FieldPath path, boolean nullCounts) {
        int level = levelOf(path);
        int k = reading[level] + path.slot;
        if (setOn[k] != line) {
            return null;
        }
        Projection node = root.slotNode(level, path.slot);
        JsonNode v;
        byte first = bytes[start[k]];
        if (path.rest != null && first != '{' && first != '[') {
            return null; // no step leads anywhere from a scalar: none made (a message's long text, ADR 0290)
        }
        if (path.anyRest && first == '{' && kept[k] == null && whole[k] == null) {
            v = builder.firstMember(bytes, start[k], end[k], node.partial(), nullCounts); // OTLP's value.*: no object made
            if (v != FastProjection.NOT_SURE) {
                return v;
            }
        }
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
