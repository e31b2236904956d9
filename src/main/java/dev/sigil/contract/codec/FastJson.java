package dev.sigil.contract.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A byte-level recogniser for the common shape of a log line, used by the fast paths of {@code tail}, {@code validate}
 * and {@code fmt} (docs/benchmarks.md, ADR 0040). It builds nothing: it checks syntax and says where values end.
 *
 * <p>It answers either "this is valid UTF-8 and JSON that CPython and {@link PythonJsonReader} read alike, and here is
 * where it ends",
 * or {@link #NO}: "not sure". It never claims an error: anything outside its subset ({@code NaN}, {@code Infinity},
 * integers of more than {@link #MAX_DIGITS} digits, nesting deeper than {@link #MAX_DEPTH}, raw control characters,
 * unknown escapes, any syntax error) is {@link #NO}, and the caller reads the line with {@link PythonJsonReader},
 * which decides and words the error exactly as before. Non-ASCII bytes are checked as {@link StrictUtf8} checks them
 * (outside strings they are a syntax error anyway). Not thread-safe: one instance per thread (it keeps the flags of
 * the last scan).
 */
public final class FastJson {

    /** "Not on the fast path": read the line the exact way. */
    public static final int NO = -1;
    /** Deepest nesting the fast path follows. */
    public static final int MAX_DEPTH = 64;
    /**
     * Longest line the fast paths take: the longest line {@code validate} and {@code fmt} read by default. They build
     * no tree, so a valid line costs about its own size whatever the heap (ADR 0065: the readers' heap is bounded);
     * longer lines, and lines a fast path is not sure of, take the exact path, where a heap too small for the value is
     * reported (docs/reliability.md).
     */
    public static final int MAX_LINE_BYTES = 16 << 20;
    /** Longest number literal (in digits) the fast path accepts: shorter than any that could overflow a double. */
    public static final int MAX_DIGITS = 300;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * What {@link #FastJson(int)} is given by a reader of short runs: a file's first 65,536 strings (about 2,500 lines)
     * scanned with plain array reads, then eight bytes at a time (ADR 0230). Through a {@code VarHandle}, eight bytes
     * cost 20 times as much as plain reads in the interpreter, where a short run reads its first lines, and less than
     * them once C2 has compiled them.
     */
    public static final int PLAIN_STRINGS = 1 << 16;
    /** Strings still to be scanned with plain reads. */
    private int plainLeft;

    /** A scanner that reads strings eight bytes at a time from the first. */
    public FastJson() {
        this(0);
    }

    /** A scanner that reads its first {@code plainStrings} strings with plain array reads ({@link #PLAIN_STRINGS}). */
    public FastJson(int plainStrings) {
        this.plainLeft = Math.max(0, plainStrings);
    }

    /** The last string scanned held a backslash escape. */
    public boolean escaped;
    /** The last string scanned held bytes of non-ASCII characters. */
    public boolean nonAscii;
    /** The last number scanned had no fraction and no exponent. */
    public boolean integral;
    /** Sticky: a number with an exponent was seen since {@link #resetSticky()}. */
    public boolean sawExponent;

    /** Clears the sticky flags. */
    public void resetSticky() {
        sawExponent = false;
    }

    /**
     * The first index at or after {@code i} that is not JSON whitespace (space, tab, CR, LF). Most calls find none
     * at all: that case is tested here, in few enough bytecodes for C1 to inline it at every call site (short runs
     * compile with C1 alone, ADR 0160), and only whitespace takes the loop (ADR 0255).
     */
    public static int skipWs(byte[] b, int i, int end) {
        return i < end && b[i] > ' ' ? i : skipWhitespace(b, i, end);
    }

    private static int skipWhitespace(byte[] b, int i, int end) {
        while (i < end) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return i;
            }
            i++;
        }
        return i;
    }

    /**
     * Scans the string whose opening quote is at {@code i}; returns the index after its closing quote, or {@link #NO}.
     * Sets {@link #escaped} and {@link #nonAscii}.
     */
    public int string(byte[] b, int i, int end) {
        // small enough for C1 to inline at every call site: a string costs one call, not two (ADR 0300)
        return plainLeft > 0 ? plainString(b, i, end) : wideString(b, i, end);
    }

    private int plainString(byte[] b, int i, int end) {
        plainLeft--;
        escaped = false;
        nonAscii = false;
        return stringRest(b, plainRun(b, i + 1, end), end, false);
    }

    /**
     * {@link #string} eight bytes at a time. Most strings hold nothing but plain ASCII, their first special byte the
     * closing quote: that case is scanned here without a call. A method of its own, first run once the plain strings
     * are done: C1 compiles a method once, and a {@code VarHandle} access it compiles before the access has ever run
     * stays a slow call for good.
     */
    private int wideString(byte[] b, int i, int end) {
        escaped = false;
        nonAscii = false;
        i++;
        while (i + 8 <= end) {
            long special = specialBytes((long) LONGS.get(b, i));
            if (special != 0) {
                i += lowestFlaggedByte(special);
                return b[i] == '"' ? i + 1 : stringRest(b, i, end, true);
            }
            i += 8;
        }
        return stringRest(b, i, end, true);
    }

    /**
     * The rest of {@link #string} from {@code i}, the first byte of the string not yet known to be plain: escapes,
     * non-ASCII characters, the last few bytes before {@code end}.
     */
    private int stringRest(byte[] b, int i, int end, boolean wide) {
        while (true) {
            if (i >= end) {
                return NO;
            }
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i = escape(b, i, end);
                if (i < 0) {
                    return NO;
                }
                escaped = true;
            } else if (c < 0) {
                i = StrictUtf8.sequenceEnd(b, i, end);
                if (i < 0) {
                    return NO;
                }
                nonAscii = true;
            } else if (c < 0x20) {
                return NO;
            } else {
                i++;
            }
            i = wide ? plainRunWide(b, i, end) : plainRun(b, i, end);
        }
    }

    /** The first index at or after {@code i} of a quote, backslash, control character or non-ASCII byte, or {@code end}. */
    private static int plainRun(byte[] b, int i, int end) {
        // written out, not through special(): a call per byte is what the interpreter would pay for
        for (int last = end - 4; i <= last; i += 4) {
            byte c0 = b[i];
            byte c1 = b[i + 1];
            byte c2 = b[i + 2];
            byte c3 = b[i + 3];
            if (c0 < 0x20 || c0 == '"' || c0 == '\\') {
                return i;
            }
            if (c1 < 0x20 || c1 == '"' || c1 == '\\') {
                return i + 1;
            }
            if (c2 < 0x20 || c2 == '"' || c2 == '\\') {
                return i + 2;
            }
            if (c3 < 0x20 || c3 == '"' || c3 == '\\') {
                return i + 3;
            }
        }
        while (i < end && !special(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean special(byte c) {
        return c < 0x20 || c == '"' || c == '\\';
    }

    /** {@link #plainRun}, eight bytes at a time. */
    private static int plainRunWide(byte[] b, int i, int end) {
        while (i + 8 <= end) {
            long special = specialBytes((long) LONGS.get(b, i));
            if (special != 0) {
                return i + lowestFlaggedByte(special);
            }
            i += 8;
        }
        while (i < end && !special(b[i])) {
            i++;
        }
        return i;
    }

    /**
     * The high bit of each byte of {@code x} (eight bytes of a string, the first the lowest) that may be a quote, a
     * backslash, a control character or non-ASCII, and of at least the lowest that is one: 0 when none is. A
     * borrow only flags bytes above a byte that is one of them, so the lowest flag is always a real one.
     */
    private static long specialBytes(long x) {
        // a byte b - 1 (or b - 0x20) has its high bit set for b == 0 (b < 0x20) when b < 0x80; the last term flags b >= 0x80
        return (((x ^ 0x2222222222222222L) - ONES) | ((x ^ 0x5C5C5C5C5C5C5C5CL) - ONES) | (x - 0x2020202020202020L) | x) & HIGHS;
    }

    /**
     * The index (0-7, from the low end) of the lowest byte whose high bit is set in {@code flags}, which has only
     * bytes' high bits set and at least one: C1 calls {@link Long#numberOfTrailingZeros} as a binary search in Java
     * (it is no intrinsic there), this is an isolate, a multiply and a shift (ADR 0300).
     */
    public static int lowestFlaggedByte(long flags) {
        // the lowest flag alone is 0x80 << 8k; 1 << 8k times a constant whose byte j is 7 - j has k in its top byte
        return (int) ((((flags & -flags) >>> 7) * 0x0001020304050607L) >>> 56);
    }

    private static int escape(byte[] b, int i, int end) {
        if (i + 1 >= end) {
            return NO;
        }
        switch (b[i + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return i + 2;
            }
            case 'u' -> {
                if (i + 6 > end) {
                    return NO;
                }
                for (int k = i + 2; k < i + 6; k++) {
                    if (hex(b[k]) < 0) {
                        return NO;
                    }
                }
                return i + 6;
            }
            default -> {
                return NO;
            }
        }
    }

    /** The value of a hex digit, or -1. */
    public static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /**
     * Scans the number starting at {@code i} ({@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}); returns the
     * index after it, or {@link #NO}. Sets {@link #integral}; an exponent sets {@link #sawExponent}.
     */
    public int number(byte[] b, int i, int end) {
        int start = i;
        if (i < end && b[i] == '-') {
            i++;
        }
        if (i >= end) {
            return NO;
        }
        if (b[i] == '0') {
            i++;
        } else if (b[i] >= '1' && b[i] <= '9') {
            i++;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
        } else {
            return NO;
        }
        integral = true;
        if (i < end && b[i] == '.') {
            i++;
            int digits = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return NO;
            }
            integral = false;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < end && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            int digits = i;
            while (i < end && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == digits) {
                return NO;
            }
            integral = false;
            sawExponent = true;
        }
        if (i - start > MAX_DIGITS) {
            return NO;
        }
        return i;
    }

    /** Scans any value starting at {@code i} (no whitespace before it); returns the index after it, or {@link #NO}. */
    public int value(byte[] b, int i, int end, int depth) {
        if (i >= end) {
            return NO;
        }
        return switch (b[i]) {
            case '"' -> string(b, i, end);
            case '{' -> object(b, i, end, depth + 1);
            case '[' -> array(b, i, end, depth + 1);
            case 't' -> literal(b, i, end, 't', 'r', 'u', 'e');
            case 'f' -> i + 5 <= end && b[i + 1] == 'a' && b[i + 2] == 'l' && b[i + 3] == 's' && b[i + 4] == 'e' ? i + 5 : NO;
            case 'n' -> literal(b, i, end, 'n', 'u', 'l', 'l');
            default -> number(b, i, end);
        };
    }

    private static int literal(byte[] b, int i, int end, char c0, char c1, char c2, char c3) {
        return i + 4 <= end && b[i] == c0 && b[i + 1] == c1 && b[i + 2] == c2 && b[i + 3] == c3 ? i + 4 : NO;
    }

    private int object(byte[] b, int i, int end, int depth) {
        if (depth > MAX_DEPTH) {
            return NO;
        }
        i = skipWs(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return i + 1;
        }
        while (true) {
            if (i >= end || b[i] != '"') {
                return NO;
            }
            i = string(b, i, end);
            if (i < 0) {
                return NO;
            }
            i = skipWs(b, i, end);
            if (i >= end || b[i] != ':') {
                return NO;
            }
            i = value(b, skipWs(b, i + 1, end), end, depth);
            if (i < 0) {
                return NO;
            }
            i = skipWs(b, i, end);
            if (i >= end) {
                return NO;
            }
            if (b[i] == '}') {
                return i + 1;
            }
            if (b[i] != ',') {
                return NO;
            }
            i = skipWs(b, i + 1, end);
        }
    }

    private int array(byte[] b, int i, int end, int depth) {
        if (depth > MAX_DEPTH) {
            return NO;
        }
        i = skipWs(b, i + 1, end);
        if (i < end && b[i] == ']') {
            return i + 1;
        }
        while (true) {
            i = value(b, i, end, depth);
            if (i < 0) {
                return NO;
            }
            i = skipWs(b, i, end);
            if (i >= end) {
                return NO;
            }
            if (b[i] == ']') {
                return i + 1;
            }
            if (b[i] != ',') {
                return NO;
            }
            i = skipWs(b, i + 1, end);
        }
    }

    /**
     * The string whose literal (quotes included) is {@code b[start, end)}, already scanned by {@link #string}, as
     * Jackson decodes it (lone surrogates of {@code \\u} escapes kept).
     */
    public static String decode(byte[] b, int start, int end) {
        int from = start + 1;
        int to = end - 1;
        int backslash = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '\\') {
                backslash = i;
                break;
            }
        }
        if (backslash < 0) {
            return new String(b, from, to - from, StandardCharsets.UTF_8);
        }
        StringBuilder s = new StringBuilder(to - from);
        s.append(new String(b, from, backslash - from, StandardCharsets.UTF_8));
        int i = backslash;
        while (i < to) {
            if (b[i] != '\\') {
                int run = i;
                while (run < to && b[run] != '\\') {
                    run++;
                }
                s.append(new String(b, i, run - i, StandardCharsets.UTF_8));
                i = run;
                continue;
            }
            byte e = b[i + 1];
            if (e == 'u') {
                s.append((char) (hex(b[i + 2]) << 12 | hex(b[i + 3]) << 8 | hex(b[i + 4]) << 4 | hex(b[i + 5])));
                i += 6;
            } else {
                s.append(switch (e) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> (char) e;
                });
                i += 2;
            }
        }
        return s.toString();
    }

    /** True if {@code b[i, i + key.length)} is {@code key}. */
    public static boolean equalsAt(byte[] b, int i, byte[] key) {
        for (int k = 0; k < key.length; k++) {
            if (b[i + k] != key[k]) {
                return false;
            }
        }
        return true;
    }
}
