package dev.sigil.print;

import dev.sigil.contract.codec.ByteSink;
import dev.sigil.contract.codec.FastJson;

/**
 * {@link LineFormat} straight from the bytes of a line, without building its tree: the fast path of
 * {@code sigil tail --format line} (docs/benchmarks.md, ADR 0040). It reads the six top-level fields the format
 * prints and skips the rest with a full syntax check ({@link FastJson}).
 *
 * <p>{@link #format} either appends exactly the UTF-8 bytes of {@code LineFormat.format(reader.read(line))} and
 * returns true, or returns false ("not sure": a field that is not a string or null, an escaped key, anything
 * {@link FastJson} does not follow (invalid UTF-8 included), a line that is not an object), and the caller takes the
 * exact path. Not thread-safe: one instance per thread.
 */
public final class FastLineFormat {

    private static final byte[] TIMESTAMP = bytes("timestamp");
    private static final byte[] LEVEL = bytes("level");
    private static final byte[] EVENT_TYPE = bytes("event_type");
    private static final byte[] COMPONENT = bytes("component");
    private static final byte[] OPERATION = bytes("operation");
    private static final byte[] MESSAGE = bytes("message");
    private static final byte[] METADATA = bytes("metadata");
    private static final byte[] SEVERITY_KEY = bytes("\"severity\"");
    private static final byte[] NULL = bytes("null");

    private static final int F_TIMESTAMP = 0;
    private static final int F_LEVEL = 1;
    private static final int F_EVENT_TYPE = 2;
    private static final int F_COMPONENT = 3;
    private static final int F_OPERATION = 4;
    private static final int F_MESSAGE = 5;
    private static final int F_METADATA = 6;

    /** Kinds of a field's value. */
    private static final byte ABSENT = 0;
    private static final byte STRING = 1;
    private static final byte NULL_VALUE = 2;
    private static final byte OTHER = 3;

    private final FastJson scan = new FastJson(FastJson.PLAIN_STRINGS);
    private final byte[] kind = new byte[7];
    private final int[] start = new int[7];
    private final int[] end = new int[7];
    private final boolean[] escaped = new boolean[7];
    private final ByteSink text = new ByteSink(256);
    /** The last metadata object scanned has a member that may be a severity ({@link #metadata}). */
    private boolean severity;
    /** The line's metadata (its last, if repeated) is an object with a member that may be a severity. */
    private boolean metadataSeverity;

    /** Appends the line for {@code b[from, to)} to {@code out} and returns true, or returns false (out untouched). */
    public boolean format(byte[] b, int from, int to, ByteSink out) {
        return scanFields(b, from, to) && write(b, out);
    }

    /**
     * {@link #format(byte[], int, int, ByteSink)} of an execution entry only, or with {@code operationLogs} of a
     * seed-002 operation-log line too ({@link dev.sigil.tail.LineRender}): false for any other line.
     */
    public boolean format(byte[] b, int from, int to, ByteSink out, boolean operationLogs) {
        if (!scanFields(b, from, to)) {
            return false;
        }
        boolean entry = kind[F_EVENT_TYPE] == STRING;
        if (!entry && !(operationLogs && (kind[F_LEVEL] != ABSENT || kind[F_OPERATION] != ABSENT))) {
            return false;
        }
        return write(b, out);
    }

    private boolean write(byte[] b, ByteSink out) {
        if (kind[F_TIMESTAMP] == OTHER || kind[F_COMPONENT] == OTHER || kind[F_MESSAGE] == OTHER) {
            return false;
        }
        if (kind[F_LEVEL] != STRING && kind[F_METADATA] == OTHER && metadataSeverity) {
            return false; // a severity may raise the level (docs/contract.md §8): rare, the exact path decides
        }
        boolean typeIsString = kind[F_EVENT_TYPE] == STRING;
        boolean operationFromType = (kind[F_OPERATION] == ABSENT || kind[F_OPERATION] == NULL_VALUE) && typeIsString;
        if (!operationFromType && kind[F_OPERATION] == OTHER) {
            return false;
        }
        time(b, out);
        out.write(' ');
        out.write('[');
        level(b, typeIsString, out);
        out.write(']');
        out.write(' ');
        field(b, F_COMPONENT, out);
        out.write('/');
        field(b, operationFromType ? F_EVENT_TYPE : F_OPERATION, out);
        out.write(':');
        out.write(' ');
        field(b, F_MESSAGE, out);
        return true;
    }

