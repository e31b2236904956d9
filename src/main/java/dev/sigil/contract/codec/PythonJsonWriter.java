package dev.sigil.contract.codec;

import java.math.BigInteger;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON value as the exact bytes of CPython's {@code json.dumps(value, separators=(',', ':'))}.
 *
 * <p>That is: keys in insertion order; {@code ensure_ascii} escaping (every character outside space..tilde as
 * {@code \\uXXXX} with lowercase hex, characters above U+FFFF as surrogate pairs, the short escapes
 * {@code \\" \\\\ \\n \\r \\t \\b \\f}); floats as {@code repr()} ({@link PythonFloatRepr}); integers of any size up to
 * CPython's 4300-digit limit; {@code true}, {@code false}, {@code null}. Non-finite floats are written as CPython
 * writes them ({@code NaN}, {@code Infinity}, {@code -Infinity}) only when the writer is built to allow them: the
 * execution log refuses them (see docs/contract.md). Output is pure ASCII. Thread-safe.
 */
public final class PythonJsonWriter {

    /** What to do with NaN and the infinities, which RFC 8259 JSON cannot hold. */
    public enum NonFinite {
        /** Write CPython's literals {@code NaN}, {@code Infinity}, {@code -Infinity} (what {@code json.dumps} does). */
        WRITE_LITERALS,
        /** Refuse the value with an {@link IllegalArgumentException}. */
        REJECT
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final NonFinite nonFinite;

    public PythonJsonWriter(NonFinite nonFinite) {
        this.nonFinite = nonFinite;
    }

    /** The encoded bytes of {@code value} (no trailing newline). */
    public byte[] encode(JsonNode value) {
        ByteSink sink = new ByteSink();
        write(value, sink);
        return sink.toByteArray();
    }

    /** The encoded text of {@code value} (ASCII, no trailing newline). */
    public String encodeToString(JsonNode value) {
        ByteSink sink = new ByteSink();
        write(value, sink);
        return sink.toString();
    }

    /**
     * Appends the encoding of {@code value}.
     *
     * @throws IllegalArgumentException naming the JSON pointer of a value CPython could not write, or a non-finite
     *         number when this writer refuses them
     */
    public void write(JsonNode value, ByteSink out) {
        try {
            writeValue(value, out);
        } catch (UnwritableValue e) {
            throw new IllegalArgumentException(e.pointer.isEmpty() ? e.getMessage() : e.pointer + ": " + e.getMessage());
        }
    }

    private void writeValue(JsonNode value, ByteSink out) {
        switch (value.getNodeType()) {
            case OBJECT -> {
                out.write('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : value.properties()) {
                    if (!first) {
                        out.write(',');
                    }
                    first = false;
                    writeString(e.getKey(), out);
                    out.write(':');
                    try {
                        writeValue(e.getValue(), out);
                    } catch (UnwritableValue problem) {
                        throw problem.under(escapePointer(e.getKey()));
                    }
                }
                out.write('}');
            }
            case ARRAY -> {
                out.write('[');
                int n = value.size();
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    try {
                        writeValue(value.get(i), out);
                    } catch (UnwritableValue problem) {
                        throw problem.under(Integer.toString(i));
                    }
                }
                out.write(']');
            }
            case STRING -> writeString(value.stringValue(), out);
            case BOOLEAN -> out.writeAscii(value.booleanValue() ? "true" : "false");
            case NULL -> out.writeAscii("null");
            case NUMBER -> writeNumber(value, out);
            default -> throw new UnwritableValue("a " + value.getNodeType() + " value has no JSON form");
        }
    }

    private void writeNumber(JsonNode value, ByteSink out) {
        if (value.isIntegralNumber()) {
            if (value.canConvertToLong()) {
                out.writeAscii(Long.toString(value.longValue()));
                return;
            }
            BigInteger big = value.bigIntegerValue();
            String digits = big.toString();
            int count = digits.length() - (big.signum() < 0 ? 1 : 0);
            if (count > PythonJsonReader.MAX_INT_DIGITS) {
                throw new UnwritableValue("an integer of " + count + " digits exceeds CPython's limit of " + PythonJsonReader.MAX_INT_DIGITS);
            }
            out.writeAscii(digits);
            return;
        }
        if (value.isBigDecimal()) {
            throw new UnwritableValue("decimal numbers have no CPython float form; use a double");
        }
        double d = value.doubleValue();
        if (Double.isFinite(d)) {
            StringBuilder s = new StringBuilder(24);
            PythonFloatRepr.append(d, s);
            out.writeAscii(s);
        } else if (nonFinite == NonFinite.REJECT) {
            throw new UnwritableValue("the number " + d + " is not allowed: JSON cannot hold NaN or infinities");
        } else {
            out.writeAscii(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
    }

    /** A value CPython could not write, with the JSON pointer collected while the recursion unwinds. */
    private static final class UnwritableValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private String pointer = "";

        UnwritableValue(String message) {
            super(message, null, false, false);
        }

        UnwritableValue under(String token) {
            pointer = "/" + token + pointer;
            return this;
        }
    }

    /** Characters of a string escaped per reservation: room for the worst case of a block, not of the whole string. */
    static final int BLOCK = 4096;

    /** Writes a string with CPython's ensure_ascii escaping. */
    static void writeString(String s, ByteSink out) {
        int n = s.length();
        out.write('"');
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            // Worst case six bytes per char; reserved a block at a time, so a long string costs about its own size.
            out.ensure((to - from) * 6);
            byte[] buf = out.array();
            int pos = out.size();
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
                    buf[pos++] = (byte) c;
                } else {
                    pos = escaped(c, buf, pos);
                }
            }
            out.advance(pos - out.size());
        }
        out.write('"');
    }

    /** Writes one UTF-16 unit as CPython's ensure_ascii does at {@code pos}; returns the new position. */
    static int escaped(char c, byte[] buf, int pos) {
        if (c >= 0x20 && c <= 0x7e && c != '"' && c != '\\') {
            buf[pos++] = (byte) c;
            return pos;
        }
        buf[pos++] = '\\';
        switch (c) {
            case '"' -> buf[pos++] = '"';
            case '\\' -> buf[pos++] = '\\';
            case '\n' -> buf[pos++] = 'n';
            case '\r' -> buf[pos++] = 'r';
            case '\t' -> buf[pos++] = 't';
            case '\b' -> buf[pos++] = 'b';
            case '\f' -> buf[pos++] = 'f';
            default -> {
                buf[pos++] = 'u';
                buf[pos++] = HEX[c >> 12 & 0xF];
                buf[pos++] = HEX[c >> 8 & 0xF];
                buf[pos++] = HEX[c >> 4 & 0xF];
                buf[pos++] = HEX[c & 0xF];
            }
        }
        return pos;
    }

    /** RFC 6901 escaping of one reference token. */
    public static String escapePointer(String token) {
        return token.indexOf('~') < 0 && token.indexOf('/') < 0 ? token : token.replace("~", "~0").replace("/", "~1");
    }
}
