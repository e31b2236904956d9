package dev.sigil.contract.format;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.sigil.contract.codec.FastJson;
import dev.sigil.contract.event.Dialect;
import tools.jackson.databind.JsonNode;

/**
 * The match rules of the two built-in native formats, written by hand for speed: an execution entry has a string
 * {@code event_type}; an operation-log line has {@code level} or {@code operation} and no string {@code event_type}
 * (contract/formats/sigil.yaml and operation-log.yaml say the same; a property checks they agree). The same rules
 * from a line's bytes ({@link #fromBytes}) spare the sniff of a native log its parse (ADR 0230).
 */
final class NativeDialects {

    private static final byte[] EVENT_TYPE = "event_type".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LEVEL = "level".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPERATION = "operation".getBytes(StandardCharsets.US_ASCII);
    /** The members of {@link BuiltinFormats#REQUIRED}, each once. */
    private static final List<String> REQUIRED = requiredNames();
    private static final byte[][] REQUIRED_NAMES = new byte[REQUIRED.size()][];
    /** Of each format of {@link BuiltinFormats#REQUIRED}, its members as bits of {@link #REQUIRED_NAMES}. */
    private static final long[] REQUIRED_SETS = new long[BuiltinFormats.REQUIRED.size()];

    static {
        for (int k = 0; k < REQUIRED_NAMES.length; k++) {
            REQUIRED_NAMES[k] = REQUIRED.get(k).getBytes(StandardCharsets.US_ASCII);
        }
        int f = 0;
        for (List<String> members : BuiltinFormats.REQUIRED.values()) {
            for (String m : members) {
                REQUIRED_SETS[f] |= 1L << REQUIRED.indexOf(m);
            }
            f++;
        }
    }

    private NativeDialects() {
    }

    static boolean recognises(Dialect dialect, JsonNode line) {
        if (line == null || !line.isObject()) {
            return false;
        }
        JsonNode type = line.get("event_type");
        boolean entry = type != null && type.isString();
        return dialect == Dialect.EXECUTION_ENTRY ? entry : !entry && (line.has("level") || line.has("operation"));
    }

    /**
     * What the sniff's native rules make of the line {@code b[from, to)} without its tree: {@link Dialect#EXECUTION_ENTRY}
     * for a line {@link #recognises} as one, {@link Dialect#OPERATION_LOG} for an operation-log line that no other
     * built-in format can be ({@link BuiltinFormats#onlyOperationLog}); null for any other line and whenever the bytes
     * do not say for sure (anything {@link FastJson} does not follow): the tree decides then.
     * Not thread-safe through {@code scan}.
     */
    static Dialect fromBytes(byte[] b, int from, int to, FastJson scan) {
        int i = FastJson.skipWs(b, from, to);
        if (i >= to || b[i] != '{') {
            return null;
        }
        boolean stringType = false;
        boolean levelOrOperation = false;
        long present = 0; // bit k: REQUIRED_NAMES[k] is a member
        i = FastJson.skipWs(b, i + 1, to);
        boolean empty = i < to && b[i] == '}';
        while (!empty) {
            if (i >= to || b[i] != '"') {
                return null;
            }
            int keyEnd = scan.string(b, i, to);
            if (keyEnd < 0) {
                return null;
            }
            // a key with an escape (rare) is compared as the text it stands for
            byte[] key = b;
            int k0 = i + 1;
            int kn = keyEnd - 1 - k0;
            if (scan.escaped) {
                key = FastJson.decode(b, i, keyEnd).getBytes(StandardCharsets.UTF_8);
                k0 = 0;
                kn = key.length;
            }
            i = FastJson.skipWs(b, keyEnd, to);
            if (i >= to || b[i] != ':') {
                return null;
            }
            i = FastJson.skipWs(b, i + 1, to);
            int value = i;
            i = scan.value(b, i, to, 1);
            if (i < 0) {
                return null;
            }
            if (is(key, k0, kn, EVENT_TYPE)) {
                stringType = b[value] == '"'; // a repeated key: the last value counts, as in CPython's dict
            }
            levelOrOperation |= is(key, k0, kn, LEVEL) || is(key, k0, kn, OPERATION);
            for (int k = 0; k < REQUIRED_NAMES.length; k++) {
                if (is(key, k0, kn, REQUIRED_NAMES[k])) {
                    present |= 1L << k;
                }
            }
            i = FastJson.skipWs(b, i, to);
            if (i >= to) {
                return null;
            }
            if (b[i] == '}') {
                break;
            }
            if (b[i] != ',') {
                return null;
            }
            i = FastJson.skipWs(b, i + 1, to);
        }
        if (FastJson.skipWs(b, i + 1, to) != to) {
            return null;
        }
        if (stringType) {
            return Dialect.EXECUTION_ENTRY;
        }
        return levelOrOperation && onlyOperationLog(present) ? Dialect.OPERATION_LOG : null;
    }

    /** {@link BuiltinFormats#onlyOperationLog} of a line whose members among {@link #REQUIRED_NAMES} are {@code present}. */
    private static boolean onlyOperationLog(long present) {
        for (long required : REQUIRED_SETS) {
            if ((present & required) == required) {
                return false;
            }
        }
        return true;
    }

    private static List<String> requiredNames() {
        List<String> names = new java.util.ArrayList<>();
        for (List<String> members : BuiltinFormats.REQUIRED.values()) {
            for (String m : members) {
                if (!names.contains(m)) {
                    names.add(m);
                }
            }
        }
        return names;
    }

    private static boolean is(byte[] b, int from, int n, byte[] name) {
        return n == name.length && FastJson.equalsAt(b, from, name);
    }
}
