package dev.sigil.contract.codec;

/**
 * Rewrites a line into CPython's {@code json.dumps(json.loads(line), separators=(',', ':'))} bytes without building a
 * tree: the fast path of {@code sigil fmt} and {@code sigil tail --format jsonl} (docs/benchmarks.md, ADR 0040).
 *
 * <p>{@link #write} either appends exactly what {@link PythonJsonReader} then {@link PythonJsonWriter} (writing
 * non-finite literals) would, and returns true, or returns false having appended nothing: a line {@link FastJson}
 * does not follow, an object with a repeated key (CPython keeps the first position and the last value), a float that
 * overflows. {@code FastCanonicalProperties} checks it against the exact path. Not
 * thread-safe: one instance per thread.
 */
public final class FastCanonical {

    /** Objects with more members than this are left to the exact path (repeated keys are looked for pairwise). */
    private static final int MAX_MEMBERS = 64;

    private final FastJson scan = new FastJson();
    private final int[] keyFrom = new int[MAX_MEMBERS * FastJson.MAX_DEPTH];
    private final int[] keyTo = new int[MAX_MEMBERS * FastJson.MAX_DEPTH];
    private final StringBuilder number = new StringBuilder(32);

    /** Appends the canonical form of the line {@code b[from, to)} and returns true; or returns false, out untouched. */
    public boolean write(byte[] b, int from, int to, ByteSink out) {
        int mark = out.size();
        int i = value(b, FastJson.skipWs(b, from, to), to, out, 0, 0);
        if (i >= 0 && FastJson.skipWs(b, i, to) == to) {
            return true;
        }
        out.truncate(mark);
        return false;
    }

    private int value(byte[] b, int i, int end, ByteSink out, int depth, int keys) {
        if (i >= end) {
            return FastJson.NO;
        }
        byte c = b[i];
        switch (c) {
            case '"' -> {
                int after = scan.string(b, i, end);
                if (after >= 0) {
                    string(b, i + 1, after - 1, out);
                }
                return after;
            }
            case '{' -> {
                return object(b, i, end, out, depth + 1, keys);
            }
            case '[' -> {
                return array(b, i, end, out, depth + 1, keys);
            }
            case 't', 'f', 'n' -> {
                int after = scan.value(b, i, end, depth);
                if (after >= 0) {
                    out.write(b, i, after - i);
                }
                return after;
            }
            default -> {
                return number(b, i, end, out);
            }
        }
    }

    private int number(byte[] b, int i, int end, ByteSink out) {
        int after = scan.number(b, i, end);
        if (after < 0) {
            return FastJson.NO;
        }
        if (scan.integral) {
            // An int prints its digits; -0 is the int 0.
            if (after - i == 2 && b[i] == '-' && b[i + 1] == '0') {
                out.write('0');
            } else {
                out.write(b, i, after - i);
            }
            return after;
        }
        if (isRepr(b, i, after)) {
            out.write(b, i, after - i);
            return after;
        }
        double d = Double.parseDouble(new String(b, i, after - i, java.nio.charset.StandardCharsets.US_ASCII));
        if (!Double.isFinite(d)) {
            return FastJson.NO;
        }
        number.setLength(0);
        PythonFloatRepr.append(d, number);
        out.writeAscii(number);
        return after;
    }

    /**
     * Whether the float literal {@code b[from, to)} is already what {@code repr()} writes for its value: plain
     * notation, a value in [1e-4, 1e16) (where repr does not use an exponent), at most 15 significant digits (so no
     * shorter decimal reads back as the same double: two decimals of 15 digits never do) and no trailing zero in
     * the fraction except the lone one of {@code 5.0}. Most floats a CPython program logs are such literals.
     */
    static boolean isRepr(byte[] b, int from, int to) {
        int i = b[from] == '-' ? from + 1 : from;
        int point = i;
        while (point < to && b[point] != '.') {
            point++;
        }
        if (point == to || point + 1 == to) {
            return false; // an exponent or no fraction: not this shape
        }
        int significant;
        if (point - i == 1 && b[i] == '0') {
            int k = point + 1;
            while (k < to && b[k] == '0') {
                k++;
            }
            if (k == to) {
                return to - point == 2; // 0.0 and -0.0 only
            }
            if (k - point - 1 > 3) {
                return false; // below 1e-4
            }
            significant = to - k;
        } else {
            if (point - i > 16) {
                return false;
            }
            significant = point - i + to - point - 1;
        }
        for (int k = point + 1; k < to; k++) {
            if (b[k] < '0' || b[k] > '9') {
                return false;
            }
        }
        boolean loneZero = to - point == 2 && b[point + 1] == '0';
        if (b[to - 1] == '0' && !loneZero) {
            return false;
        }
        return (loneZero ? significant - 1 : significant) <= 15;
    }

