package dev.sigil.contract.format;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import dev.sigil.contract.codec.FastJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a line straight from its bytes into the small tree a format's {@link Projection} keeps, without building the
 * rest (the fast path of the formats, as {@code FastLogEvent} is the native one's; ADR 0040, 0110): the line is
 * scanned whole (syntax and UTF-8 checked by {@link FastJson}), the members no path goes through are skipped, the
 * others built as {@code PythonJsonReader} builds them (the last of a repeated key wins). It answers the tree, or null
 * ("not sure": anything {@link FastJson} does not follow, a line that is not an object), and the caller reads the
 * line the exact way. {@code FastProjectionProperties} checks that a definition gives the same events either way.
 * Not thread-safe: one per thread.
 */
public final class FastProjection {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final FastJson scan = new FastJson();
    private final Slots slots = new Slots(this);
    /** Where the last value read ended. */
    private int at;
    /** The names of members kept through {@code *} met last ({@link #name}). */
    private static final int NAMES = 16;
    private final byte[][] nameBytes = new byte[NAMES][];
    private final String[] nameTexts = new String[NAMES];

    /**
     * The line {@code b[from, to)} read into slots (the root {@code p} has them): the line scanned whole, the members
     * on the way to a slot followed by name, the rest skipped, no node made; null when not sure.
     */
    Slots readSlots(byte[] b, int from, int to, Projection p) {
        int i = FastJson.skipWs(b, from, to);
        if (i >= to || b[i] != '{' || to - from > FastJson.MAX_LINE_BYTES) {
            return null;
        }
        slots.start(b, p);
        int e = members(b, i, to, p, 1);
        return e < 0 || FastJson.skipWs(b, e, to) != to ? null : slots;
    }

    /** The node {@code p} keeps of the value {@code b[from, to)}, a value {@link #readSlots} scanned (so never null). */
    JsonNode build(byte[] b, int from, int to, Projection p) {
        return value(b, from, to, p, 0);
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
        while (true) {
            if (i >= end || b[i] != '"') {
                return -1;
            }
            int keyEnd = scan.string(b, i, end);
            if (keyEnd < 0) {
                return -1;
            }
            int k = scan.escaped ? p.memberIndex(FastJson.decode(b, i, keyEnd)) : p.hasMembers() ? p.memberIndex(b, i + 1, keyEnd - 1) : -1;
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
            } else {
                Projection child = p.member(k);
                slots.clear(child.slotsFrom(), child.slotsTo());
                e = b[i] == '{' && child.hasMembers() ? members(b, i, end, child, depth + 1) : scan.value(b, i, end, depth);
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
     * The member name {@code b[from, to)} (plain bytes, no escape) of a member kept through {@code *}: OTLP's
     * {@code value.*} meets {@code stringValue} and {@code intValue} on every attribute, so the last names met are
     * kept, 16 of them by their length and ends (ADR 0260).
     */
    private String name(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0 || n > 40) {
            return new String(b, from, n, StandardCharsets.UTF_8);
        }
        int slot = (n * 31 + b[from] * 7 + b[to - 1]) & (NAMES - 1);
        byte[] known = nameBytes[slot];
        if (known != null && known.length == n && FastJson.equalsAt(b, from, known)) {
            return nameTexts[slot];
        }
        String name = new String(b, from, n, StandardCharsets.UTF_8);
        nameBytes[slot] = java.util.Arrays.copyOfRange(b, from, to);
        nameTexts[slot] = name;
        return name;
    }

    /** The projected tree of the line {@code b[from, to)}, or null when not sure. */
    ObjectNode read(byte[] b, int from, int to, Projection p) {
        int i = FastJson.skipWs(b, from, to);
        if (i >= to || b[i] != '{' || to - from > FastJson.MAX_LINE_BYTES) {
            return null;
        }
        JsonNode root = value(b, i, to, p, 0);
        if (root == null || FastJson.skipWs(b, at, to) != to) {
            return null;
        }
        return (ObjectNode) root;
    }

    /** The value at {@code i} as {@code p} keeps it (null when not sure); {@link #at} is set past it. */
    private JsonNode value(byte[] b, int i, int end, Projection p, int depth) {
        if (depth > FastJson.MAX_DEPTH) {
            return null;
        }
        byte c = b[i];
        if (c == '{') {
            return object(b, i, end, p, depth + 1);
        }
        if (c == '[') {
            return array(b, i, end, p, depth + 1);
        }
        int e = scan.value(b, i, end, depth);
        if (e < 0) {
            return null;
        }
        at = e;
        return scalar(b, i, e, c == '"' && scan.escaped);
    }

    /**
     * The node of the scalar {@code b[from, to)}, a string, literal or number {@link FastJson} has scanned (so well
     * formed), made as {@code PythonJsonReader} makes it; {@code escaped}: a string with escapes in it. The one
     * maker of scalar nodes from bytes, for the projected tree and for {@link Slots}.
     */
    static JsonNode scalar(byte[] b, int from, int to, boolean escaped) {
        return switch (b[from]) {
            case '"' -> NODES.stringNode(escaped ? FastJson.decode(b, from, to) : new String(b, from + 1, to - from - 2, StandardCharsets.UTF_8));
            case 't' -> NODES.booleanNode(true);
            case 'f' -> NODES.booleanNode(false);
            case 'n' -> NODES.nullNode();
            default -> number(b, from, to);
        };
    }

    /** Whether the number {@code b[from, to)} is written without a fraction or an exponent (CPython's int). */
    static boolean integral(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '.' || b[i] == 'e' || b[i] == 'E') {
                return false;
            }
        }
        return true;
    }

    private static JsonNode number(byte[] b, int i, int e) {
        boolean integral = integral(b, i, e);
        if (integral && e - i <= 18) {
            boolean negative = b[i] == '-';
            long v = 0;
            for (int k = negative ? i + 1 : i; k < e; k++) {
                v = v * 10 + (b[k] - '0');
            }
            v = negative ? -v : v;
            return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
        }
        String literal = new String(b, i, e - i, StandardCharsets.US_ASCII);
        if (!integral) {
            return NODES.numberNode(Double.parseDouble(literal));
        }
        BigInteger big = new BigInteger(literal);
        return big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
    }

    private JsonNode object(byte[] b, int i, int end, Projection p, int depth) {
        boolean whole = p != null && p.whole();
        // A small table: a projected object keeps a few members (in the order of the line, as a dict does).
        ObjectNode o = whole ? NODES.objectNode() : new ObjectNode(NODES, new FewMembers(4));
        i = FastJson.skipWs(b, i + 1, end);
        if (i < end && b[i] == '}') {
            at = i + 1;
            return o;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return null;
            }
            int keyStart = i;
            int keyEnd = scan.string(b, i, end);
            if (keyEnd < 0) {
                return null;
            }
            boolean escapedKey = scan.escaped;
            Projection child = null;
            String key = null;
            if (whole) {
                child = Projection.WHOLE;
            } else if (p != null) {
                if (escapedKey) {
                    key = FastJson.decode(b, keyStart, keyEnd);
                    child = p.member(key);
                } else if (p.hasMembers()) {
                    int k = p.memberIndex(b, i + 1, keyEnd - 1);
                    if (k >= 0) {
                        child = p.member(k);
                        key = p.memberName(k);
                    }
                }
                if (child == null) {
                    child = p.anyMemberProjection(); // a member kept by its name keeps what * keeps too (Projection)
                }
            }
            int colon = FastJson.skipWs(b, keyEnd, end);
            if (colon >= end || b[colon] != ':') {
                return null;
            }
            i = FastJson.skipWs(b, colon + 1, end);
            if (child == null) {
                int e = scan.value(b, i, end, depth);
                if (e < 0) {
                    return null;
                }
                i = e;
            } else {
                JsonNode v = value(b, i, end, child, depth);
                if (v == null) {
                    return null;
                }
                if (key == null) {
                    key = escapedKey ? FastJson.decode(b, keyStart, keyEnd) : name(b, keyStart + 1, keyEnd - 1);
                }
                o.set(key, v);
                i = at;
            }
            i = FastJson.skipWs(b, i, end);
            if (i >= end) {
                return null;
            }
            if (b[i] == '}') {
                at = i + 1;
                return o;
            }
            if (b[i] != ',') {
                return null;
            }
            i = FastJson.skipWs(b, i + 1, end);
        }
    }

    private JsonNode array(byte[] b, int i, int end, Projection p, int depth) {
        Projection each = p == null ? null : p.whole() ? Projection.WHOLE : p.elementProjection();
        ArrayNode a = NODES.arrayNode();
        i = FastJson.skipWs(b, i + 1, end);
        if (i < end && b[i] == ']') {
            at = i + 1;
            return a;
        }
        while (true) {
            if (i >= end) {
                return null;
            }
            JsonNode v;
            if (each == null) {
                int e = scan.value(b, i, end, depth);
                if (e < 0) {
                    return null;
                }
                v = NODES.nullNode(); // kept only to keep the positions of the others
                at = e;
            } else {
                v = value(b, i, end, each, depth);
                if (v == null) {
                    return null;
                }
            }
            a.add(v);
            i = FastJson.skipWs(b, at, end);
            if (i >= end) {
                return null;
            }
            if (b[i] == ']') {
                at = i + 1;
                return a;
            }
            if (b[i] != ',') {
                return null;
            }
            i = FastJson.skipWs(b, i + 1, end);
        }
    }
}
