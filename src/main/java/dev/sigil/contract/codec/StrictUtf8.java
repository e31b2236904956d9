package dev.sigil.contract.codec;

/**
 * Strict UTF-8 validation, as CPython's {@code bytes.decode('utf-8')} applies it: no overlong forms, no encoded
 * surrogates (U+D800..U+DFFF), nothing above U+10FFFF, no truncated sequences.
 *
 * <p>Jackson's parser decodes UTF-8 leniently in places, so the reader checks a line here first: a line CPython
 * cannot decode must not become a value in sigil either.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    /** The offset of the first byte that starts an invalid sequence in {@code bytes[from, to)}, or -1 if all is valid. */
    public static int firstInvalid(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            // ASCII fast path, eight bytes at a time.
            while (i + 8 <= to && (readLong(bytes, i) & 0x8080808080808080L) == 0) {
                i += 8;
            }
            if (i >= to) {
                break;
            }
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
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
                return i;
            }
            if (i + length > to) {
                return i;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < min || second > max) {
                return i;
            }
            for (int k = 2; k < length; k++) {
                int c = bytes[i + k] & 0xFF;
                if (c < 0x80 || c > 0xBF) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
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

    private static long readLong(byte[] b, int i) {
        return (b[i] & 0xFFL) | (b[i + 1] & 0xFFL) << 8 | (b[i + 2] & 0xFFL) << 16 | (b[i + 3] & 0xFFL) << 24
                | (b[i + 4] & 0xFFL) << 32 | (b[i + 5] & 0xFFL) << 40 | (b[i + 6] & 0xFFL) << 48 | (b[i + 7] & 0xFFL) << 56;
    }
}
