package dev.sigil.contract.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 validation, as CPython's {@code bytes.decode('utf-8')} applies it: no overlong forms, no encoded
 * surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences.
 *
 * <p>Jackson's parser decodes UTF-8 leniently in places, so the reader checks a line here first: a line CPython
 * cannot decode must not become a value in sigil either.
 */
public final class StrictUtf8 {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private StrictUtf8() {
    }

    /**
     * What to say of a file holding {@code bytes} that must be UTF-8 text: {@code "not UTF-8 text (byte 0xff at
     * offset 8)"}, the offset counting from 0; null when they are UTF-8. The one wording of every reader of such
     * files (pipeline, configuration, {@code sigil tokens}).
     */
    public static String problem(byte[] bytes) {
        int bad = firstInvalid(bytes, 0, bytes.length);
        return bad < 0 ? null : String.format(java.util.Locale.ROOT, "not UTF-8 text (byte 0x%02x at offset %d)", bytes[bad] & 0xFF, bad);
    }

    /** The offset of the first byte that starts an invalid sequence in {@code bytes[from, to)}, or -1 if all is valid. */
    public static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            // ASCII fast path, eight bytes at a time.
            while (i + 8 <= to && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= to) {
                break;
            }
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int next = sequenceEnd(bytes, i, to);
            if (next < 0) {
                return i;
            }
            i = next;
        }
        return -1;
    }

    /**
     * The index after the valid multi-byte sequence whose first byte (0x80 or above) is at {@code i}, or -1 if the
     * sequence there is invalid.
     */
    public static int sequenceEnd(byte[] bytes, int i, int to) {
        int b = bytes[i] & 0xFF;
        int length;
        int min;
        int max;
        if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
            min = 0x80;
            max = 0xBF;
        } else if (b == 0xE0) {
            length = 3;
            min = 0xA0;
            max = 0xBF;
        } else if (b >= 0xE1 && b <= 0xEC || b == 0xEE || b == 0xEF) {
            length = 3;
            min = 0x80;
            max = 0xBF;
        } else if (b == 0xED) {
            length = 3;
            min = 0x80;
            max = 0x9F;
        } else if (b == 0xF0) {
            length = 4;
            min = 0x90;
            max = 0xBF;
        } else if (b >= 0xF1 && b <= 0xF3) {
            length = 4;
            min = 0x80;
            max = 0xBF;
        } else if (b == 0xF4) {
            length = 4;
            min = 0x80;
            max = 0x8F;
        } else {
            return -1;
        }
        if (i + length > to) {
            return -1;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < min || second > max) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            int c = bytes[i + k] & 0xFF;
            if (c < 0x80 || c > 0xBF) {
                return -1;
            }
        }
        return i + length;
    }

    /** Number of code points CPython would count in {@code bytes[from, to)} of valid UTF-8 (for character columns). */
    public static int codePoints(byte[] bytes, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }
}