    private boolean scanFields(byte[] b, int from, int to) {
        java.util.Arrays.fill(kind, ABSENT);
        metadataSeverity = false;
        int i = FastJson.skipWs(b, from, to);
        if (i >= to || b[i] != '{') {
            return false;
        }
        i = FastJson.skipWs(b, i + 1, to);
        if (i < to && b[i] == '}') {
            return FastJson.skipWs(b, i + 1, to) == to;
        }
        while (true) {
            if (i >= to || b[i] != '"') {
                return false;
            }
            int keyEnd = scan.string(b, i, to);
            if (keyEnd < 0 || scan.escaped) {
                return false;
            }
            int field = field(b, i + 1, keyEnd - 1);
            i = FastJson.skipWs(b, keyEnd, to);
            if (i >= to || b[i] != ':') {
                return false;
            }
            i = FastJson.skipWs(b, i + 1, to);
            int valueStart = i;
            if (i < to && b[i] == '"') {
                i = scan.string(b, i, to); // most values: no call through value() (ADR 0300)
            } else {
                i = field == F_METADATA && i < to && b[i] == '{' ? metadata(b, i, to) : scan.value(b, i, to, 1);
            }
            if (i < 0) {
                return false;
            }
            if (field >= 0) {
                // A repeated key: the last value wins, as in CPython's dict (and its severity with it).
                if (field == F_METADATA) {
                    metadataSeverity = b[valueStart] == '{' && severity;
                }
                byte first = b[valueStart];
                kind[field] = first == '"' ? STRING : first == 'n' ? NULL_VALUE : OTHER;
                start[field] = valueStart + 1;
                end[field] = i - 1;
                escaped[field] = first == '"' && scan.escaped;
            }
            i = FastJson.skipWs(b, i, to);
            if (i >= to) {
                return false;
            }
            if (b[i] == '}') {
                return FastJson.skipWs(b, i + 1, to) == to;
            }
            if (b[i] != ',') {
                return false;
            }
            i = FastJson.skipWs(b, i + 1, to);
        }
    }

    private static int field(byte[] b, int from, int to) {
        // the length and the first byte pick the one name a key can be; only that one is compared (ADR 0275)
        switch (to - from) {
            case 9 -> {
                byte c = b[from];
                if (c == 't') {
                    return FastJson.equalsAt(b, from, TIMESTAMP) ? F_TIMESTAMP : -1;
                }
                if (c == 'c') {
                    return FastJson.equalsAt(b, from, COMPONENT) ? F_COMPONENT : -1;
                }
                if (c == 'o') {
                    return FastJson.equalsAt(b, from, OPERATION) ? F_OPERATION : -1;
                }
                return -1;
            }
            case 5 -> {
                return b[from] == 'l' && FastJson.equalsAt(b, from, LEVEL) ? F_LEVEL : -1;
            }
            case 10 -> {
                return b[from] == 'e' && FastJson.equalsAt(b, from, EVENT_TYPE) ? F_EVENT_TYPE : -1;
            }
            case 7 -> {
                return b[from] == 'm' && FastJson.equalsAt(b, from, MESSAGE) ? F_MESSAGE : -1;
            }
            case 8 -> {
                return b[from] == 'm' && FastJson.equalsAt(b, from, METADATA) ? F_METADATA : -1;
            }
            default -> {
                return -1;
            }
        }
    }

    /** jq's text of a string or null field: the string's characters (lone surrogates as U+FFFD), or {@code null}. */
    private void field(byte[] b, int f, ByteSink out) {
        if (kind[f] != STRING) {
            out.write(NULL, 0, NULL.length);
        } else if (!escaped[f]) {
            out.write(b, start[f], end[f] - start[f]);
        } else {
            JqStrings.appendUnescaped(b, start[f], end[f], out);
        }
    }