    private int object(byte[] b, int i, int end, ByteSink out, int depth, int keys) {
        if (depth > FastJson.MAX_DEPTH) {
            return FastJson.NO;
        }
        out.write('{');
        i = FastJson.skipWs(b, i + 1, end);
        if (i < end && b[i] == '}') {
            out.write('}');
            return i + 1;
        }
        int members = 0;
        while (true) {
            if (i >= end || b[i] != '"' || members == MAX_MEMBERS) {
                return FastJson.NO;
            }
            int keyEnd = scan.string(b, i, end);
            if (keyEnd < 0) {
                return FastJson.NO;
            }
            // Keys are compared in their written form, which is one-to-one with the string (escapes decoded).
            int written = out.size();
            string(b, i + 1, keyEnd - 1, out);
            if (repeated(out, written, out.size(), keys, members)) {
                return FastJson.NO;
            }
            keyFrom[keys + members] = written;
            keyTo[keys + members] = out.size();
            members++;
            i = FastJson.skipWs(b, keyEnd, end);
            if (i >= end || b[i] != ':') {
                return FastJson.NO;
            }
            out.write(':');
            i = value(b, FastJson.skipWs(b, i + 1, end), end, out, depth, keys + MAX_MEMBERS);
            if (i < 0) {
                return FastJson.NO;
            }
            i = FastJson.skipWs(b, i, end);
            if (i >= end) {
                return FastJson.NO;
            }
            if (b[i] == '}') {
                out.write('}');
                return i + 1;
            }
            if (b[i] != ',') {
                return FastJson.NO;
            }
            out.write(',');
            i = FastJson.skipWs(b, i + 1, end);
        }
    }

    private boolean repeated(ByteSink out, int from, int to, int keys, int members) {
        byte[] b = out.array();
        int n = to - from;
        for (int k = keys; k < keys + members; k++) {
            if (keyTo[k] - keyFrom[k] == n && java.util.Arrays.equals(b, keyFrom[k], keyTo[k], b, from, to)) {
                return true;
            }
        }
        return false;
    }

    private int array(byte[] b, int i, int end, ByteSink out, int depth, int keys) {
        if (depth > FastJson.MAX_DEPTH) {
            return FastJson.NO;
        }
        out.write('[');
        i = FastJson.skipWs(b, i + 1, end);
        if (i < end && b[i] == ']') {
            out.write(']');
            return i + 1;
        }
        while (true) {
            i = value(b, i, end, out, depth, keys);
            if (i < 0) {
                return FastJson.NO;
            }
            i = FastJson.skipWs(b, i, end);
            if (i >= end) {
                return FastJson.NO;
            }
            if (b[i] == ']') {
                out.write(']');
                return i + 1;
            }
            if (b[i] != ',') {
                return FastJson.NO;
            }
            out.write(',');
            i = FastJson.skipWs(b, i + 1, end);
        }
    }

    /**
     * Writes the string whose checked content (valid UTF-8, valid escapes) is {@code b[from, to)} with CPython's
     * {@code ensure_ascii} escaping, as {@link PythonJsonWriter} does.
     */
    private static void string(byte[] b, int from, int to, ByteSink out) {
        out.write('"');
        int i = from;
        while (i < to) {
            // At most six bytes out for each byte in (a \\uXXXX for one ASCII control character), reserved a block
            // at a time (a character or an escape that starts in the block may end up to five bytes after it).
            int blockEnd = Math.min(to, i + PythonJsonWriter.BLOCK);
            out.ensure((blockEnd - i + 5) * 6);
            byte[] o = out.array();
            int pos = out.size();
            while (i < blockEnd) {
                byte c = b[i];
                if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F) {
                    o[pos++] = c;
                    i++;
                } else if (c < 0) {
                    int cp = codePoint(b, i);
                    i += cp >= 0x10000 ? 4 : cp >= 0x800 ? 3 : 2;
                    if (cp >= 0x10000) {
                        pos = unit(Character.highSurrogate(cp), o, pos);
                        pos = unit(Character.lowSurrogate(cp), o, pos);
                    } else {
                        pos = unit(cp, o, pos);
                    }
                } else if (c == '\\') {
                    byte e = b[i + 1];
                    if (e == 'u') {
                        int u = FastJson.hex(b[i + 2]) << 12 | FastJson.hex(b[i + 3]) << 8 | FastJson.hex(b[i + 4]) << 4 | FastJson.hex(b[i + 5]);
                        pos = unit(u, o, pos);
                        i += 6;
                    } else {
                        pos = unit(switch (e) {
                            case 'b' -> '\b';
                            case 'f' -> '\f';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            default -> e; // " \ /
                        }, o, pos);
                        i += 2;
                    }
                } else {
                    pos = unit(c, o, pos); // a control character (raw ones never pass the scan) or DEL
                    i++;
                }
            }
            out.advance(pos - out.size());
        }
        out.write('"');
    }

    /** Writes one UTF-16 unit as CPython's ensure_ascii does; returns the new position. */
    private static int unit(int c, byte[] o, int pos) {
        return PythonJsonWriter.escaped((char) c, o, pos);
    }

    /** The code point of the valid multi-byte UTF-8 sequence at {@code i}. */
    private static int codePoint(byte[] b, int i) {
        int c = b[i] & 0xFF;
        if (c < 0xE0) {
            return (c & 0x1F) << 6 | b[i + 1] & 0x3F;
        }
        if (c < 0xF0) {
            return (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | b[i + 2] & 0x3F;
        }
        return (c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | b[i + 3] & 0x3F;
    }
}