    /** {@link LineFormat#time}: the part between the first and second {@code T} (else space), before the first dot. */
    private void time(byte[] b, ByteSink out) {
        byte[] src;
        int from;
        int to;
        if (kind[F_TIMESTAMP] != STRING) {
            src = NULL;
            from = 0;
            to = NULL.length;
        } else if (escaped[F_TIMESTAMP]) {
            text.reset();
            JqStrings.appendUnescaped(b, start[F_TIMESTAMP], end[F_TIMESTAMP], text);
            src = text.array();
            from = 0;
            to = text.size();
        } else {
            src = b;
            from = start[F_TIMESTAMP];
            to = end[F_TIMESTAMP];
        }
        int sep = indexOf(src, from, to, (byte) 'T');
        if (sep < 0) {
            sep = indexOf(src, from, to, (byte) ' ');
        }
        if (sep >= 0) {
            byte c = src[sep];
            from = sep + 1;
            int next = indexOf(src, from, to, c);
            to = next < 0 ? to : next;
        }
        if (from == to) {
            out.write(NULL, 0, NULL.length);
            return;
        }
        int dot = indexOf(src, from, to, (byte) '.');
        out.write(src, from, (dot < 0 ? to : dot) - from);
    }

    private void level(byte[] b, boolean typeIsString, ByteSink out) {
        byte[] level;
        if (kind[F_LEVEL] == STRING) {
            int mark = out.size();
            field(b, F_LEVEL, out);
            byte[] a = out.array();
            for (int i = mark; i < out.size(); i++) {
                if (a[i] >= 'a' && a[i] <= 'z') {
                    a[i] -= 32;
                }
            }
            return;
        } else if (typeIsString && escaped[F_EVENT_TYPE]) {
            text.reset();
            field(b, F_EVENT_TYPE, text);
            level = levelOf(text.array(), 0, text.size());
        } else if (typeIsString) {
            level = levelOf(b, start[F_EVENT_TYPE], end[F_EVENT_TYPE] - start[F_EVENT_TYPE]);
        } else {
            level = INFO;
        }
        out.write(level, 0, level.length);
    }

    /** The event types whose level is not info, and their levels, upper-cased: {@link dev.sigil.contract.event.Level#ofEventType}. */
    private static final byte[][] LEVELLED = {bytes("budget_exceeded"), bytes("session_error"), bytes("step_error"), bytes("error"),
        bytes("budget_warning"), bytes("retry_attempt"), bytes("alert")};
    private static final byte[] INFO = bytes("INFO");
    private static final byte[] ERROR = bytes("ERROR");
    private static final byte[] WARNING = bytes("WARNING");
    private static final byte[][] LEVELS = {bytes("CRITICAL"), ERROR, ERROR, ERROR, WARNING, WARNING, WARNING};

    /**
     * docs/contract.md §8, as {@link dev.sigil.contract.event.Level#ofEventType}, of the event type {@code t[from,
     * from + n)}; a severity was ruled out above. Compared as bytes: no string made for each line (ADR 0275).
     */
    private static byte[] levelOf(byte[] t, int from, int n) {
        for (int k = 0; k < LEVELLED.length; k++) {
            if (LEVELLED[k].length == n && FastJson.equalsAt(t, from, LEVELLED[k])) {
                return LEVELS[k];
            }
        }
        return INFO;
    }

    /**
     * Scans the metadata object whose brace is at {@code i} as {@code scan.value(b, i, to, 1)} does and returns the
     * index after it, or {@link FastJson#NO}; notes in {@link #severity} whether a member is called {@code severity}
     * (or has a key with an escape, which might spell it). One pass: the object was scanned twice before (ADR 0255).
     */
    private int metadata(byte[] b, int i, int to) {
        severity = false;
        i = FastJson.skipWs(b, i + 1, to);
        if (i < to && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= to || b[i] != '"') {
                return FastJson.NO;
            }
            int keyEnd = scan.string(b, i, to);
            if (keyEnd < 0) {
                return FastJson.NO;
            }
            if (scan.escaped || keyEnd - i == SEVERITY_KEY.length && b[i + 1] == 's' && FastJson.equalsAt(b, i, SEVERITY_KEY)) {
                severity = true;
            }
            i = FastJson.skipWs(b, keyEnd, to);
            if (i >= to || b[i] != ':') {
                return FastJson.NO;
            }
            i = FastJson.skipWs(b, i + 1, to);
            i = i < to && b[i] == '"' ? scan.string(b, i, to) : scan.value(b, i, to, 2);
            if (i < 0) {
                return FastJson.NO;
            }
            i = FastJson.skipWs(b, i, to);
            if (i >= to) {
                return FastJson.NO;
            }
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                return FastJson.NO;
            }
            i = FastJson.skipWs(b, i + 1, to);
        }
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
